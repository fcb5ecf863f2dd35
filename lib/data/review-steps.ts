// The steps the finance bureau's actions share, after those of every write (action-steps.ts):
// the actor's role as the workflow names it, a role check before anything is read, the accounts
// locked with what a transition checks (status, version, level), and the version of the
// submission under review, which comments are attached to. Server-only.
import { STATUSES, availableActions, nextStatus, type Action, type Role, type Status } from '../accounts/workflow';
import { ActionError, MESSAGES } from '../action';
import type { AccountsLevel, AccountsStatus } from '../generated/prisma/enums';
import type { Tx } from './accounts-store';
import type { Actor } from './actor';
import { statusFromDb } from './workflow-store';

const ROLES: Readonly<Record<Actor['role'], Role>> = { ACCOUNTANT: 'accountant', REVIEWER: 'reviewer', ADMIN: 'admin' };

export const workflowRole = (actor: Actor): Role => ROLES[actor.role];

export function authorizeReviewerOrAdmin(actor: Actor): void {
  if (actor.role === 'ACCOUNTANT') throw new ActionError('forbidden', '只有财政局审核人员和管理员可以查看审核');
}

/** A role that may never take `action`, in any status, is refused before anything is read. */
export function authorizeAction(actor: Actor, action: Action, label: string): void {
  const role = workflowRole(actor);
  if (!STATUSES.some((status) => availableActions(status, role).includes(action))) throw new ActionError('forbidden', `无权${label}该决算`);
}

/** Where `action` takes accounts in `status`, or a conflict (or forbidden, for this role in this status). */
export function transitionOf(actor: Actor, status: AccountsStatus, action: Action): Status {
  const result = nextStatus(statusFromDb(status), action, workflowRole(actor));
  if (result.ok) return result.to;
  const allowedToSomeone = (['accountant', 'reviewer', 'admin'] as const).some((role) => nextStatus(statusFromDb(status), action, role).ok);
  throw new ActionError(allowedToSomeone ? 'forbidden' : 'conflict', result.message);
}

export function checkVersion(version: number, expectedVersion: number): void {
  if (version !== expectedVersion) throw new ActionError('stale', MESSAGES.stale);
}

export interface LockedAccounts {
  status: AccountsStatus;
  version: number;
  level: AccountsLevel;
}

/** Locks the accounts row until the transaction ends; unit accounts are reviewed with their department's. */
export async function lockForReview(tx: Tx, id: string): Promise<LockedAccounts> {
  const rows = await tx.$queryRaw<LockedAccounts[]>`
    SELECT status::text AS status, version, level::text AS level FROM final_accounts WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new ActionError('not_found', MESSAGES.notFound);
  if (row.level !== 'DEPARTMENT') throw new ActionError('conflict', '单位决算随所属部门的决算审核，不能单独审核');
  return row;
}

/**
 * The version of the submission under review: that of the latest submitted revision, or the accounts'
 * own version when none was recorded (accounts stored as submitted by an import).
 */
export async function submissionVersion(tx: Tx, id: string, currentVersion: number): Promise<number> {
  const revision = await tx.finalAccountsRevision.findFirst({
    where: { finalAccountsId: id, status: 'SUBMITTED' }, orderBy: { version: 'desc' }, select: { version: true },
  });
  return revision?.version ?? currentVersion;
}
