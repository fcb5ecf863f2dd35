// The finance bureau's transitions of final accounts: return (退回, with at least one comment on
// the submission), approve (审核通过), publish (公开) and start a correction of published accounts
// (更正, with a reason). Each asks the workflow's nextStatus, checks the district (a foreign id is
// not found), the status and the version, and writes the new status, its dates, a revision
// (approved and published) and its audit row in one transaction with the row locked. The published
// revision's heading (department, district, dates, correction reason) is filled from the row by the
// database as it stands at this moment. Server-only.
import { z } from 'zod';
import { ACTION_LABELS, type Action } from '../accounts/workflow';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, Prisma, type Db } from '../db';
import type { AccountsStatus } from '../generated/prisma/enums';
import { recordAuditEvent, recordRevision, type Tx } from './accounts-store';
import { authenticate, inWriteTransaction, loadScoped, loadScopedHeader, parseInput, ZExpectedVersion, ZFinalAccountsId } from './action-steps';
import type { Actor } from './actor';
import { authorizeAction, checkVersion, lockForReview, submissionVersion, transitionOf } from './review-steps';
import { statusToDb } from './workflow-store';

export const MAX_CORRECTION_REASON = 2_000;

export const ZTransition = z.strictObject({ finalAccountsId: ZFinalAccountsId, expectedVersion: ZExpectedVersion });
export const ZStartCorrection = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  expectedVersion: ZExpectedVersion,
  reason: z.string().trim().min(1, '请写明更正原因').max(MAX_CORRECTION_REASON, `更正原因最多 ${MAX_CORRECTION_REASON} 字`),
});

export interface TransitionDone {
  version: number;
  status: AccountsStatus;
}

interface TransitionSpec {
  action: Action;
  /** Columns the transition sets besides status and version. */
  columns: Prisma.Sql;
  /** Whether the transition snapshots the document as a revision. */
  revision: boolean;
  /** A check under the lock before writing (return: a comment exists). */
  precondition?: (tx: Tx, id: string, version: number) => Promise<void>;
  /** What the audit row records besides status and version. */
  detail?: Record<string, unknown>;
}

async function runTransition(user: Actor, finalAccountsId: string, expectedVersion: number, spec: TransitionSpec, db: Db): Promise<TransitionDone> {
  const header = await loadScopedHeader(db, user, finalAccountsId);
  transitionOf(user, header.status, spec.action);
  checkVersion(header.version, expectedVersion);
  // Figures cannot change while the bureau holds the accounts (not editable) and the version is checked again under the lock.
  const document = spec.revision ? (await loadScoped(db, user, finalAccountsId, { validate: false })).document : undefined;
  return inWriteTransaction(db, async (tx) => {
    const locked = await lockForReview(tx, finalAccountsId);
    const to = statusToDb(transitionOf(user, locked.status, spec.action));
    checkVersion(locked.version, expectedVersion);
    await spec.precondition?.(tx, finalAccountsId, locked.version);
    const rows = await tx.$queryRaw<{ version: number }[]>(Prisma.sql`
      UPDATE final_accounts SET status = ${to}::"AccountsStatus", version = version + 1, updated_at = now(), ${spec.columns}
      WHERE id = ${finalAccountsId}::uuid AND version = ${expectedVersion} RETURNING version`);
    const version = rows[0]?.version;
    if (version === undefined) throw new ActionError('stale', MESSAGES.stale);
    if (document) await recordRevision(tx, { finalAccountsId, version, status: to, document });
    await recordAuditEvent(tx, {
      actorId: user.id, actorLabel: user.email, action: `finalAccounts.${spec.action}`, entity: 'FinalAccounts', entityId: finalAccountsId, finalAccountsId,
      before: { status: locked.status, version: locked.version }, after: { status: to, version, ...spec.detail },
    });
    return { version, status: to };
  });
}

/** The steps before any read: authenticate, parse, and refuse a role that may never take the action. */
function transitionAction<T extends z.infer<typeof ZTransition>>(action: Action, schema: z.ZodType<T>, specOf: (input: T) => TransitionSpec) {
  return (actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<TransitionDone>> =>
    runAction(`${action}Accounts`, async () => {
      const user = authenticate(actor);
      const parsed = parseInput(schema, input);
      authorizeAction(user, action, ACTION_LABELS[action]);
      return runTransition(user, parsed.finalAccountsId, parsed.expectedVersion, specOf(parsed), db);
    });
}

async function requireComment(tx: Tx, id: string, version: number): Promise<void> {
  const reviewed = await submissionVersion(tx, id, version);
  const count = await tx.reviewComment.count({ where: { finalAccountsId: id, version: reviewed } });
  if (count === 0) throw new ActionError('conflict', '退回前请至少写一条审核意见，说明需要修改之处');
}

/** 退回: submitted (or approved) → returned; needs a comment on the submission. */
export const returnAccounts = transitionAction('return', ZTransition, () => ({
  action: 'return', columns: Prisma.sql`approved_at = NULL`, revision: false, precondition: requireComment,
}));

/** 审核通过: submitted → approved, with an approved revision; the 20-day publication deadline starts. */
export const approveAccounts = transitionAction('approve', ZTransition, () => ({
  action: 'approve', columns: Prisma.sql`approved_at = now()`, revision: true,
}));

/** 公开: approved → published, with the published revision the public reads. */
export const publishAccounts = transitionAction('publish', ZTransition, () => ({
  action: 'publish', columns: Prisma.sql`published_at = now()`, revision: true,
}));

/** 更正: published → draft with a reason, which the next published revision carries; the published one stays public. */
export const startCorrection = transitionAction('correct', ZStartCorrection, (input) => ({
  action: 'correct', columns: Prisma.sql`correction_reason = ${input.reason}`, revision: false, detail: { reason: input.reason },
}));
