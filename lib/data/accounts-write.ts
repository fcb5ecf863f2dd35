// Writing figures and sections as the actor: every save runs in the same order — authenticate,
// parse, authorize, check status and version, validate the whole edited document against the
// template and catalogue, write the difference in one transaction with its audit row — and
// returns one ActionResult. The actor is a parameter, so the 'use server' wrappers stay thin
// and tests call these directly. Server-only.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ZAmount } from '../accounts/amount-schema';
import { cellKey, tableCells } from '../accounts/cells';
import { ENTRY_SECTIONS, type TEntrySections, type TFinalAccounts } from '../accounts/schema';
import { applyCellValues, deriveCells, isDerivedCell } from '../accounts/derived';
import { findFunctionalSubject } from '../accounts/classification';
import { rowOf, TABLE_KIND_NAMES, TABLE_KINDS, templateFor, TOTAL_ROW, type TableKind, type Template } from '../accounts/templates';
import { parseFinalAccounts, type FieldError } from '../accounts/validation';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import {
  authenticate, authorizeEditor, checkEditable, inWriteTransaction, loadScoped, LOCK_TIMEOUT, parseInput, refuseInvalid,
  ZExpectedVersion, ZFinalAccountsId, type ScopedFinalAccounts,
} from './action-steps';
import { diffCells, diffDocuments, diffStatement, documentSkeleton, writeDiff, type AuditEventInput, type DocumentDiff, type FigureChange } from './accounts-store';
import type { Actor } from './actor';
import { queryRows } from './plain-sql';

export { readFinalAccountsFor } from './accounts-read';
export type { ScopedFinalAccounts } from './action-steps';

export const MAX_CHANGES = 5_000;

export const ZCellChange = z.strictObject({
  table: z.enum(TABLE_KINDS, { error: '没有这张表' }),
  row: z.string().min(1, '缺少行').max(64, '行键过长'),
  column: z.string().min(1, '缺少栏').max(64, '栏键过长'),
  amount: ZAmount.nullable().describe('万元; null clears the cell'),
});

/** Sections arrive whole and are validated with the whole document they go into. */
const ZSections = z.strictObject(Object.fromEntries(ENTRY_SECTIONS.map((key) => [key, z.unknown().optional()])) as Record<(typeof ENTRY_SECTIONS)[number], z.ZodOptional<z.ZodUnknown>>, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? `只能保存这些部分：${ENTRY_SECTIONS.join('、')}` : undefined),
});

const givenSections = (sections: Record<string, unknown> | undefined): (typeof ENTRY_SECTIONS)[number][] =>
  ENTRY_SECTIONS.filter((key) => sections?.[key] !== undefined);

/** A classification row she removed: it must hold no figure and list no 款 or 项 under it. */
export const ZRemovedRow = z.strictObject({
  table: z.enum(TABLE_KINDS, { error: '没有这张表' }),
  row: z.string().min(1, '缺少行').max(64, '行键过长'),
});

export const ZSaveCells = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  expectedVersion: ZExpectedVersion,
  changes: z.array(ZCellChange).max(MAX_CHANGES, `一次最多保存 ${MAX_CHANGES} 个单元格`),
  sections: ZSections.optional().describe('whole sections of the document (TEntrySections)'),
  removedRows: z.array(ZRemovedRow).max(MAX_CHANGES, `一次最多删除 ${MAX_CHANGES} 行`).optional(),
}).refine((input) => input.changes.length > 0 || givenSections(input.sections).length > 0 || (input.removedRows?.length ?? 0) > 0,
  { error: '没有要保存的修改', path: ['changes'] });
export type TCellChange = z.infer<typeof ZCellChange>;
export type TRemovedRow = z.infer<typeof ZRemovedRow>;
export interface TSaveCells {
  finalAccountsId: string;
  expectedVersion: number;
  changes: TCellChange[];
  sections?: TEntrySections;
  removedRows?: TRemovedRow[];
}

export const ZSaveDocument = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  expectedVersion: ZExpectedVersion,
  document: z.unknown(),
});

export interface SaveResult {
  version: number;
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

function isKnownRow(template: Template, fiscalYear: number, kind: TableKind, row: string): boolean {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') return row === TOTAL_ROW || findFunctionalSubject(fiscalYear, row) !== undefined;
  return rowOf(table, row) !== undefined;
}

/**
 * Applies the changes and sections to the document (in place: a freshly loaded one), recomputes
 * the derived cells they affect, and validates the result as the schema does; throws 'invalid'
 * naming every bad cell by its index in `changes` and every bad section field by its document
 * path ("overview.staff.active"), else returns the document.
 */
/** Removes empty classification rows from the document, in place; a row with figures or listed children, or a fixed line, is an error. */
function removeRows(doc: TFinalAccounts, removed: readonly TRemovedRow[], errors: FieldError[]): number {
  const template = templateFor(doc.template);
  let count = 0;
  removed.forEach(({ table, row }, index) => {
    const rows = doc.tables[table].rows;
    const at = rows.findIndex((r) => r.row === row);
    if (at < 0) return; // already gone: removing it again changes nothing
    const where = `${TABLE_KIND_NAMES[table]} ${row} 行`;
    if (template.tables[table].rowKind !== 'functional' || row === TOTAL_ROW) {
      errors.push({ path: `removedRows[${index}]`, message: `${where}：只能删除支出功能分类科目行` });
    } else if (Object.keys(rows[at]?.cells ?? {}).length > 0 || rows.some((r) => r.row !== row && r.row.startsWith(row))) {
      errors.push({ path: `removedRows[${index}]`, message: `${where}：该科目还有数字或下级科目，请先清空后再删除` });
    } else {
      rows.splice(at, 1);
      count += 1;
    }
  });
  return count;
}

export function applyChanges(doc: TFinalAccounts, changes: readonly TCellChange[], sections: TEntrySections, removed: readonly TRemovedRow[] = [], counts = { removedRows: 0 }): TFinalAccounts {
  const owners = new Map<string, number[]>(); // "kind:row" → change indexes
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  changes.forEach((change, index) => {
    const key = cellKey(change.table, change.row, change.column);
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path: `changes[${index}]`, message: `${cellWords(change)}：与第 ${first + 1} 项修改重复` });
    seen.set(key, index);
    const owner = `${change.table}:${change.row}`;
    owners.set(owner, [...(owners.get(owner) ?? []), index]);
  });
  applyCellValues(doc, changes);
  // Whether a cell is derived depends on the rows listed, new ones included.
  changes.forEach((change, index) => {
    if (isDerivedCell(doc, change.table, change.row, change.column)) {
      errors.push({ path: `changes[${index}]`, message: `${cellWords(change)}：该数由系统根据明细数计算，不能直接填写` });
    }
  });
  // A row the template or catalogue does not know is refused below; deriving from it would only add its unknown parents.
  const template = templateFor(doc.template);
  const known = changes.filter((c) => isKnownRow(template, doc.fiscalYear, c.table, c.row));
  applyCellValues(doc, deriveCells(doc, known.map((c) => cellKey(c.table, c.row, c.column))));
  if (removed.length > 0) {
    counts.removedRows = removeRows(doc, removed, errors);
    applyCellValues(doc, deriveCells(doc)); // a parent left without children becomes an entered row again
  }
  Object.assign(doc, sections);
  const parsed = parseFinalAccounts(doc);
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      const at = /^tables\.(\w+)\.rows\[(\d+)\]/.exec(error.path);
      const row = at ? doc.tables[at[1] as TableKind]?.rows[Number(at[2])]?.row : undefined;
      const column = at ? /^\.cells\.(.+)$/.exec(error.path.slice(at[0].length))?.[1] : undefined;
      const indexes = (at && row !== undefined ? owners.get(`${at[1]}:${row}`) : undefined)?.filter((i) => column === undefined || changes[i]?.column === column);
      if (indexes?.length) for (const i of indexes) errors.push({ path: `changes[${i}]`, message: error.message });
      else errors.push(error);
    }
  }
  if (errors.length > 0) {
    const at = (e: FieldError) => Number(/^changes\[(\d+)\]/.exec(e.path)?.[1] ?? Number.MAX_SAFE_INTEGER);
    refuseInvalid(errors.sort((a, b) => at(a) - at(b)));
  }
  return parsed.ok ? parsed.doc : doc;
}

/** Writes a save's difference and its audit row (old → new of every cell and section) in one transaction. */
async function writeSave(db: Db, actor: Actor, accounts: ScopedFinalAccounts, action: string, diff: DocumentDiff, sections?: { before: object; after: object }): Promise<number> {
  const key = (c: FigureChange) => cellKey(c.table, c.row, c.column);
  const audit: AuditEventInput = {
    actorId: actor.id, actorLabel: actor.email, action, entity: 'FinalAccounts', entityId: accounts.id, finalAccountsId: accounts.id,
    before: { version: accounts.version, cells: Object.fromEntries(diff.changes.map((c) => [key(c), c.before])), ...(sections ? { sections: sections.before } : {}) },
    after: {
      version: accounts.version + 1, cells: Object.fromEntries(diff.changes.map((c) => [key(c), c.after])),
      ...(sections ? { sections: sections.after } : diff.skeleton ? { document: true } : {}),
    },
  };
  const write = { id: accounts.id, expectedVersion: accounts.version, diff, audit, lockTimeout: LOCK_TIMEOUT };
  if (diff.derivedFrom) return inWriteTransaction(db, (tx) => writeDiff(tx, write));
  // Without projects and indicators to rewrite, the write is one statement, its own transaction.
  const version = (await queryRows<{ version: number }>(db, diffStatement(write)))[0]?.version;
  if (version === undefined) throw new ActionError('stale', MESSAGES.stale);
  return version;
}

/**
 * Saves changed cells and whole sections of one final accounts: `input` is TSaveCells. Nothing
 * is written unless every change is valid and the accounts are editable and still at `expectedVersion`.
 */
export async function saveCells(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<SaveResult>> {
  return runAction('saveCells', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, expectedVersion, changes, sections: rawSections, removedRows = [] } = parseInput(ZSaveCells, input, describeChangeAt(input));
    authorizeEditor(user);
    const accounts = await loadScoped(db, user, finalAccountsId, { validate: false });
    checkEditable(accounts, expectedVersion);
    const stored = { cells: tableCells(accounts.document), sections: { ...accounts.document } };
    const keys = givenSections(rawSections);
    const sections = Object.fromEntries(keys.map((k) => [k, rawSections?.[k]])) as TEntrySections;
    const counts = { removedRows: 0 };
    const document = applyChanges(accounts.document, changes, sections, removedRows, counts);
    const changedSections = keys.filter((k) => !isDeepStrictEqual(stored.sections[k], document[k]));
    const rowsRemoved = counts.removedRows > 0;
    const diff: DocumentDiff = {
      changes: diffCells(stored.cells, tableCells(document)),
      ...(changedSections.length > 0 || rowsRemoved ? { skeleton: documentSkeleton(document) } : {}),
      ...(changedSections.includes('performance') ? { derivedFrom: document } : {}),
    };
    if (diff.changes.length === 0 && changedSections.length === 0 && !rowsRemoved) return { version: accounts.version };
    const pick = (doc: Partial<TFinalAccounts>) => Object.fromEntries(changedSections.map((k) => [k, doc[k] ?? null]));
    const audited = changedSections.length > 0 || rowsRemoved
      ? { before: pick(stored.sections), after: { ...pick(document), ...(rowsRemoved ? { removedRows } : {}) } }
      : undefined;
    return { version: await writeSave(db, user, accounts, 'figure.update', diff, audited) };
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
    authorizeEditor(user);
    // The stored accounts are read while the sent document is validated (CPU): a bad document is
    // still refused before anything else is said about the accounts.
    const loading = loadScoped(db, user, finalAccountsId, { validate: false });
    loading.catch(() => undefined);
    const parsed = parseFinalAccounts(raw);
    if (!parsed.ok) refuseInvalid(parsed.errors.map((e) => ({ path: e.path ? `document.${e.path}` : 'document', message: e.message })));
    const accounts = await loading;
    checkEditable(accounts, expectedVersion);
    const document = parsed.doc;
    if (document.fiscalYear !== accounts.document.fiscalYear || document.template !== accounts.document.template) {
      throw new ActionError('invalid', `文档的年度或报表格式（${document.fiscalYear}，${document.template}）与该决算（${accounts.document.fiscalYear}，${accounts.document.template}）不符`,
        [{ path: 'document.template', message: '年度与报表格式须与该决算相同' }]);
    }
    return { version: await writeSave(db, user, accounts, 'finalAccounts.save', diffDocuments(accounts.document, document)) };
  });
}
