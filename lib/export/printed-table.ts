// One table of a document as the page prints it, cell by cell on a rectangle: the title, the
// 部门/单位 line, the header rows with their merged cells, the 栏次 line where the layout prints
// one, the lines of the body and the notes under it. The CSV and XLSX writers read this, so a
// download shows a table exactly as the public page does (both come from lib/accounts/table-grid).
import { cellKey } from '../accounts/cells';
import { findFunctionalSubject } from '../accounts/classification';
import { blankText, tableExplanation } from '../accounts/disclosure/parts';
import { canonicalAmountText } from '../accounts/money';
import type { TFinalAccounts } from '../accounts/schema';
import { buildGrid } from '../accounts/table-grid';
import { printedIdentities, tableTitle } from '../accounts/table-layout';
import { templateFor, type TableKind } from '../accounts/templates';

export type PrintedCell =
  | { kind: 'text'; text: string; header: boolean }
  /** An amount in the interchange form with two decimals ("288.90"), with its cell address. */
  | { kind: 'amount'; text: string; cell: string }
  /** A blank cell, or one covered by a merged cell ("-" printed in a blank is text). */
  | null;

/** A merged cell, by its top-left position in `rows` and its extent. */
export interface Merge {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface PrintedTable {
  kind: TableKind;
  /** As printed over the table: "2021 年度支出决算表（表 3）". */
  title: string;
  /** The table's short name: "表3 支出决算表" where the layout numbers its tables, else its title. */
  shortTitle: string;
  department: string;
  unit: '万元';
  width: number;
  /** The header rows (including the 栏次 line) come first: `headerRowCount` of them. */
  headerRowCount: number;
  rows: PrintedCell[][];
  merges: Merge[];
  /** "注：本表反映…", the printed identities, and what the document prints under the table in words (tableExplanation). */
  notes: string[];
  /** Every amount cell, blank ones too, by its position in `rows`: where the entry workbook unlocks or computes. */
  amounts: AmountPosition[];
}

export interface AmountPosition {
  row: number;
  column: number;
  table: TableKind;
  cellRow: string;
  cellColumn: string;
}

const text = (value: string, header = false): PrintedCell => (value === '' ? null : { kind: 'text', text: value, header });

export function printedTable(doc: TFinalAccounts, kind: TableKind): PrintedTable {
  const template = templateFor(doc.template);
  const table = template.tables[kind];
  const documentRows = doc.tables[kind].rows;
  const cellsByRow = new Map(documentRows.map((row) => [row.row, row.cells]));
  const grid = buildGrid(table, documentRows, (code) => findFunctionalSubject(doc.fiscalYear, code)?.name);
  const width = grid.columns.length;
  const rows: PrintedCell[][] = [];
  const merges: Merge[] = [];
  const amounts: AmountPosition[] = [];
  const blankRow = (): PrintedCell[] => Array.from({ length: width }, () => null);

  // Header rows: a cell goes to the next column not taken by a cell spanning down from above.
  const taken = grid.headerRows.map(() => new Set<number>());
  grid.headerRows.forEach((cells, level) => {
    const row = blankRow();
    let column = 0;
    for (const cell of cells) {
      while (taken[level]?.has(column)) column += 1;
      row[column] = text(cell.label, true);
      if (cell.colSpan > 1 || cell.rowSpan > 1) merges.push({ row: level, column, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
      for (let below = level + 1; below < level + cell.rowSpan; below += 1) {
        for (let c = column; c < column + cell.colSpan; c += 1) taken[below]?.add(c);
      }
      column += cell.colSpan;
    }
    rows.push(row);
  });
  if (grid.columnNumbers) {
    const row = blankRow();
    let column = 0;
    for (const cell of grid.columnNumbers) {
      row[column] = text(cell.text);
      if (cell.colSpan > 1) merges.push({ row: rows.length, column, rowSpan: 1, colSpan: cell.colSpan });
      column += cell.colSpan;
    }
    rows.push(row);
  }
  const headerRowCount = rows.length;

  for (const line of grid.lines) {
    const row: PrintedCell[] = line.cells.map((cell) => {
      if (cell.kind === 'covered') return null;
      if (cell.kind === 'text') return text(cell.text, cell.header === true);
      const amount = cellsByRow.get(cell.row)?.[cell.column];
      // A blank prints as the page prints it: nothing, or "-" where the layout prints one.
      if (amount === undefined) return text(blankText(template, kind, cell.row));
      return { kind: 'amount', text: canonicalAmountText(amount), cell: cellKey(cell.table, cell.row, cell.column) };
    });
    line.cells.forEach((cell, column) => {
      if (cell.kind === 'amount') amounts.push({ row: rows.length, column, table: cell.table, cellRow: cell.row, cellColumn: cell.column });
      if (cell.kind === 'text' && (cell.colSpan ?? 1) > 1) merges.push({ row: rows.length, column, rowSpan: 1, colSpan: cell.colSpan ?? 1 });
    });
    rows.push(row);
  }

  const identities = printedIdentities(table);
  const explanation = tableExplanation(doc, kind);
  return {
    kind,
    title: tableTitle(template, table, doc.fiscalYear),
    shortTitle: template.tableReference === 'number' ? `表${table.number} ${table.title}` : table.title,
    department: doc.department.name,
    unit: '万元',
    width,
    headerRowCount,
    rows,
    merges,
    notes: [`注：${table.note}`, ...(identities ? [identities] : []), ...(explanation ? [explanation] : [])],
    amounts,
  };
}

/** Every table of the document in the template's printed order. */
export function printedTables(doc: TFinalAccounts): PrintedTable[] {
  return templateFor(doc.template).order.map((kind) => printedTable(doc, kind));
}
