// XLSX workbooks laid out as the tables are printed: one sheet per table, in the template's
// order, with the title over the table, the 部门/单位 line, the header rows with their merged
// cells, the 栏次 line, the lines, and the notes. Amounts are numbers shown as '#,##0.00', so a
// reader can sum them; exceljs stores numbers as doubles, and Number("2882.93") written with two
// decimals reads back to the same two decimals (tests/unit/export-xlsx.test.ts checks every
// amount of the seed both ways).
import ExcelJS from 'exceljs';
import type { TFinalAccounts } from '../accounts/schema';
import type { TableKind } from '../accounts/templates';
import { printedTable, printedTables, type PrintedTable } from './printed-table';

export const AMOUNT_FORMAT = '#,##0.00';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Rows above the table: the title and the 部门/单位 line. */
export const TOP_ROWS = 2;
/** A4 (exceljs's PaperSize.A4 is a const enum, which isolated modules cannot read). */
const A4 = 9 as ExcelJS.PaperSize;

/** Excel refuses []:*?/\ in a sheet name and more than 31 characters. */
function sheetName(table: PrintedTable, used: Set<string>): string {
  const base = table.shortTitle.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base.slice(0, 28)}(${n})`;
  used.add(name);
  return name;
}

/** Display width in Excel's character units: a CJK character takes two. */
const displayWidth = (text: string): number => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** Writes one printed table on a new sheet (row r of `table.rows` on sheet row TOP_ROWS + r + 1) and returns the sheet. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: PrintedTable, used: Set<string>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(table, used), {
    pageSetup: {
      paperSize: A4, orientation: table.width > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${TOP_ROWS + 1}:${TOP_ROWS + table.headerRowCount}`,
    },
    views: [{ state: 'frozen', ySplit: TOP_ROWS + table.headerRowCount }],
  });
  const last = table.width;

  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(2, 1).value = `部门：${table.department}`;
  const unit = sheet.getCell(2, last);
  unit.value = `单位：${table.unit}`;
  unit.alignment = { horizontal: 'right' };

  const merged = new Set<string>();
  for (const merge of table.merges) {
    for (let r = merge.row; r < merge.row + merge.rowSpan; r += 1) {
      for (let c = merge.column; c < merge.column + merge.colSpan; c += 1) merged.add(`${r}:${c}`);
    }
  }
  const widths = Array.from({ length: last }, () => 8);
  table.rows.forEach((cells, r) => {
    const isHeader = r < table.headerRowCount;
    cells.forEach((printed, c) => {
      const cell = sheet.getCell(TOP_ROWS + r + 1, c + 1);
      cell.border = BORDER;
      if (printed?.kind === 'amount') {
        cell.value = Number(printed.text);
        cell.numFmt = AMOUNT_FORMAT;
      } else if (printed) {
        cell.value = printed.text;
        cell.alignment = isHeader ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { vertical: 'middle', wrapText: true };
        if (isHeader) cell.font = { bold: true };
      }
      if (printed && !merged.has(`${r}:${c}`)) widths[c] = Math.max(widths[c] ?? 0, Math.min(40, displayWidth(printed.kind === 'amount' ? `${printed.text},` : printed.text) + 2));
    });
  });
  for (const merge of table.merges) {
    const top = TOP_ROWS + merge.row + 1;
    sheet.mergeCells(top, merge.column + 1, top + merge.rowSpan - 1, merge.column + merge.colSpan);
  }
  widths.forEach((width, c) => { sheet.getColumn(c + 1).width = width; });

  table.notes.forEach((note, i) => {
    const row = TOP_ROWS + table.rows.length + 1 + i;
    const cell = sheet.getCell(row, 1);
    cell.value = note;
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(row, 1, row, last);
    const lineWidth = widths.reduce((sum, width) => sum + width, 0);
    sheet.getRow(row).height = 15 * Math.max(1, Math.ceil(displayWidth(note) / lineWidth));
  });
  return sheet;
}

export function newWorkbook(doc: TFinalAccounts): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.department.name;
  workbook.title = `${doc.department.name} ${doc.fiscalYear} 年度部门决算`;
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The whole accounts: every table on its own sheet, in the printed order. */
export async function accountsWorkbook(doc: TFinalAccounts): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(doc);
  const used = new Set<string>();
  for (const table of printedTables(doc)) addTableSheet(workbook, table, used);
  return workbookBytes(workbook);
}

/** One table as a workbook of one sheet. */
export async function tableWorkbook(doc: TFinalAccounts, kind: TableKind): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(doc);
  addTableSheet(workbook, printedTable(doc, kind), new Set());
  return workbookBytes(workbook);
}
