// Reading an entry workbook back (lib/export/entry-workbook.ts writes it) against the current
// draft: every entered cell is read by the workbook's hidden map, never by its labels; every
// wrong cell is named "表3 支出决算表!D12：不是数字…"; and the result is all or nothing — either the
// cell changes against the draft, in the shape saveCells takes, or the errors (at most
// MAX_ERRORS, with the count). Derived cells are never taken: where the workbook's figure differs
// from what the entered cells give, that is a warning (the save recomputes them). A code typed
// in one of a functional table's blank lines adds that classification row, checked against the
// year's catalogue.
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../workbook-bytes';
import { cellKey } from '../../accounts/cells';
import { findFunctionalSubject, functionalLevel } from '../../accounts/classification';
import { applyCellValues, deriveCells, isDerivedCell } from '../../accounts/derived';
import { formatAmountText, parseAmount } from '../../accounts/money';
import type { TFinalAccounts } from '../../accounts/schema';
import { rowOf, TOTAL_ROW, type TableKind, type Template } from '../../accounts/templates';
import { parseFinalAccounts, type FieldError } from '../../accounts/validation';
import type { TCellChange } from '../../data/accounts-write';
import { cellAmount, cellText } from './cell-amount';
import { MAP_SHEET, NEW_ROW_CODE, NEW_ROW_NAME, readEntryMap, type MappedCell } from './entry-map';

export const MAX_ERRORS = 100;
/** Where a workbook that cannot be opened at all is said to be wrong. */
export const WORKBOOK = '工作簿';

/** One changed cell for the preview: where it is in the workbook, and old → new (null = blank). */
export interface WorkbookChange {
  sheet: string;
  cell: string;
  table: TableKind;
  row: string;
  column: string;
  before: string | null;
  after: string | null;
}

export type EntryWorkbookResult =
  /** `changes` is saveCells's `changes`; `diff[i]` describes `changes[i]`. */
  | { ok: true; changes: TCellChange[]; diff: WorkbookChange[]; warnings: FieldError[] }
  /** Errors by "sheet!cell" (path), at most MAX_ERRORS; `errorCount` counts them all. */
  | { ok: false; errors: FieldError[]; errorCount: number; warnings: FieldError[] };

const where = (cell: Pick<MappedCell, 'sheet' | 'address'>) => `${cell.sheet}!${cell.address}`;
const shown = (amount: string | null) => (amount === null ? '空白' : formatAmountText(amount));
/** The same figure however it is written ("1.3" in the draft, "1.30" from the workbook). */
const sameAmount = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && parseAmount(a) === parseAmount(b));

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook | FieldError> {
  try {
    return await loadWorkbook(buffer);
  } catch (error) {
    return { path: WORKBOOK, message: `不是有效的 XLSX 文件（${(error as Error).message}）：请在 Excel 或 WPS 中另存为 .xlsx 后重新上传` };
  }
}

/** Whether the template (and the year's catalogue) has this cell. */
function knownCell(template: Template, fiscalYear: number, table: TableKind, row: string, column: string): boolean {
  const definition = template.tables[table];
  if (definition.rowKind === 'functional') {
    return (row === TOTAL_ROW || findFunctionalSubject(fiscalYear, row) !== undefined) && definition.columns.some((c) => c.key === column);
  }
  return rowOf(definition, row)?.columns.includes(column) ?? false;
}

const failure = (errors: FieldError[], warnings: FieldError[]): EntryWorkbookResult =>
  ({ ok: false, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length, warnings });

interface NewRow {
  table: TableKind;
  code?: MappedCell;
  name?: MappedCell;
  amounts: { cell: MappedCell; amount: string | null }[];
}

type Added = { cell: MappedCell; table: TableKind; row: string; column: string; amount: string };

/**
 * The figures of the blank lines where a code was typed: the code checked against the year's
 * catalogue and the rows the table already lists, the name against the catalogue's.
 */
function newRowFigures(doc: TFinalAccounts, cells: readonly MappedCell[], lines: Iterable<NewRow>, textAt: (cell: MappedCell) => string,
  { errors, warnings }: { errors: FieldError[]; warnings: FieldError[] }): Added[] {
  const added: Added[] = [];
  const listed = new Map<string, string>(); // "table:code" → the line it is on ('' when only the draft lists it)
  for (const cell of cells) {
    if (cell.kind !== 'newRow' && !listed.has(`${cell.table}:${cell.row}`)) listed.set(`${cell.table}:${cell.row}`, `${cell.sheet} 第 ${cell.address.replace(/^[A-Z]+/, '')} 行`);
  }
  for (const table of Object.keys(doc.tables) as TableKind[]) {
    for (const row of doc.tables[table].rows) if (!listed.has(`${table}:${row.row}`)) listed.set(`${table}:${row.row}`, '');
  }
  for (const line of lines) {
    // Codes are often written spaced, as printed: "201 03 01".
    const code = line.code ? textAt(line.code).replace(/\s+/g, '') : '';
    const typed = line.amounts.filter((a) => a.amount !== null);
    if (!line.code || code === '') {
      const first = typed[0];
      if (first && line.code) errors.push({ path: where(line.code), message: `同一行填了金额（${where(first.cell)}），但没有填写功能分类科目编码：请填写编码，或删去金额` });
      else if (line.name && textAt(line.name) !== '') warnings.push({ path: where(line.name), message: '填写了科目名称，但没有填写功能分类科目编码，未添加该行' });
      continue;
    }
    const at = where(line.code);
    if (!functionalLevel(code)) {
      errors.push({ path: at, message: `"${code}" 不是功能分类科目编码（类3位、款5位、项7位）` });
      continue;
    }
    const subject = findFunctionalSubject(doc.fiscalYear, code);
    if (!subject) {
      errors.push({ path: at, message: `功能分类科目编码 ${code} 不在 ${doc.fiscalYear} 年度科目表中：请核对编码，或先导入本年度科目表` });
      continue;
    }
    const there = listed.get(`${line.table}:${code}`);
    if (there !== undefined) {
      errors.push({ path: at, message: there ? `本表已有科目 ${code}（${there}）：请在那一行填写` : `本表已有科目 ${code}：请在那一行填写` });
      continue;
    }
    listed.set(`${line.table}:${code}`, at);
    if (typed.length === 0) {
      warnings.push({ path: at, message: `科目 ${code} 没有填写金额，未添加` });
      continue;
    }
    const name = line.name ? textAt(line.name) : '';
    if (line.name && name !== '' && name !== subject.name) {
      warnings.push({ path: where(line.name), message: `科目名称与 ${doc.fiscalYear} 年度科目表不同，按科目表保存为「${subject.name}」` });
    }
    for (const { cell, amount } of typed) if (amount !== null) added.push({ cell: { ...cell, row: code }, table: line.table, row: code, column: cell.column, amount });
  }
  return added;
}

/**
 * Reads an uploaded entry workbook against `doc`, the current draft (`template` is its own).
 * Never throws on a damaged workbook: what is wrong is in the result, named by sheet and cell.
 */
export async function readEntryWorkbook(buffer: Uint8Array, doc: TFinalAccounts, template: Template): Promise<EntryWorkbookResult> {
  if (template.id !== doc.template) throw new Error(`readEntryWorkbook: the document's template is ${doc.template}, not ${template.id}`);
  const workbook = await load(buffer);
  if (!(workbook instanceof ExcelJS.Workbook)) return failure([workbook], []);
  const read = readEntryMap(workbook);
  if (!read.ok) return failure(read.errors, []);
  const { map } = read;
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  if (map.template !== template.id || map.fiscalYear !== doc.fiscalYear) {
    return failure([{ path: `${MAP_SHEET}!C1`, message: `此工作簿是 ${map.fiscalYear} 年度（${map.template}）的填报模板，当前决算为 ${doc.fiscalYear} 年度（${template.id}）：请下载本年度的填报模板` }], []);
  }
  if (map.department !== doc.department.name) {
    warnings.push({ path: `${MAP_SHEET}!E1`, message: `此工作簿为「${map.department}」下载，当前决算为「${doc.department.name}」：请核对是否选错了文件` });
  }

  const missingSheets = new Set<string>();
  const valueAt = (cell: MappedCell): ExcelJS.CellValue | typeof missingSheets => {
    const sheet = workbook.getWorksheet(cell.sheet);
    if (!sheet || cell.sheet === MAP_SHEET) {
      missingSheets.add(cell.sheet);
      return missingSheets;
    }
    return sheet.getCell(cell.address).value;
  };

  const textAt = (cell: MappedCell): string => {
    const value = valueAt(cell);
    return value === missingSheets ? '' : cellText(value as ExcelJS.CellValue).trim();
  };

  /** Entered cells, and derived ones whose figure could be read (for the comparison). */
  const figures: { cell: MappedCell; amount: string | null }[] = [];
  const newRows = new Map<string, NewRow>();
  for (const cell of map.cells) {
    const value = valueAt(cell);
    if (value === missingSheets) continue;
    const known = cell.kind === 'newRow'
      ? template.tables[cell.table].rowKind === 'functional' && (cell.column === NEW_ROW_CODE || cell.column === NEW_ROW_NAME || knownCell(template, doc.fiscalYear, cell.table, TOTAL_ROW, cell.column))
      : knownCell(template, doc.fiscalYear, cell.table, cell.row, cell.column);
    if (!known) {
      errors.push({ path: `${MAP_SHEET}!A${cell.line}`, message: '填报模板信息与本年度报表格式不符：请重新下载填报模板，把数字抄入后再上传' });
      continue;
    }
    if (cell.kind === 'newRow') {
      const key = `${cell.table}:${cell.row}`;
      const line = newRows.get(key) ?? { table: cell.table, amounts: [] };
      newRows.set(key, line);
      if (cell.column === NEW_ROW_CODE) line.code = cell;
      else if (cell.column === NEW_ROW_NAME) line.name = cell;
      else {
        const amount = cellAmount(value as ExcelJS.CellValue, '', cell.column);
        if (amount.ok) line.amounts.push({ cell, amount: amount.amount });
        else errors.push({ path: where(cell), message: amount.message });
      }
      continue;
    }
    const amount = cellAmount(value as ExcelJS.CellValue, cell.row, cell.column);
    // A derived cell is recomputed anyway: a figure that cannot be read there only loses the comparison.
    if (amount.ok) figures.push({ cell, amount: amount.amount });
    else if (cell.kind === 'entry') errors.push({ path: where(cell), message: amount.message });
  }
  for (const sheet of missingSheets) {
    errors.push({ path: sheet, message: '找不到此工作表：请不要删除或重命名填报模板中的工作表（可重新下载填报模板，把数字抄入后再上传）' });
  }

  const added = newRowFigures(doc, map.cells, newRows.values(), textAt, { errors, warnings });
  if (errors.length > 0) return failure(errors, warnings);

  // Which cells are derived depends on the rows listed, the new ones included.
  const shape = structuredClone(doc);
  applyCellValues(shape, added);
  const before = (table: TableKind, row: string, column: string): string | null =>
    doc.tables[table].rows.find((r) => r.row === row)?.cells[column] ?? null;
  const diff: WorkbookChange[] = [];
  const computedHere: { cell: MappedCell; amount: string | null }[] = [];
  for (const { cell, amount } of [...figures, ...added]) {
    // The draft decides, not the workbook: it may list rows the workbook did not.
    if (isDerivedCell(shape, cell.table, cell.row, cell.column)) {
      computedHere.push({ cell, amount });
      continue;
    }
    const old = before(cell.table, cell.row, cell.column);
    if (!sameAmount(old, amount)) diff.push({ sheet: cell.sheet, cell: cell.address, table: cell.table, row: cell.row, column: cell.column, before: old, after: amount });
  }

  // The draft as saveCells would leave it, validated as it validates it.
  const after = structuredClone(doc);
  applyCellValues(after, diff.map((d) => ({ table: d.table, row: d.row, column: d.column, amount: d.after })));
  applyCellValues(after, deriveCells(after));
  const parsed = parseFinalAccounts(after);
  if (!parsed.ok) {
    const byRow = new Map(diff.map((d) => [`${d.table}:${d.row}:${d.column}`, `${d.sheet}!${d.cell}`]));
    for (const error of parsed.errors) {
      const at = /^tables\.(\w+)\.rows\[(\d+)\]\.cells\.(.+)$/.exec(error.path);
      const row = at ? after.tables[at[1] as TableKind]?.rows[Number(at[2])]?.row : undefined;
      const path = at && row !== undefined ? byRow.get(`${at[1]}:${row}:${at[3]}`) : undefined;
      errors.push({ path: path ?? `${WORKBOOK}（${error.path}）`, message: error.message });
    }
    return failure(errors, warnings);
  }

  // Derived cells: the workbook's figure against what the entered cells give.
  const values = new Map<string, string | null>();
  for (const row of Object.entries(after.tables).flatMap(([table, t]) => t.rows.map((r) => ({ table, r })))) {
    for (const [column, amount] of Object.entries(row.r.cells)) values.set(`${row.table}:${row.r.row}:${column}`, amount);
  }
  for (const { cell, amount } of computedHere) {
    const computed = values.get(cellKey(cell.table, cell.row, cell.column)) ?? null;
    if (!sameAmount(computed, amount)) {
      warnings.push({ path: where(cell), message: `此数由系统按明细计算：工作簿中为 ${shown(amount)}，按明细应为 ${shown(computed)}，导入后按计算数保存` });
    }
  }
  const changes: TCellChange[] = diff.map(({ table, row, column, after: amount }) => ({ table, row, column, amount }));
  return { ok: true, changes, diff, warnings };
}
