// Per-table CSV downloads: the table as printed (title, 部门/单位, header rows, 栏次, lines, notes),
// UTF-8 with a BOM for Excel, amounts in the interchange form without separators, blanks empty.
import { describe, expect, it } from 'vitest';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import { TOTAL_ROW } from '../../lib/accounts/templates';
import { CSV_BOM, csvText, tableCsv } from '../../lib/export/csv';
import { parseCsv } from '../../lib/import/table-file';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const read = (text: string) => {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return parseCsv(text.slice(1));
};

describe('csvText', () => {
  it('writes a text that a spreadsheet would run as a formula with a leading apostrophe; amounts and "-" stay', () => {
    const text = csvText([['=HYPERLINK("http://x","点击")', '+1+1', '-2+cmd|/c calc', '@SUM(A1)', '\tTAB', '\rCR', '-56.95', '-', '2882.93', '大数据中心'], ['-0.50', '0', '- 项目']], { bom: false });
    expect(parseCsv(text)).toEqual([
      ['\'=HYPERLINK("http://x","点击")', "'+1+1", "'-2+cmd|/c calc", "'@SUM(A1)", "'\tTAB", "'\rCR", '-56.95', '-', '2882.93', '大数据中心'],
      ['-0.50', '0', "'- 项目"],
    ]);
  });

  it('leaves the seed\'s printed tables as they were: no cell starts with a quote', () => {
    const seed = loadSeed();
    const cells = read(tableCsv(seed, 'appropriationSummary')).flat();
    expect(cells).toContain('-');
    expect(cells.filter((cell) => cell.startsWith("'"))).toEqual([]);
  });
});

describe('tableCsv', () => {
  const seed = loadSeed();

  it('prints 支出决算表 as the page does: title, department line, grouped headers, 栏次, 合计 and every code', () => {
    const rows = read(tableCsv(seed, 'expenditure'));
    expect(rows[0]?.[0]).toBe('2021 年度支出决算表（表 3）');
    expect(rows[1]?.[0]).toBe('部门：武汉市硚口区大数据中心');
    expect(rows[1]?.at(-1)).toBe('单位：万元');
    expect(rows[2]).toEqual(['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    expect(rows[3]?.slice(0, 2)).toEqual(['功能分类科目编码', '科目名称']);
    expect(rows[4]).toEqual(['栏次', '', '1', '2', '3', '4', '5', '6']);
    expect(rows[5]).toEqual(['合计', '', '2882.93', '288.90', '2594.03', '', '', '']);
    // Every figure of the table, in its code's line and its column (栏次 n is column n + 1).
    const columns = ['total', 'basic', 'project', 'remittancesToHigherLevel', 'operating', 'grantsToAffiliates'];
    for (const row of seed.tables.expenditure.rows.filter((r) => r.row !== TOTAL_ROW)) {
      const line = rows.find((r) => r[0] === row.row);
      expect(line, row.row).toBeDefined();
      columns.forEach((column, i) => {
        const amount = row.cells[column];
        expect(line?.[i + 2], `${row.row} ${column}`).toBe(amount === undefined ? '' : toAmountText(parseAmount(amount)));
      });
    }
    expect(rows.find((r) => r[0] === '2150502')?.slice(1, 5)).toEqual(['一般行政管理事务', '2594.03', '', '2594.03']);
  });

  it('prints the two halves of 收入支出决算总表 with 行次 and 栏次, totals facing each other', () => {
    const rows = read(tableCsv(seed, 'incomeExpenditureSummary'));
    expect(rows[2]).toEqual(['收入', '', '', '支出', '', '']);
    expect(rows[3]).toEqual(['项目', '行次', '决算数', '项目', '行次', '决算数']);
    expect(rows[4]).toEqual(['栏次', '', '1', '栏次', '', '2']);
    expect(rows[5]).toEqual(['一、一般公共预算财政拨款收入', '1', '2882.93', '一、一般公共服务支出', '31', '214.65']);
    const totals = rows.filter((r) => r[0] === '本年收入合计');
    expect(totals).toEqual([['本年收入合计', '27', '2882.93', '本年支出合计', '57', '2882.93']]);
    expect(rows.filter((r) => r[0] === '总计')).toEqual([['总计', '30', '2882.93', '总计', '60', '2882.93']]);
  });

  it('prints "-" where Hubei 表4 prints it: blank amounts of the expenditure half from the classes to 本年支出合计', () => {
    const rows = read(tableCsv(seed, 'appropriationSummary'));
    expect(rows.find((r) => r[3] === '一、一般公共服务支出')?.slice(3)).toEqual(['一、一般公共服务支出', '33', '214.65', '214.65', '-', '-']);
    expect(rows.find((r) => r[3] === '本年支出合计')?.slice(3)).toEqual(['本年支出合计', '59', '2882.93', '2882.93', '-', '-']);
    expect(rows.find((r) => r[3] === '年末财政拨款结转和结余')?.slice(5)).toEqual(['', '', '', '']);
    expect(rows.find((r) => r[0] === '二、政府性基金预算财政拨款')?.[2]).toBe('');
  });

  it('prints an empty table with its statement under the notes', () => {
    const rows = read(tableCsv(seed, 'governmentFund'));
    expect(rows[5]).toEqual(['合计', '', '', '', '', '', '', '']);
    expect(rows.at(-1)?.[0]).toBe('说明：本部门 2021 年度无政府性基金预算财政拨款收入及支出。');
    expect(rows.some((r) => r[0]?.startsWith('注：本表反映部门本年度政府性基金'))).toBe(true);
  });

  it('says under an empty table without a statement that it has no data, as the page does', () => {
    const doc = loadSeed();
    doc.tables.governmentFund.statement = undefined;
    const rows = read(tableCsv(doc, 'governmentFund'));
    expect(rows.at(-1)?.[0]).toBe('说明：本表无数据。');
    expect(read(tableCsv(doc, 'expenditure')).some((r) => r[0] === '说明：本表无数据。')).toBe(false);
  });

  it('prints 人员经费 and 公用经费 bands of the basic expenditure table with their totals', () => {
    const rows = read(tableCsv(seed, 'generalBudgetBasicExpenditure'));
    expect(rows[2]?.slice(0, 4)).toEqual(['人员经费', '', '', '公用经费']);
    expect(rows[4]).toEqual(['301', '工资福利支出', '263.02', '302', '商品和服务支出', '25.72', '310', '资本性支出', '0.16']);
    // Each total's words span the band up to its amount, as printed.
    expect(rows.find((r) => r[0] === '人员经费合计')).toEqual(['人员经费合计', '', '263.02', '公用经费合计', '', '', '', '', '25.88']);
  });

  it('prints a layout without 栏次 (Shanghai) without a 栏次 line', () => {
    const doc = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    const rows = read(tableCsv(doc, 'threePublicExpensesTable'));
    expect(rows[0]?.[0]).toBe('财政拨款“三公”经费支出决算表');
    expect(rows.some((r) => r[0] === '栏次')).toBe(false);
    expect(rows[2]?.slice(0, 3)).toEqual(['合计', '', '因公出国（境）费']);
    expect(rows[3]?.slice(0, 2)).toEqual(['预算数', '决算数']);
  });

  it('quotes separators, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const text = csvText([['a,b', 'say "hi"', 'x\ny'], ['2882.93', '', '']]);
    expect(text).toBe(`${CSV_BOM}"a,b","say ""hi""","x\ny"\r\n2882.93,,\r\n`);
    expect(parseCsv(text.slice(1))).toEqual([['a,b', 'say "hi"', 'x\ny'], ['2882.93', '', '']]);
    expect(csvText([['a']], { bom: false })).toBe('a\r\n');
  });
});
