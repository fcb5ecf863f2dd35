// The hidden sheet of an entry workbook: the template and year it was made for, and which cell
// (table, row, column) each sheet cell is. Reading a workbook back goes by this map, never by the
// labels or by where the layout happened to put a line, so a relabelled or reflowed layout still
// reads. Written by lib/export/entry-workbook.ts, read by ./entry-workbook.ts.
import type ExcelJS from 'exceljs';
import { TABLE_KINDS, type TableKind } from '../../accounts/templates';
import type { FieldError } from '../../accounts/validation';
import { cellText } from './cell-amount';

/** Very hidden: Excel and WPS do not offer to unhide it. */
export const MAP_SHEET = '填报模板信息';
const MARK = 'juesuan-entry-workbook';
const MAP_FORMAT = 1;
/** Rows above the cells: the mark line and the headings. */
const MAP_TOP_ROWS = 2;

/** entry: an accountant types it; derived: a formula; newRow: a cell of a blank line for a new classification row. */
export type MappedKind = 'entry' | 'derived' | 'newRow';
const MAPPED_KINDS: readonly MappedKind[] = ['entry', 'derived', 'newRow'];

/** The column of a new row's code and name cells (amounts have the column's key). */
export const NEW_ROW_CODE = 'code';
export const NEW_ROW_NAME = 'name';

export interface MappedCell {
  sheet: string;
  /** "D12" */
  address: string;
  table: TableKind;
  /** The row key; for a newRow cell, the blank line's key ("new1"). */
  row: string;
  column: string;
  kind: MappedKind;
  /** The map's own sheet row, to name it when it is damaged. */
  line: number;
}

export interface EntryMap {
  template: string;
  fiscalYear: number;
  department: string;
  cells: MappedCell[];
}

export function writeEntryMap(workbook: ExcelJS.Workbook, map: Omit<EntryMap, 'cells'> & { cells: Omit<MappedCell, 'line'>[] }): void {
  const sheet = workbook.addWorksheet(MAP_SHEET, { state: 'veryHidden' });
  sheet.addRow([MARK, MAP_FORMAT, map.template, map.fiscalYear, map.department]);
  sheet.addRow(['工作表', '单元格', '表', '行', '栏', '类别']);
  for (const cell of map.cells) sheet.addRow([cell.sheet, cell.address, cell.table, cell.row, cell.column, cell.kind]);
}

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/** "D12" within Excel's bounds (exceljs throws past them). */
export function isCellAddress(address: string): boolean {
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(address);
  if (!match) return false;
  const column = [...(match[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return column <= MAX_COLUMN && Number(match[2]) <= MAX_ROW;
}

/**
 * A map cell's value: a number, or text. LibreOffice saves a text of mixed scripts ("表1 收入…")
 * as rich text runs in different fonts, which read as their joined text.
 */
const plain = (value: ExcelJS.CellValue): string | number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || (typeof value === 'object' && value !== null && 'richText' in value)) return cellText(value);
  return undefined;
};

const damaged = (address: string): FieldError => ({
  path: `${MAP_SHEET}!${address}`,
  message: '填报模板信息被改动，无法对应单元格：请重新下载填报模板，把数字抄入后再上传',
});

export type MapResult = { ok: true; map: EntryMap } | { ok: false; errors: FieldError[] };

/** The map of a workbook, or why it has none (not an entry workbook, or its map damaged). */
export function readEntryMap(workbook: ExcelJS.Workbook): MapResult {
  const sheet = workbook.getWorksheet(MAP_SHEET);
  if (!sheet) {
    return { ok: false, errors: [{ path: MAP_SHEET, message: '工作簿中没有此隐藏工作表，不是本系统下载的填报模板（或已被删除）：请下载填报模板，填好后再上传' }] };
  }
  const head = sheet.getRow(1);
  const [template, fiscalYear, department] = [plain(head.getCell(3).value), plain(head.getCell(4).value), plain(head.getCell(5).value)];
  if (plain(head.getCell(1).value) !== MARK || head.getCell(2).value !== MAP_FORMAT || typeof template !== 'string' || typeof fiscalYear !== 'number') {
    return { ok: false, errors: [damaged('A1')] };
  }
  const cells: MappedCell[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (let line = MAP_TOP_ROWS + 1; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line);
    const [name, address, table, key, column, kind] = [1, 2, 3, 4, 5, 6].map((c) => plain(row.getCell(c).value));
    if ([name, address, table, key, column, kind].every((v) => v === undefined)) continue;
    if (typeof name !== 'string' || name === '' || typeof address !== 'string' || !isCellAddress(address)
      || !TABLE_KINDS.includes(table as TableKind) || typeof key !== 'string' || typeof column !== 'string'
      || !MAPPED_KINDS.includes(kind as MappedKind)) {
      errors.push(damaged(`A${line}`));
      continue;
    }
    // A cell mapped twice, or two cells mapped to one, would be read twice.
    const ids = [`${table}:${key}:${column}`, `${name}!${address}`];
    if (ids.some((id) => seen.has(id))) {
      errors.push(damaged(`A${line}`));
      continue;
    }
    ids.forEach((id) => seen.add(id));
    cells.push({ sheet: name, address, table: table as TableKind, row: key, column, kind: kind as MappedKind, line });
  }
  // One sheet per table: a line naming another sheet than the other lines of its table was edited.
  const votes = new Map<string, number>();
  for (const cell of cells) votes.set(`${cell.table}\u0000${cell.sheet}`, (votes.get(`${cell.table}\u0000${cell.sheet}`) ?? 0) + 1);
  const sheetOf = new Map<TableKind, { sheet: string; count: number }>();
  for (const [key, count] of votes) {
    const [table = '', name = ''] = key.split('\u0000');
    const best = sheetOf.get(table as TableKind);
    if (!best || count > best.count) sheetOf.set(table as TableKind, { sheet: name, count });
  }
  for (const cell of cells) if (sheetOf.get(cell.table)?.sheet !== cell.sheet) errors.push(damaged(`A${cell.line}`));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, map: { template, fiscalYear, department: typeof department === 'string' ? department : String(department ?? ''), cells } };
}
