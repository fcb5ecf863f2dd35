// Who is acting: a signed-in user with the departments and district they may reach. Every
// server action and every scoped read starts from an Actor; a foreign id is "not found".
// Server-only.
import type { Db } from '../db';

export type ActorRole = 'ACCOUNTANT' | 'REVIEWER' | 'ADMIN';

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: ActorRole;
  /** The finance bureau's district of a reviewer or admin; null for an accountant. */
  districtId: string | null;
  /** The departments an accountant is a member of; empty for other roles. */
  departmentIds: readonly string[];
}

/** The actor of a user id, or null when the user does not exist or is disabled. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, role: true, districtId: true, disabledAt: true, memberships: { select: { departmentId: true } } },
  });
  if (!user || user.disabledAt) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    districtId: user.districtId,
    departmentIds: user.role === 'ACCOUNTANT' ? user.memberships.map((m) => m.departmentId) : [],
  };
}
