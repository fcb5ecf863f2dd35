// The entry page's working state as pure transitions: the document as she sees it (her edits
// applied and the derived cells recomputed by the core), the cell changes and sections not yet
// saved, entries refused at the cell, and the server's last word on a cell. The page keeps one
// EntryState; every transition returns a new one and shares what did not change.
import { cellKey, explainCellAmount } from '@/lib/accounts/cells';
import { applyCellValues, deriveCells, type CellValue } from '@/lib/accounts/derived';
import { parseAmount, toAmountText } from '@/lib/accounts/money';
import { stepNarrative } from '@/lib/accounts/narrative-refresh';
import type { ENTRY_SECTIONS, TEntrySections, TFinalAccounts } from '@/lib/accounts/schema';
import { TOTAL_ROW, templateFor, type TableKind } from '@/lib/accounts/templates';

export type SectionKey = (typeof ENTRY_SECTIONS)[number];

export interface RefusedEntry {
  text: string;
  message: string;
}

export interface EntryState {
  doc: TFinalAccounts;
  /** The stored value of every cell she changed since loading, as last saved (null: blank). */
  saved: ReadonlyMap<string, string | null>;
  /** Cell changes not yet saved, by cell key. */
  pending: ReadonlyMap<string, CellValue>;
  dirtySections: ReadonlySet<SectionKey>;
  /** Classification rows she removed since the last save, as "table:row". */
  removedRows: ReadonlySet<string>;
  /** Rows she added since the last save: removing one again leaves nothing to save. */
  addedRows: ReadonlySet<string>;
  /** What she typed where it is not an amount: shown in the cell, never saved. */
  refused: ReadonlyMap<string, RefusedEntry>;
  /** The server's refusal of a cell at the last save. */
  serverErrors: ReadonlyMap<string, string>;
}

export function initialState(doc: TFinalAccounts): EntryState {
  return { doc, saved: new Map(), pending: new Map(), dirtySections: new Set(), removedRows: new Set(), addedRows: new Set(), refused: new Map(), serverErrors: new Map() };
}

export function cellValue(doc: TFinalAccounts, table: TableKind, row: string, column: string): string | null {
  return doc.tables[table].rows.find((r) => r.row === row)?.cells[column] ?? null;
}

const keyOf = (value: Pick<CellValue, 'table' | 'row' | 'column'>) => cellKey(value.table, value.row, value.column);
const sameAmount = (a: string | null, b: string | null) => (a === null || b === null ? a === b : parseAmount(a) === parseAmount(b));

/** A copy of the document whose tables may be changed in place (the rest is shared). */
function withTablesCopied(doc: TFinalAccounts): TFinalAccounts {
  return { ...doc, tables: structuredClone(doc.tables) };
}

/**
 * The narrative's generated sentences moved with the figures from `before` to `after` (those she
 * has not edited), the section marked unsaved when it changed. Done on every edit, whichever tab is
 * open, so the stored narrative is always in step with the stored figures and a reload keeps it so.
 */
function withNarrativeInStep(state: EntryState, before: TFinalAccounts, after: TFinalAccounts): EntryState {
  if (after.narrative.length === 0) return { ...state, doc: after };
  let narrative: TFinalAccounts['narrative'];
  try {
    narrative = stepNarrative(before, after, templateFor(after.template));
  } catch {
    return { ...state, doc: after }; // a half-entered document the draft cannot read yet
  }
  if (narrative === after.narrative) return { ...state, doc: after };
  const dirtySections = new Set(state.dirtySections).add('narrative');
  return { ...state, doc: { ...after, narrative }, dirtySections };
}

/** Her values written, then every derived cell that depends on them. */
export function enterValues(state: EntryState, values: readonly CellValue[]): EntryState {
  if (values.length === 0) return state;
  const doc = withTablesCopied(state.doc);
  // Only the four fields of a change: what the server accepts, whatever the caller's object holds.
  const normalized = values.map(({ table, row, column, amount }) => ({ table, row, column, amount: amount === null ? null : toAmountText(parseAmount(amount)) }));
  const saved = new Map(state.saved);
  for (const value of normalized) {
    const key = keyOf(value);
    if (!saved.has(key)) saved.set(key, cellValue(state.doc, value.table, value.row, value.column));
  }
  applyCellValues(doc, normalized);
  applyCellValues(doc, deriveCells(doc, normalized.map(keyOf)));
  const pending = new Map(state.pending);
  const refused = new Map(state.refused);
  const serverErrors = new Map(state.serverErrors);
  for (const value of normalized) {
    const key = keyOf(value);
    if (sameAmount(saved.get(key) ?? null, value.amount)) pending.delete(key);
    else pending.set(key, value);
    refused.delete(key);
    serverErrors.delete(key);
  }
  return withNarrativeInStep({ ...state, saved, pending, refused, serverErrors }, state.doc, doc);
}

/** What she typed into a cell: an amount is entered, anything else stays in the cell, refused. */
export function typeIntoCell(state: EntryState, cell: Pick<CellValue, 'table' | 'row' | 'column'>, typed: string): EntryState {
  const text = typed.trim();
  if (text === '') return enterValues(state, [{ ...cell, amount: null }]);
  const message = explainCellAmount(cell.row, cell.column, text);
  if (message === undefined) return enterValues(state, [{ ...cell, amount: text }]);
  const refused = new Map(state.refused);
  refused.set(keyOf(cell), { text: typed, message });
  return { ...state, refused };
}

export function updateSections(state: EntryState, patch: TEntrySections): EntryState {
  const dirtySections = new Set(state.dirtySections);
  for (const key of Object.keys(patch) as SectionKey[]) dirtySections.add(key);
  const doc = { ...state.doc, ...patch };
  // Her own narrative edit is taken as written; other sections' figures move the generated sentences.
  return patch.narrative ? { ...state, doc, dirtySections } : withNarrativeInStep({ ...state, dirtySections }, state.doc, doc);
}

/** Count of unsaved things: changed cells and changed sections. */
export const unsavedCount = (state: EntryState): number => state.pending.size + state.dirtySections.size + state.removedRows.size;

export interface SaveRequest {
  changes: CellValue[];
  sections: TEntrySections;
  removedRows: { table: TableKind; row: string }[];
}

const rowOfKey = (key: string) => {
  const at = key.indexOf(':');
  return { table: key.slice(0, at) as TableKind, row: key.slice(at + 1) };
};

export function saveRequest(state: EntryState): SaveRequest {
  const sections: Record<string, unknown> = {};
  for (const key of state.dirtySections) sections[key] = state.doc[key];
  return { changes: [...state.pending.values()], sections, removedRows: [...state.removedRows].map(rowOfKey) };
}

/** After a save succeeded: what was sent is stored; edits made meanwhile stay unsaved. */
export function markSaved(state: EntryState, sent: SaveRequest): EntryState {
  const saved = new Map(state.saved);
  const pending = new Map(state.pending);
  for (const change of sent.changes) {
    const key = keyOf(change);
    saved.set(key, change.amount);
    // Typed again while the save was on its way: what she sees now is unsaved, even if it is the old figure.
    const now = cellValue(state.doc, change.table, change.row, change.column);
    if (sameAmount(now, change.amount)) pending.delete(key);
    else pending.set(key, { table: change.table, row: change.row, column: change.column, amount: now });
  }
  const dirtySections = new Set(state.dirtySections);
  for (const [key, value] of Object.entries(sent.sections) as [SectionKey, unknown][]) {
    if (state.doc[key] === value) dirtySections.delete(key);
  }
  const removedRows = new Set(state.removedRows);
  for (const { table, row } of sent.removedRows) removedRows.delete(`${table}:${row}`);
  return { ...state, saved, pending, dirtySections, removedRows, addedRows: new Set(), serverErrors: new Map() };
}

/** The server's field errors "changes[i]" put at the cells of the request; the rest returned as they are. */
export function placeServerErrors(state: EntryState, sent: SaveRequest, errors: readonly { path: string; message: string }[]): { state: EntryState; other: string[] } {
  const serverErrors = new Map<string, string>();
  const other: string[] = [];
  for (const error of errors) {
    const index = /^changes\[(\d+)\]/.exec(error.path)?.[1];
    const change = index === undefined ? undefined : sent.changes[Number(index)];
    if (change) serverErrors.set(keyOf(change), error.message);
    else other.push(error.message);
  }
  return { state: { ...state, serverErrors }, other };
}

/** The parents of a functional code, outermost first, and the code: 2010350 → 201, 20103, 2010350. */
const lineage = (code: string): string[] => [code.slice(0, 3), code.slice(0, 5), code].filter((c, i, all) => c.length > 0 && all.indexOf(c) === i);

/** Adds a 项 and its 款 and 类 to a functional table, each where the code order puts it. */
export function addSubject(state: EntryState, table: TableKind, code: string): EntryState {
  const doc = withTablesCopied(state.doc);
  const rows = doc.tables[table].rows;
  const removedRows = new Set(state.removedRows);
  const addedRows = new Set(state.addedRows);
  for (const c of lineage(code)) {
    if (rows.some((r) => r.row === c)) continue;
    // Added back before saving: nothing to remove; else a row of her own, nothing to save until it has figures.
    if (!removedRows.delete(`${table}:${c}`)) addedRows.add(`${table}:${c}`);
    const at = rows.findIndex((r) => r.row !== TOTAL_ROW && r.row > c);
    rows.splice(at < 0 ? rows.length : at, 0, { row: c, cells: {} });
  }
  applyCellValues(doc, deriveCells(doc));
  return withNarrativeInStep({ ...state, removedRows, addedRows }, state.doc, doc);
}

const hasFigures = (row: { cells: Record<string, string> }) => Object.keys(row.cells).length > 0;

/** A functional row can go when it holds no figures and lists no 款 or 项 under it. */
export function isRemovable(doc: TFinalAccounts, table: TableKind, code: string): boolean {
  const rows = doc.tables[table].rows;
  const row = rows.find((r) => r.row === code);
  return code !== TOTAL_ROW && row !== undefined && !hasFigures(row) && !rows.some((r) => r.row !== code && r.row.startsWith(code));
}

/** Removes an empty row, and its 款 and 类 when nothing else is left under them. */
export function removeSubject(state: EntryState, table: TableKind, code: string): EntryState {
  if (!isRemovable(state.doc, table, code)) return state;
  const doc = withTablesCopied(state.doc);
  const rows = doc.tables[table].rows;
  const removedRows = new Set(state.removedRows);
  const addedRows = new Set(state.addedRows);
  for (const c of lineage(code).reverse()) {
    if (!isRemovable(doc, table, c)) break;
    rows.splice(rows.findIndex((r) => r.row === c), 1);
    if (!addedRows.delete(`${table}:${c}`)) removedRows.add(`${table}:${c}`);
  }
  applyCellValues(doc, deriveCells(doc));
  return withNarrativeInStep({ ...state, removedRows, addedRows }, state.doc, doc);
}
