// Explaining warnings and submitting: an explanation (出错说明) is kept per finding while the
// accounts are with the department; submission runs the check engine with last year's approved
// document, refuses blocking findings and unexplained warnings, and otherwise moves the accounts
// to submitted with a revision of the document and the explanations in its audit row — in one
// transaction, with the row locked so an explanation cannot be withdrawn half-way. Server-only.
import { z } from 'zod';
import { checkFinalAccounts, type Finding } from '../accounts/check';
import { explanationKey, findingAnchor, findingKey, LONGEST_ANCHOR, unexplainedWarnings, type Explanation } from '../accounts/explanations';
import type { TFinalAccounts } from '../accounts/schema';
import { nextStatus } from '../accounts/workflow';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import {
  authenticate, authorizeEditor, checkEditable, checkStatusEditable, inWriteTransaction, loadScoped, loadScopedHeader, lockAccounts,
  parseInput, ZExpectedVersion, ZFinalAccountsId,
} from './action-steps';
import { recordAuditEvent, recordRevision } from './accounts-store';
import type { Actor } from './actor';
import { approvedDocument } from './entry-years';
import { statusFromDb, statusToDb } from './workflow-store';

export const MAX_EXPLANATION = 2_000;
/** Explanations one accounts may hold: far above any real count of findings, a bound on what a client can store. */
export const MAX_EXPLANATIONS = 2_000;

export const ZSaveExplanation = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  rule: z.string().min(1, '缺少规则').max(200, '规则名过长'),
  anchor: z.string().max(LONGEST_ANCHOR, '位置过长'),
  text: z.string().max(MAX_EXPLANATION, `出错说明最多 ${MAX_EXPLANATION} 字`).transform((text) => text.trim()),
});

export const ZSubmit = z.strictObject({ finalAccountsId: ZFinalAccountsId, expectedVersion: ZExpectedVersion });

const explanationsOf = (db: Pick<Db, 'checkExplanation'>, finalAccountsId: string) =>
  db.checkExplanation.findMany({ where: { finalAccountsId }, select: { rule: true, anchor: true, text: true }, orderBy: [{ rule: 'asc' }, { anchor: 'asc' }] });

/** Saves (or, with empty text, removes) the explanation of one finding; the figures' version is untouched. */
export async function saveExplanation(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<{ explanation: Explanation | null }>> {
  return runAction('saveExplanation', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, rule, anchor, text } = parseInput(ZSaveExplanation, input);
    authorizeEditor(user);
    const header = await loadScopedHeader(db, user, finalAccountsId);
    checkStatusEditable(header.status);
    return inWriteTransaction(db, async (tx) => {
      checkStatusEditable((await lockAccounts(tx, finalAccountsId)).status);
      const key = { finalAccountsId_rule_anchor: { finalAccountsId, rule, anchor } };
      const old = await tx.checkExplanation.findUnique({ where: key, select: { text: true } });
      if ((old?.text ?? '') === text) return { explanation: text ? { rule, anchor, text } : null };
      if (text && !old && (await tx.checkExplanation.count({ where: { finalAccountsId } })) >= MAX_EXPLANATIONS) {
        throw new ActionError('conflict', `一份决算最多保存 ${MAX_EXPLANATIONS} 条出错说明`);
      }
      if (text) await tx.checkExplanation.upsert({ where: key, update: { text, authorId: user.id }, create: { finalAccountsId, rule, anchor, text, authorId: user.id } });
      else await tx.checkExplanation.delete({ where: key });
      await recordAuditEvent(tx, {
        actorId: user.id, actorLabel: user.email, action: 'explanation.update', entity: 'FinalAccounts', entityId: finalAccountsId, finalAccountsId,
        before: { rule, anchor, text: old?.text ?? null }, after: { rule, anchor, text: text || null },
      });
      return { explanation: text ? { rule, anchor, text } : null };
    });
  });
}

const findingErrors = (findings: readonly Finding[], doc: TFinalAccounts) => findings.map((f) => ({ path: explanationKey(f.rule, findingAnchor(f, doc)), message: f.message }));

/** Submits the accounts at `expectedVersion` to the finance bureau, if the check engine allows. */
export async function submitFinalAccounts(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<{ version: number; status: 'SUBMITTED' }>> {
  return runAction('submitFinalAccounts', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, expectedVersion } = parseInput(ZSubmit, input);
    if (user.role !== 'ACCOUNTANT') throw new ActionError('forbidden', '只有部门会计可以上报决算');
    const accounts = await loadScoped(db, user, finalAccountsId, { validate: true });
    checkEditable(accounts, expectedVersion);
    const transition = nextStatus(statusFromDb(accounts.status), 'submit', 'accountant');
    if (!transition.ok) throw new ActionError('conflict', transition.message);

    const previousYear = await approvedDocument(db, accounts.departmentId, accounts.document.fiscalYear - 1);
    const findings = checkFinalAccounts(accounts.document, previousYear ? { previousYear } : undefined);
    const blocking = findings.filter((f) => f.severity === 'blocking');
    if (blocking.length > 0) {
      throw new ActionError('conflict', `还有 ${blocking.length} 个必须修正的问题，不能上报。第一个：${blocking[0]?.message ?? ''}`, findingErrors(blocking, accounts.document));
    }

    return inWriteTransaction(db, async (tx) => {
      checkEditable(await lockAccounts(tx, finalAccountsId), expectedVersion);
      const explanations = await explanationsOf(tx, finalAccountsId);
      const unexplained = unexplainedWarnings(findings, explanations, accounts.document);
      if (unexplained.length > 0) {
        throw new ActionError('invalid', `还有 ${unexplained.length} 个提示没有写出错说明，写明原因后方可上报`, findingErrors(unexplained, accounts.document));
      }
      const status = statusToDb(transition.to);
      const rows = await tx.$queryRaw<{ version: number }[]>`
        UPDATE final_accounts SET status = ${status}::"AccountsStatus", submitted_at = now(), version = version + 1, updated_at = now()
        WHERE id = ${finalAccountsId}::uuid AND version = ${expectedVersion} RETURNING version`;
      const version = rows[0]?.version;
      if (version === undefined) throw new ActionError('stale', MESSAGES.stale);
      // The explanations of this submission's warnings, as the reviewer will read them.
      const warnings = new Set(findings.filter((f) => f.severity === 'warning').map((f) => findingKey(f, accounts.document)));
      await recordRevision(tx, { finalAccountsId, version, status, document: accounts.document, checks: { blocking: blocking.length, warnings: findings.length - blocking.length } });
      await recordAuditEvent(tx, {
        actorId: user.id, actorLabel: user.email, action: 'finalAccounts.submit', entity: 'FinalAccounts', entityId: finalAccountsId, finalAccountsId,
        before: { status: accounts.status, version: expectedVersion },
        after: { status, version, explanations: explanations.filter((e) => warnings.has(explanationKey(e.rule, e.anchor))) },
      });
      return { version, status: 'SUBMITTED' as const };
    });
  });
}
