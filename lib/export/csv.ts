// CSV as Excel in China opens it: UTF-8 with a byte-order mark (without it Excel reads GBK and
// garbles the Chinese), CRLF line ends, RFC 4180 quoting. A table's CSV is the table as printed
// (title, 部门/单位 line, header rows, 栏次, lines, notes); a merged cell's text stands in its
// top-left cell and the cells it covers are empty. Amounts are written in the interchange form,
// "2882.93", without thousands separators, so every spreadsheet and script reads them as numbers
// whatever its locale (a "2,882.93" is a number to zh-CN Excel but text to many others).
import { AMOUNT_PATTERN } from '../accounts/money';
import type { TFinalAccounts } from '../accounts/schema';
import type { TableKind } from '../accounts/templates';
import { printedTable, type PrintedTable } from './printed-table';

export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection); text
// such as a name typed as "=HYPERLINK(…)" is written with a leading ' so that it stays text.
// Amounts ("-56.95") and the printed "-" of a blank are not formulas and stay as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const asText = (value: string): string => (FORMULA_START.test(value) && value !== '-' && !AMOUNT_PATTERN.test(value) ? `'${value}` : value);

function quote(cell: string): string {
  const value = asText(cell);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows of cells as CSV text, BOM first unless asked not to (files meant for programs). */
export function csvText(rows: readonly (readonly string[])[], { bom = true }: { bom?: boolean } = {}): string {
  return (bom ? CSV_BOM : '') + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** The printed table as rows of strings, one per printed line, `width` cells each. */
export function printedTableRows(table: PrintedTable): string[][] {
  const padded = (cells: readonly string[]) => [...cells, ...Array.from({ length: Math.max(0, table.width - cells.length) }, () => '')];
  const meta = padded([`部门：${table.department}`]);
  meta[Math.max(1, table.width - 1)] = `单位：${table.unit}`;
  return [
    padded([table.title]),
    meta,
    ...table.rows.map((row) => row.map((cell) => cell?.text ?? '')),
    ...table.notes.map((note) => padded([note])),
  ];
}

export function tableCsv(doc: TFinalAccounts, kind: TableKind): string {
  return csvText(printedTableRows(printedTable(doc, kind)));
}
