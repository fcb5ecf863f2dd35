// The entry grid lays each table out as printed, from the template: checked against the seed
// document's layout (Hubei 2021, every table with 栏次) and Shanghai 2024 (no numbers).
import { describe, expect, it } from 'vitest';
import { buildGrid, type GridModel } from '../../app/(entry)/entry/[id]/_lib/grid-model';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';
import { SHANGHAI_2024 } from '../../lib/accounts/templates/shanghai-2024';
import { loadSeed } from './seed-document';

const headerText = (model: GridModel) => model.headerRows.map((row) => row.map((c) => `${c.label}${c.colSpan > 1 ? `[${c.colSpan}]` : ''}${c.rowSpan > 1 ? `{${c.rowSpan}}` : ''}`));
const lineText = (model: GridModel, index: number) => model.lines[index]?.cells.map((c) =>
  c.kind === 'text' ? c.text : c.kind === 'amount' ? `${c.row}:${c.column}` : '~');

describe('the entry grid of the seed document', () => {
  const seed = loadSeed();
  const grid = (kind: keyof typeof HUBEI_2021.tables) => buildGrid(HUBEI_2021.tables[kind], seed.tables[kind].rows, () => undefined);

  it('prints 支出决算表 with 项目 over code and name, 栏次 1–6, 合计 and the document\'s codes', () => {
    const model = grid('expenditure');
    expect(headerText(model)).toEqual([
      ['项目[2]', '本年支出合计{2}', '基本支出{2}', '项目支出{2}', '上缴上级支出{2}', '经营支出{2}', '对附属单位补助支出{2}'],
      ['功能分类科目编码', '科目名称'],
    ]);
    expect(model.columnNumbers?.map((c) => `${c.text}${c.colSpan > 1 ? `[${c.colSpan}]` : ''}`)).toEqual(['栏次[2]', '1', '2', '3', '4', '5', '6']);
    expect(lineText(model, 0)).toEqual(['合计', '~', 'total:total', 'total:basic', 'total:project', 'total:remittancesToHigherLevel', 'total:operating', 'total:grantsToAffiliates']);
    expect(model.lines.slice(1, 4).map((line) => line.cells.slice(0, 2).map((c) => (c.kind === 'text' ? c.text : '')))).toEqual([
      ['201', '一般公共服务支出'], ['20103', '政府办公厅（室）及相关机构事务'], ['2010350', '事业运行'],
    ]);
    expect(model.lines[0]?.isTotal).toBe(true);
    expect(model.lines[1]?.code).toBe('201');
  });

  it('prints 表1 in two halves with 行次, the totals facing each other', () => {
    const model = grid('incomeExpenditureSummary');
    expect(headerText(model)).toEqual([['收入[3]', '支出[3]'], ['项目', '行次', '决算数', '项目', '行次', '决算数']]);
    expect(lineText(model, 0)).toEqual(['一、一般公共预算财政拨款收入', '1', 'generalBudgetAppropriation:income', '一、一般公共服务支出', '31', '201:expenditure']);
    expect(lineText(model, 8)).toEqual(['', '9', '', '九、卫生健康支出', '39', '210:expenditure']);
    expect(lineText(model, model.lines.length - 1)).toEqual(['总计', '30', 'incomeGrandTotal:income', '总计', '60', 'expenditureGrandTotal:expenditure']);
  });

  it('prints 表4 with 决算数 over 小计 and the three appropriations on the expenditure half', () => {
    const model = grid('appropriationSummary');
    expect(headerText(model)).toEqual([
      ['收入[3]', '支出[6]'],
      ['项目{2}', '行次{2}', '决算数{2}', '项目{2}', '行次{2}', '决算数[4]'],
      ['小计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ]);
    expect(model.columnNumbers?.map((c) => c.text)).toEqual(['栏次', '1', '栏次', '2', '3', '4', '5']);
  });

  it('prints 表6 in bands by class with the two totals on the last line', () => {
    const model = grid('generalBudgetBasicExpenditure');
    expect(headerText(model)[0]).toEqual(['人员经费[3]', '公用经费[6]']);
    expect(lineText(model, 0)).toEqual(['301', '工资福利支出', '301:amount', '302', '商品和服务支出', '302:amount', '310', '资本性支出', '310:amount']);
    const totals = model.lines.at(-1)?.cells ?? [];
    expect(totals.map((c) => (c.kind === 'text' ? `${c.text}[${c.colSpan}]` : c.kind === 'amount' ? c.row : '~'))).toEqual([
      '人员经费合计[2]', '~', 'personnelTotal', '公用经费合计[5]', '~', '~', '~', '~', 'operatingTotal',
    ]);
  });

  it('prints 表8 with 本年支出 over its three columns', () => {
    expect(headerText(grid('governmentFund'))[0]).toEqual(['项目[2]', '年初结转和结余{2}', '本年收入{2}', '本年支出[3]', '年末结转和结余{2}']);
  });

  it('prints 表7 as one line of twelve amounts under 预算数 and 决算数', () => {
    const model = grid('threePublicExpensesTable');
    expect(headerText(model)[0]).toEqual(['预算数[6]', '决算数[6]']);
    expect(model.lines).toHaveLength(1);
    expect(lineText(model, 0)?.[0]).toBe('total:budgetTotal');
  });
});

describe('the entry grid of the Shanghai 2024 layout', () => {
  it('prints no 行次 and no 栏次 where the layout has none', () => {
    const model = buildGrid(SHANGHAI_2024.tables.incomeExpenditureSummary, [], () => undefined);
    expect(model.columnNumbers).toBeUndefined();
    expect(model.columns.map((c) => c.path.at(-1))).not.toContain('行次');
  });

  it('names a functional row from the catalogue when the document gives no name', () => {
    const model = buildGrid(SHANGHAI_2024.tables.expenditure, [{ row: '2010101', cells: {} }], (code) => (code === '2010101' ? '行政运行' : undefined));
    expect(lineText(model, 1)?.slice(0, 2)).toEqual(['2010101', '行政运行']);
  });
});
