// The entry workbook of a department and year: the download workbook (one sheet per table laid
// out as printed, lib/export/xlsx.ts) made fillable. Entered cells are unlocked and tinted;
// derived cells (lib/accounts/derived.ts) are locked and computed by Excel formulas, with the
// result also stored so a reader that does not recalculate sees it; every sheet is protected
// without a password (only the entry cells can be typed, nothing is kept from anyone). Each
// functional table gets NEW_ROWS blank lines under its last line, where a code and name can be
// typed to add a classification row. A very hidden sheet maps every cell to (table, row, column):
// lib/import/xlsx reads the workbook back by it.
import type ExcelJS from 'exceljs';
import { cellKey, tableCells } from '../accounts/cells';
import { deriveCells } from '../accounts/derived';
import { cachedDerivation, type DerivedNode, type TableDerivation } from '../accounts/derived-graph';
import { toAmountText } from '../accounts/money';
import type { TFinalAccounts } from '../accounts/schema';
import { TOTAL_ROW, type TableTemplate, type Template, type Term } from '../accounts/templates';
import { NEW_ROW_CODE, NEW_ROW_NAME, writeEntryMap, type MappedCell } from '../import/xlsx/entry-map';
import { printedTables, type AmountPosition, type PrintedTable } from './printed-table';
import { addTableSheet, AMOUNT_FORMAT, newWorkbook, TOP_ROWS, workbookBytes } from './xlsx';

/** Blank lines under each functional table for rows to add. */
export const NEW_ROWS = 10;
const ENTRY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** Excel takes at most 255 arguments per function. */
const MAX_ARGUMENTS = 250;

const sheetRow = (row: number) => TOP_ROWS + row + 1;

/** "SUM(C7,C8)+SUM(C9)": one call per MAX_ARGUMENTS references. */
function calls(fn: string, refs: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < refs.length; i += MAX_ARGUMENTS) parts.push(`${fn}(${refs.slice(i, i + MAX_ARGUMENTS).join(',')})`);
  return parts.join('+');
}

/** The blank lines of a functional table: its code column and each amount column over them, as ranges. */
interface NewLines {
  codes: string;
  range: (column: string) => string | undefined;
}

/** Parts a formula adds to the sums of the cells on the sheet. */
interface Extra {
  plus: string[];
  minus: string[];
  count: string[];
}

/**
 * A roll-up (合计 = Σ类, 类 = Σ款, 款 = Σ项) also sums the new lines whose nearest listed parent it is:
 * those whose code starts with its own, less those under one of its listed children. Codes are
 * text (the code column is formatted '@'), so wildcards match them.
 */
function newLineTerms(node: DerivedNode, lines: NewLines | undefined): Extra | undefined {
  const range = lines?.range(node.column);
  const rows = node.terms.map((term) => term.ref.split(':'));
  const rollUp = rows.length > 0 && rows.every(([, row, column]) => column === node.column && row !== node.row);
  if (!lines || range === undefined || !rollUp) return undefined;
  const sumIf = (code: string) => `SUMIF(${lines.codes},"${code}*",${range})`;
  const prefix = node.row === TOTAL_ROW ? '?' : node.row;
  return {
    plus: [sumIf(prefix)],
    minus: rows.map(([, row = '']) => sumIf(row)),
    count: [`COUNTIFS(${lines.codes},"${prefix}*",${range},">=-1E+300")`],
  };
}

/**
 * The formula of a derived cell from the cells on the sheet. A term not on the sheet (a parent
 * code the document does not list) is replaced by its own terms; blank inputs give a blank, as
 * the core computes it.
 */
function formulaOf(derivation: TableDerivation, key: string, addresses: ReadonlyMap<string, string>, lines?: NewLines): string | undefined {
  const plus: string[] = [];
  const minus: string[] = [];
  const expand = (ref: string, sign: 1 | -1, depth: number) => {
    const address = addresses.get(ref);
    if (address !== undefined && depth > 0) {
      (sign === 1 ? plus : minus).push(address);
      return;
    }
    const node = derivation.nodes[derivation.index.get(ref) ?? -1];
    node?.terms.forEach((term) => expand(term.ref, term.sign === sign ? 1 : -1, depth + 1));
  };
  expand(key, 1, 0);
  const node = derivation.nodes[derivation.index.get(key) ?? -1];
  const extra = node ? newLineTerms(node, lines) : undefined;
  return sumFormula(plus, minus, extra);
}

/** IF(COUNT(…)=0,"",SUM(…)-(SUM(…))): blank when every input is. */
function sumFormula(plus: readonly string[], minus: readonly string[], extra: Extra = { plus: [], minus: [], count: [] }): string | undefined {
  if (plus.length + minus.length === 0) return undefined;
  const join = (refs: readonly string[], more: readonly string[]) => [...(refs.length ? [calls('SUM', refs)] : []), ...more].join('+');
  const positive = join(plus, extra.plus) || '0';
  const negative = join(minus, extra.minus);
  const count = [calls('COUNT', [...plus, ...minus]), ...extra.count].join('+');
  return `IF(${count}=0,"",${positive}${negative ? `-(${negative})` : ''})`;
}

/** The printed table with NEW_ROWS blank lines added under a functional table's last line. */
function withNewRows(table: PrintedTable, functional: boolean): PrintedTable {
  if (!functional) return table;
  const blank = () => Array.from({ length: table.width }, () => null);
  return { ...table, rows: [...table.rows, ...Array.from({ length: NEW_ROWS }, blank)] };
}

/**
 * The NEW_ROWS blank lines of a functional table from sheet row `first`: code, name and amounts
 * unlocked, a line's identity targets (合计 = 基本支出 + 项目支出 …) formulas as on the listed lines.
 */
function fillNewLines(sheet: ExcelJS.Worksheet, definition: TableTemplate, amountColumns: readonly AmountPosition[], first: number): Omit<MappedCell, 'line'>[] {
  const mapped: Omit<MappedCell, 'line'>[] = [];
  const column = (key: string) => amountColumns.find((a) => a.cellColumn === key)?.column;
  const targets = new Map<string, readonly Term[]>();
  for (const identity of definition.identities) {
    if (identity.kind === 'columns' && identity.terms.every((t) => column(t.key) !== undefined)) targets.set(identity.target, identity.terms);
  }
  for (let n = 1; n <= NEW_ROWS; n += 1) {
    const row = first + n - 1;
    const label = (at: number, key: string, numFmt: string) => {
      const cell = sheet.getCell(row, at);
      cell.protection = { locked: false };
      cell.fill = ENTRY_FILL;
      cell.numFmt = numFmt;
      mapped.push({ sheet: sheet.name, address: cell.address, table: definition.kind, row: `new${n}`, column: key, kind: 'newRow' });
    };
    // Text, so a code keeps its digits as typed ("2010301", not a number) and SUMIF's wildcards match it.
    label(1, NEW_ROW_CODE, '@');
    label(2, NEW_ROW_NAME, '@');
    for (const a of amountColumns) {
      const terms = targets.get(a.cellColumn);
      if (!terms) {
        label(a.column + 1, a.cellColumn, AMOUNT_FORMAT);
        continue;
      }
      const ref = (t: Term) => sheet.getCell(row, (column(t.key) ?? 0) + 1).address;
      const cell = sheet.getCell(row, a.column + 1);
      cell.numFmt = AMOUNT_FORMAT;
      const formula = sumFormula(terms.filter((t) => t.sign === 1).map(ref), terms.filter((t) => t.sign === -1).map(ref));
      if (formula !== undefined) cell.value = { formula, result: '' };
    }
  }
  sheet.getCell(first, 1).note = '新增科目：在空行中填写功能分类科目编码（类3位、款5位、项7位）和金额，名称按科目表';
  return mapped;
}

/** The entry workbook of `doc` (`template` is the document's own). */
export async function entryWorkbook(doc: TFinalAccounts, template: Template): Promise<Uint8Array<ArrayBuffer>> {
  if (template.id !== doc.template) throw new Error(`entryWorkbook: the document's template is ${doc.template}, not ${template.id}`);
  const workbook = newWorkbook(doc);
  workbook.title = `${doc.department.name} ${doc.fiscalYear} 年度部门决算填报模板`;
  // What every derived cell holds once computed from the entered cells.
  const values = new Map<string, string | null>(tableCells(doc).map((c) => [cellKey(c.table, c.row, c.column), toAmountText(c.amount)]));
  for (const c of deriveCells(doc)) values.set(cellKey(c.table, c.row, c.column), c.amount);
  const mapped: Omit<MappedCell, 'line'>[] = [];
  const used = new Set<string>();
  const sheets: ExcelJS.Worksheet[] = [];
  for (const printed of printedTables(doc)) {
    const definition = template.tables[printed.kind];
    const functional = definition.rowKind === 'functional';
    const sheet = addTableSheet(workbook, withNewRows(printed, functional), used);
    sheets.push(sheet);
    const derivation = cachedDerivation(definition, doc.tables[printed.kind].rows);
    const addresses = new Map(printed.amounts.map((a) => [cellKey(a.table, a.cellRow, a.cellColumn), sheet.getCell(sheetRow(a.row), a.column + 1).address]));
    // The amount columns as the 合计 line prints them: the new lines' columns.
    const amountColumns = printed.amounts.filter((a) => a.cellRow === TOTAL_ROW);
    const first = sheetRow(printed.rows.length);
    const last = first + NEW_ROWS - 1;
    const letter = (column: number) => sheet.getColumn(column).letter;
    const lines: NewLines | undefined = functional ? {
      codes: `$A$${first}:$A$${last}`,
      range: (key) => {
        const at = amountColumns.find((a) => a.cellColumn === key);
        return at === undefined ? undefined : `${letter(at.column + 1)}${first}:${letter(at.column + 1)}${last}`;
      },
    } : undefined;
    for (const position of printed.amounts) {
      const key = cellKey(position.table, position.cellRow, position.cellColumn);
      const cell = sheet.getCell(sheetRow(position.row), position.column + 1);
      cell.numFmt = AMOUNT_FORMAT;
      const entry = !derivation.index.has(key);
      if (entry) {
        cell.protection = { locked: false };
        cell.fill = ENTRY_FILL;
      } else {
        const formula = formulaOf(derivation, key, addresses, lines);
        const amount = values.get(key);
        // A derived cell no entered cell of the sheet feeds keeps its printed value.
        if (formula !== undefined) cell.value = { formula, result: amount ? Number(amount) : '' };
      }
      mapped.push({ sheet: sheet.name, address: cell.address, table: position.table, row: position.cellRow, column: position.cellColumn, kind: entry ? 'entry' : 'derived' });
    }
    if (functional) mapped.push(...fillNewLines(sheet, definition, amountColumns, first));
  }
  for (const sheet of sheets) {
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  writeEntryMap(workbook, { template: template.id, fiscalYear: doc.fiscalYear, department: doc.department.name, cells: mapped });
  return workbookBytes(workbook);
}
