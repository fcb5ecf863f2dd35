// The steps every write on final accounts takes, in this order: authenticate, parse, authorize,
// load the accounts as the actor may see them, check status and version, then write in one
// transaction with a short lock wait. Each step throws an ActionError that runAction turns
// into the result the user sees. Server-only.
import { z } from 'zod';
import { parseAmount } from '../accounts/money';
import type { TFinalAccounts } from '../accounts/schema';
import { TABLE_KINDS } from '../accounts/templates';
import { upgradeDocument } from '../accounts/upgrade';
import { fieldErrorsOf, type FieldError } from '../accounts/validation';
import { isEditable, STATUS_LABELS } from '../accounts/workflow';
import { ActionError, MESSAGES } from '../action';
import { Prisma, type Db } from '../db';
import type { AccountsStatus } from '../generated/prisma/enums';
import { assembleDocument, mergeCells, StaleVersionError, type Tx } from './accounts-store';
import type { Actor } from './actor';
import { queryRows } from './plain-sql';
import { statusFromDb } from './workflow-store';

export const ZFinalAccountsId = z.uuid('决算编号无效');
export const ZExpectedVersion = z.int('版本号须为整数').positive('版本号须为正整数');

// A short wait for the row lock: the winner of a race holds it for milliseconds; longer means
// trouble, and the user is better told "busy" than left waiting. The transaction may wait a
// little for a pooled connection under a burst, and must finish well within a request.
export const LOCK_TIMEOUT = '2s';
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

/** Accounts as a save or the entry page reads them: the header it checks and the whole document. */
export interface ScopedFinalAccounts {
  id: string;
  departmentId: string;
  status: AccountsStatus;
  version: number;
  document: TFinalAccounts;
}

export function authenticate(actor: Actor | null): Actor {
  if (!actor) throw new ActionError('unauthenticated', MESSAGES.unauthenticated);
  return actor;
}

export function invalidMessage(errors: readonly FieldError[]): string {
  const first = errors[0];
  if (!first) return '输入有误';
  return errors.length === 1 ? first.message : `${first.message}（另有 ${errors.length - 1} 处错误）`;
}

export function refuseInvalid(errors: FieldError[]): never {
  throw new ActionError('invalid', invalidMessage(errors), errors);
}

/** Parses an action's input; `describe` may prefix a message with what the path concerns, in words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, describe?: (path: readonly PropertyKey[]) => string | undefined): z.infer<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  refuseInvalid(fieldErrorsOf(parsed.error.issues, schema).map((error, i) => {
    const where = describe?.(parsed.error.issues[i]?.path ?? []);
    return where ? { ...error, message: `${where}：${error.message}` } : error;
  }));
}

/** Figures are the accountant's: reviewers and admins read them but never change them. */
export function authorizeEditor(actor: Actor): void {
  if (actor.role !== 'ACCOUNTANT') throw new ActionError('forbidden', '审核人员和管理员不能修改决算数字');
}

/** Only draft or returned accounts are with the department; anything else is a conflict. */
export function checkStatusEditable(dbStatus: AccountsStatus): void {
  const status = statusFromDb(dbStatus);
  if (!isEditable(status)) throw new ActionError('conflict', `${STATUS_LABELS[status]}的决算不能修改；退回后方可修改`);
}

export function checkEditable(accounts: Pick<ScopedFinalAccounts, 'status' | 'version'>, expectedVersion: number): void {
  checkStatusEditable(accounts.status);
  if (accounts.version !== expectedVersion) throw new ActionError('stale', MESSAGES.stale);
}

/** Inside a write: locks the accounts row until the transaction ends and returns its status and version as they now are. */
export async function lockAccounts(tx: Tx, id: string): Promise<{ status: AccountsStatus; version: number }> {
  const rows = await tx.$queryRaw<{ status: AccountsStatus; version: number }[]>`
    SELECT status::text AS status, version FROM final_accounts WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new ActionError('not_found', MESSAGES.notFound);
  return row;
}

/** An accountant reaches their departments' accounts, a reviewer or admin their district's (fa, d: accounts, department). */
const inScope = (actor: Actor) => Prisma.sql`(fa.department_id = ANY(${[...actor.departmentIds]}::uuid[])
  OR (${actor.role} <> 'ACCOUNTANT' AND d.district_id = ${actor.districtId}::uuid))`;

/** The header of accounts the actor may see (no document), or not_found. */
export async function loadScopedHeader(db: Db | Tx, actor: Actor, id: string): Promise<Omit<ScopedFinalAccounts, 'document'>> {
  const rows = await db.$queryRaw<{ department_id: string; status: AccountsStatus; version: number }[]>`
    SELECT fa.department_id, fa.status::text AS status, fa.version
    FROM final_accounts fa JOIN department d ON d.id = fa.department_id
    WHERE fa.id = ${id}::uuid AND ${inScope(actor)}`;
  const row = rows[0];
  if (!row) throw new ActionError('not_found', MESSAGES.notFound);
  return { id, departmentId: row.department_id, status: row.status, version: row.version };
}

/**
 * The accounts as this actor may see them, in one statement (header and every figure, amounts as
 * exact text); another department's, or a missing id, is not_found. A save validates the document
 * it writes, so it reads with `validate: false` rather than validate twice.
 */
export async function loadScoped(db: Db, actor: Actor, id: string, { validate }: { validate: boolean }): Promise<ScopedFinalAccounts> {
  const rows = await queryRows<{ department_id: string; status: AccountsStatus; version: number; document: unknown; figures: [string, string, string, string][] }>(db, Prisma.sql`
    SELECT fa.department_id, fa.status::text AS status, fa.version, fa.document,
      (SELECT coalesce(json_agg(json_build_array(f.table_code, f.row_key, f.column_key, f.amount::text)), '[]'::json)
       FROM figure f WHERE f.final_accounts_id = fa.id) AS figures
    FROM final_accounts fa JOIN department d ON d.id = fa.department_id
    WHERE fa.id = ${id}::uuid AND ${inScope(actor)}`);
  const row = rows[0];
  if (!row) throw new ActionError('not_found', MESSAGES.notFound);
  const cells = row.figures.map(([table, rowKey, column, amount]) => {
    const kind = TABLE_KINDS.find((k) => k === table);
    if (!kind) throw new Error(`数据库中的数字属于未知的表 "${table}"`);
    return { table: kind, row: rowKey, column, amount: parseAmount(amount) };
  });
  const document = validate ? assembleDocument(row.document, cells) : mergeCells(upgradeDocument(row.document) as TFinalAccounts, cells);
  return { id, departmentId: row.department_id, status: row.status, version: row.version, document };
}

/** A lost race (StaleVersionError) as the user's 'stale'; a jam becomes 'busy' in runAction. */
async function refuseStale<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleVersionError) throw new ActionError('stale', MESSAGES.stale);
    throw error;
  }
}

/** Runs a write of several statements in one transaction with a short lock wait. */
export async function inWriteTransaction<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  return refuseStale(() => db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`;
    return write(tx);
  }, TRANSACTION_OPTIONS));
}
