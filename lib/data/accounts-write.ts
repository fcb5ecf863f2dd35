// Writing figures as the actor: every save runs in the same order — authenticate, parse,
// authorize, check status and version, validate against the template and catalogue, write the
// difference in one transaction with its audit row — and returns one ActionResult. The actor
// is a parameter, so the 'use server' wrappers stay thin and tests call these directly.
// Server-only.
import { z } from 'zod';
import { ZAmount } from '../accounts/amount-schema';
import { cellKey, tableCells } from '../accounts/cells';
import { parseAmount } from '../accounts/money';
import { upgradeDocument } from '../accounts/upgrade';
import { checkFinalAccounts, type Finding } from '../accounts/check';
import { TABLE_KIND_NAMES, TABLE_KINDS } from '../accounts/templates';
import { fieldErrorsOf, parseFinalAccounts, type FieldError } from '../accounts/validation';
import { isEditable, STATUS_LABELS } from '../accounts/workflow';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import {
  assembleDocument, diffCells, diffDocuments, mergeCells, StaleVersionError, writeDiff,
  type AuditEventInput, type DocumentDiff, type FigureChange, type Tx,
} from './accounts-store';
import type { Actor } from './actor';
import { statusFromDb } from './workflow-store';
import type { AccountsStatus } from '../generated/prisma/enums';
import type { TFinalAccounts } from '../accounts/schema';

export const MAX_CHANGES = 5_000;

const ZFinalAccountsId = z.uuid('决算编号无效');
const ZExpectedVersion = z.int('版本号须为整数').positive('版本号须为正整数');

export const ZCellChange = z.strictObject({
  table: z.enum(TABLE_KINDS, { error: '没有这张表' }),
  row: z.string().min(1, '缺少行').max(64, '行键过长'),
  column: z.string().min(1, '缺少栏').max(64, '栏键过长'),
  amount: ZAmount.nullable().describe('万元; null clears the cell'),
});

export const ZSaveCells = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  expectedVersion: ZExpectedVersion,
  changes: z.array(ZCellChange).min(1, '没有要保存的修改').max(MAX_CHANGES, `一次最多保存 ${MAX_CHANGES} 个单元格`),
});
export type TSaveCells = z.infer<typeof ZSaveCells>;
export type TCellChange = z.infer<typeof ZCellChange>;

export const ZSaveDocument = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  expectedVersion: ZExpectedVersion,
  document: z.unknown(),
});

export interface SaveResult {
  version: number;
  findings: Finding[];
}

// A short wait for the row lock: the winner of a race holds it for milliseconds; longer means
// trouble, and the user is better told "busy" than left waiting. The transaction may wait a
// little for a pooled connection under a burst, and must finish well within a request.
const LOCK_TIMEOUT = '2s';
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

/** Accounts as a save or the entry page reads them: the header it checks and the whole document. */
export interface ScopedFinalAccounts {
  id: string;
  departmentId: string;
  status: AccountsStatus;
  version: number;
  document: TFinalAccounts;
}

/** The accounts as this actor may see them; another department's (or a missing id) is not_found. */
async function loadScoped(db: Db | Tx, actor: Actor, id: string, { validate }: { validate: boolean }): Promise<ScopedFinalAccounts> {
  // One statement: the header and every figure, amounts as exact text.
  const rows = await db.$queryRaw<{ department_id: string; status: AccountsStatus; version: number; document: unknown; figures: [string, string, string, string][] }[]>`
    SELECT fa.department_id, fa.status::text AS status, fa.version, fa.document,
      (SELECT coalesce(json_agg(json_build_array(f.table_code, f.row_key, f.column_key, f.amount::text)), '[]'::json)
       FROM figure f WHERE f.final_accounts_id = fa.id) AS figures
    FROM final_accounts fa JOIN department d ON d.id = fa.department_id
    WHERE fa.id = ${id}::uuid
      AND (fa.department_id = ANY(${[...actor.departmentIds]}::uuid[])
           OR (${actor.role} <> 'ACCOUNTANT' AND d.district_id = ${actor.districtId}::uuid))`;
  const row = rows[0];
  if (!row) throw new ActionError('not_found', MESSAGES.notFound);
  const cells = row.figures.map(([table, rowKey, column, amount]) => {
    const kind = TABLE_KINDS.find((k) => k === table);
    if (!kind) throw new Error(`数据库中的数字属于未知的表 "${table}"`);
    return { table: kind, row: rowKey, column, amount: parseAmount(amount) };
  });
  // A save validates the document it writes; validating the stored one too would double the work.
  const document = validate ? assembleDocument(row.document, cells) : mergeCells(upgradeDocument(row.document) as TFinalAccounts, cells);
  return { id, departmentId: row.department_id, status: row.status, version: row.version, document };
}

/** Reads accounts as the actor may: an accountant their departments', a reviewer or admin their district's. */
export async function readFinalAccountsFor(actor: Actor | null, finalAccountsId: unknown, db: Db = getPrisma()): Promise<ActionResult<ScopedFinalAccounts>> {
  return runAction('readFinalAccounts', async () => {
    const user = authenticate(actor);
    const id = parseInput(ZFinalAccountsId, finalAccountsId);
    return loadScoped(db, user, id, { validate: true });
  });
}

function authenticate(actor: Actor | null): Actor {
  if (!actor) throw new ActionError('unauthenticated', MESSAGES.unauthenticated);
  return actor;
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown, describe?: (path: readonly PropertyKey[]) => string | undefined): z.infer<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error.issues, schema).map((error, i) => {
    const where = describe?.(parsed.error.issues[i]?.path ?? []);
    return where ? { ...error, message: `${where}：${error.message}` } : error;
  });
  throw new ActionError('invalid', invalidMessage(errors), errors);
}

function invalidMessage(errors: readonly FieldError[]): string {
  const first = errors[0];
  if (!first) return '输入有误';
  return errors.length === 1 ? first.message : `${first.message}（另有 ${errors.length - 1} 处错误）`;
}

/** Figures are the accountant's: reviewers and admins read them but never change them. */
function authorizeEditor(actor: Actor): void {
  if (actor.role !== 'ACCOUNTANT') throw new ActionError('forbidden', '审核人员和管理员不能修改决算数字');
}

function checkEditable(accounts: ScopedFinalAccounts, expectedVersion: number): void {
  const status = statusFromDb(accounts.status);
  if (!isEditable(status)) throw new ActionError('conflict', `${STATUS_LABELS[status]}的决算不能修改；退回后方可修改`);
  if (accounts.version !== expectedVersion) throw new ActionError('stale', MESSAGES.stale);
}

const cellWords = (change: Pick<TCellChange, 'table' | 'row' | 'column'>) =>
  `${TABLE_KIND_NAMES[change.table] ?? change.table} ${change.row} 行 ${change.column} 栏`;

/** "changes[3].amount" → the cell it concerns, in words, from the raw input. */
function describeChangeAt(input: unknown): (path: readonly PropertyKey[]) => string | undefined {
  return (path) => {
    if (path[0] !== 'changes' || typeof path[1] !== 'number' || path.length < 3) return undefined;
    const change = (input as { changes?: unknown[] } | null)?.changes?.[path[1]] as Record<string, unknown> | undefined;
    const { table, row, column } = change ?? {};
    if (typeof table !== 'string' || typeof row !== 'string' || typeof column !== 'string') return undefined;
    return cellWords({ table: table as TCellChange['table'], row, column });
  };
}

/**
 * Applies the changes to the document (in place: a freshly loaded one) and validates it as the schema does;
 * throws 'invalid' naming every bad cell (by its index in `changes`), else returns the document.
 */
function applyChanges(doc: TFinalAccounts, changes: readonly TCellChange[]): TFinalAccounts {
  const owners = new Map<string, number[]>(); // "tables.kind.rows[i]" → change indexes
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  changes.forEach((change, index) => {
    const key = `${change.table}:${change.row}:${change.column}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path: `changes[${index}]`, message: `${cellWords(change)}：与第 ${first + 1} 项修改重复` });
    seen.set(key, index);
    const rows = doc.tables[change.table].rows;
    let rowIndex = rows.findIndex((r) => r.row === change.row);
    if (rowIndex < 0) {
      if (change.amount === null) return; // clearing a cell that is not there changes nothing
      rowIndex = rows.push({ row: change.row, cells: {} }) - 1;
    }
    const cells = rows[rowIndex]?.cells ?? {};
    if (change.amount === null) delete cells[change.column];
    else cells[change.column] = change.amount;
    const owner = `tables.${change.table}.rows[${rowIndex}]`;
    owners.set(owner, [...(owners.get(owner) ?? []), index]);
  });
  const parsed = parseFinalAccounts(doc);
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      const owner = /^tables\.\w+\.rows\[\d+\]/.exec(error.path)?.[0];
      const column = owner ? /^\.cells\.(.+)$/.exec(error.path.slice(owner.length))?.[1] : undefined;
      const indexes = (owner ? owners.get(owner) : undefined)?.filter((i) => column === undefined || changes[i]?.column === column);
      if (indexes?.length) for (const i of indexes) errors.push({ path: `changes[${i}]`, message: error.message });
      else errors.push(error);
    }
  }
  if (errors.length > 0) {
    const at = (e: FieldError) => Number(/^changes\[(\d+)\]/.exec(e.path)?.[1] ?? -1);
    errors.sort((a, b) => at(a) - at(b));
    throw new ActionError('invalid', invalidMessage(errors), errors);
  }
  return parsed.ok ? parsed.doc : doc;
}

/** Writes a save's difference and its audit row in one transaction; a lost race is 'stale', a jam 'busy'. */
async function writeSave(db: Db, actor: Actor, accounts: ScopedFinalAccounts, action: string, diff: DocumentDiff): Promise<number> {
  const key = (c: FigureChange) => cellKey(c.table, c.row, c.column);
  const audit: AuditEventInput = {
    actorId: actor.id, actorLabel: actor.email, action, entity: 'FinalAccounts', entityId: accounts.id, finalAccountsId: accounts.id,
    before: { version: accounts.version, cells: Object.fromEntries(diff.changes.map((c) => [key(c), c.before])) },
    after: {
      version: accounts.version + 1, cells: Object.fromEntries(diff.changes.map((c) => [key(c), c.after])),
      ...(diff.skeleton ? { document: true } : {}),
    },
  };
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`;
      return writeDiff(tx, { id: accounts.id, expectedVersion: accounts.version, diff, audit });
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof StaleVersionError) throw new ActionError('stale', MESSAGES.stale);
    throw error;
  }
}

/**
 * Saves changed cells of one final accounts: `input` is TSaveCells. Nothing is written unless
 * every change is valid and the accounts are editable and still at `expectedVersion`.
 */
export async function saveCells(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<SaveResult>> {
  return runAction('saveCells', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, expectedVersion, changes } = parseInput(ZSaveCells, input, describeChangeAt(input));
    authorizeEditor(user);
    const accounts = await loadScoped(db, user, finalAccountsId, { validate: false });
    checkEditable(accounts, expectedVersion);
    const stored = tableCells(accounts.document);
    const document = applyChanges(accounts.document, changes);
    const diff = diffCells(stored, tableCells(document));
    if (diff.length === 0) return { version: accounts.version, findings: checkFinalAccounts(document) };
    const version = await writeSave(db, user, accounts, 'figure.update', { changes: diff });
    return { version, findings: checkFinalAccounts(document) };
  });
}

/**
 * Saves a whole document over one final accounts (`input` is { finalAccountsId, expectedVersion,
 * document }), writing only what differs from the stored one, with the same checks as saveCells.
 */
export async function saveDocument(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<SaveResult>> {
  return runAction('saveDocument', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, expectedVersion, document: raw } = parseInput(ZSaveDocument, input);
    const parsed = parseFinalAccounts(raw);
    if (!parsed.ok) {
      const errors = parsed.errors.map((e) => ({ path: e.path ? `document.${e.path}` : 'document', message: e.message }));
      throw new ActionError('invalid', invalidMessage(errors), errors);
    }
    authorizeEditor(user);
    const accounts = await loadScoped(db, user, finalAccountsId, { validate: false });
    checkEditable(accounts, expectedVersion);
    const document = parsed.doc;
    if (document.fiscalYear !== accounts.document.fiscalYear || document.template !== accounts.document.template) {
      throw new ActionError('invalid', `文档的年度或报表格式（${document.fiscalYear}，${document.template}）与该决算（${accounts.document.fiscalYear}，${accounts.document.template}）不符`,
        [{ path: 'document.template', message: '年度与报表格式须与该决算相同' }]);
    }
    const version = await writeSave(db, user, accounts, 'finalAccounts.save', diffDocuments(accounts.document, document));
    return { version, findings: checkFinalAccounts(document) };
  });
}
