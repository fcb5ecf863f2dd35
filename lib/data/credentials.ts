// The credentials check behind sign-in: an e-mail and a password against app_user. Server-only.
// An unknown e-mail, a wrong password and a disabled user all give null, after the same
// scrypt work, so neither the answer nor its timing says whether the user exists.
import type { Db } from '../db';
import { dummyPasswordHash, verifyPassword } from '../password';
import type { SignInLimit } from '../sign-in-limit';
import { loadActor, type Actor } from './actor';

/** E-mails are stored lower-case and trimmed (lib/cli/user-command.ts); compare them the same way. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

// Longer inputs are refused before hashing: scrypt over megabytes of "password" is a cheap DoS.
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;

export async function checkCredentials(db: Db, email: string, password: string): Promise<Actor | null> {
  if (email.length > MAX_EMAIL_LENGTH || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, passwordHash: true, disabledAt: true } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.disabledAt) return null;
  return loadActor(db, user.id);
}

export type SignInOutcome = { ok: true; actor: Actor } | { ok: false; reason: 'credentials' } | { ok: false; reason: 'tooManyAttempts'; minutes: number };

/**
 * One sign-in attempt through the limit: refused unchecked while its e-mail or address is over
 * the limit (counted whether or not the user exists, so the refusal says nothing about that).
 */
export async function attemptSignIn(db: Db, limit: SignInLimit, input: { email: string; password: string; address: string | undefined }): Promise<SignInOutcome> {
  const email = normalizeEmail(input.email).slice(0, MAX_EMAIL_LENGTH + 1); // a key, not a megabyte
  const minutes = limit.minutesToWait(email, input.address);
  if (minutes > 0) return { ok: false, reason: 'tooManyAttempts', minutes };
  const actor = await checkCredentials(db, email, input.password);
  if (!actor) {
    limit.failed(email, input.address);
    return { ok: false, reason: 'credentials' };
  }
  limit.succeeded(email);
  return { ok: true, actor };
}
