// The workbook downloads: one sheet per table in the template's order, laid out as printed
// (title, 部门/单位, merged header cells, 栏次), amounts as numbers formatted '#,##0.00'. Every
// amount is read back with exceljs and compared with the document, both as shown (two decimals)
// and exactly (hundredths of 万元 as bigint).
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../lib/accounts/money';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor, type TableKind } from '../../lib/accounts/templates';
import { AMOUNT_FORMAT, accountsWorkbook, tableWorkbook } from '../../lib/export/xlsx';
import { loadDocument, loadSeed, SHANGHAI_PLANNING_PATH } from './seed-document';
import { loadWorkbook } from '../../lib/import/workbook-bytes';

const load = loadWorkbook;

/** Every numeric cell of a sheet: its value and its number format. */
function numbers(sheet: ExcelJS.Worksheet): { value: number; numFmt: string }[] {
  const found: { value: number; numFmt: string }[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'number') found.push({ value: cell.value, numFmt: cell.numFmt });
  }));
  return found;
}

/** The document's non-blank amounts of one table, in hundredths. */
const documentAmounts = (doc: TFinalAccounts, kind: TableKind): bigint[] =>
  doc.tables[kind].rows.flatMap((row) => Object.values(row.cells).map(parseAmount));

const sorted = (values: bigint[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A double read back from the sheet, as hundredths: exact when it is the double of a 2-decimal string. */
function hundredths(value: number): bigint {
  const text = value.toFixed(2);
  expect(Number(text)).toBe(value);
  return parseAmount(text);
}

describe.each([
  ['the seed (Hubei 2021)', loadSeed()],
  ['Shanghai 2024 planning bureau', loadDocument(SHANGHAI_PLANNING_PATH)],
])('accountsWorkbook of %s', (_, doc) => {
  const template = templateFor(doc.template);

  it('has one sheet per table in the printed order, and every amount of the document exactly once', async () => {
    const workbook = await load(await accountsWorkbook(doc));
    const numbered = template.tableReference === 'number';
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(template.order.map((kind) => {
      const table = template.tables[kind];
      return numbered ? `表${table.number} ${table.title}` : table.title;
    }));
    template.order.forEach((kind, i) => {
      const sheet = workbook.worksheets[i];
      if (!sheet) throw new Error(`no sheet for ${kind}`);
      const cells = numbers(sheet);
      expect(cells.every((cell) => cell.numFmt === AMOUNT_FORMAT), kind).toBe(true);
      expect(sorted(cells.map((cell) => hundredths(cell.value))), kind).toEqual(sorted(documentAmounts(doc, kind)));
    });
  });
});

describe('the seed workbook as printed', () => {
  const doc = loadSeed();

  it('prints 支出决算表 with its title, department line, merged headers, 栏次 and the 合计 line', async () => {
    const sheet = (await load(await accountsWorkbook(doc))).getWorksheet('表3 支出决算表');
    if (!sheet) throw new Error('no 支出决算表 sheet');
    expect(sheet.getCell('A1').value).toBe('2021 年度支出决算表（表 3）');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('H1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('部门：武汉市硚口区大数据中心');
    expect(sheet.getCell('H2').value).toBe('单位：万元');
    // 项目 spans the code and name columns; each amount column's heading spans two header rows.
    expect(sheet.getCell('A3').value).toBe('项目');
    expect(sheet.getCell('B3').master.address).toBe('A3');
    expect(sheet.getCell('C4').master.address).toBe('C3');
    expect([sheet.getCell('A4').value, sheet.getCell('B4').value]).toEqual(['功能分类科目编码', '科目名称']);
    expect([5, 6, 7, 8].map((c) => sheet.getRow(5).getCell(c).value)).toEqual(['3', '4', '5', '6']);
    expect(sheet.getCell('A6').value).toBe('合计');
    expect([sheet.getCell('C6').value, sheet.getCell('D6').value, sheet.getCell('E6').value]).toEqual([2882.93, 288.9, 2594.03]);
    expect(sheet.getCell('D6').numFmt).toBe('#,##0.00');
  });

  it('prints the nested header of the 三公 table and the statement under it', async () => {
    const sheet = (await load(await tableWorkbook(doc, 'threePublicExpensesTable'))).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('表7 一般公共预算财政拨款“三公”经费支出决算表');
    expect(sheet.getCell('A3').value).toBe('预算数');
    expect(sheet.getCell('F3').master.address).toBe('A3');
    expect(sheet.getCell('C4').value).toBe('公务用车购置及运行费');
    expect(sheet.getCell('E4').master.address).toBe('C4');
    expect(sheet.getCell('A7').value).toBe(0.6);
    const notes: unknown[] = [];
    sheet.eachRow((row) => { if (typeof row.getCell(1).value === 'string') notes.push(row.getCell(1).value); });
    expect(notes.at(-1)).toBe('说明：本部门 2021 年度无一般公共预算财政拨款“三公”经费支出。');
  });
});
