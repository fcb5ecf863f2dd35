// import-text on small texts written for each thing PDF extraction does to a table.
import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../lib/accounts/templates';
import { districtOf, importText, type ImportTextResult } from '../../lib/import/text';
import { paragraphs } from '../../lib/import/text/narrative';

type Imported = Extract<ImportTextResult, { ok: true }>;

function read(text: string, template?: string): Imported {
  const result = importText(text, template ? { template } : {});
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const rowsOf = (result: Imported, kind: TableKind) => result.document.tables[kind].rows.map((r) => ({ row: r.row, ...(r.name ? { name: r.name } : {}), cells: r.cells }));
/** Problems other than the tables and sections the small text leaves out on purpose. */
const problemsOf = (result: Imported) => result.problems.filter((p) => !p.reason.startsWith('缺少「') && !p.reason.startsWith('未读入 '));

const SHANGHAI_HEAD = '第一部分 上海市普陀区测试局概况\n第二部分 上海市普陀区测试局2024年度部门决算表';

const EXPENDITURE = (rows: string) => `${SHANGHAI_HEAD}
一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出支出功能分类
科目名称科目编码
类 款 项
${rows}
注：本表反映部门本年度一般公共预算财政拨款支出情况。`;

describe('classification codes', () => {
  const spaced = read(EXPENDITURE(`201 一般公共服务支出 1,511.89 1,503.52 8.37
201 06 财政事务 1,511.89 1,503.52 8.37
201 06 01 行政运行 1,511.89 1,503.52 8.37
合计 1,511.89 1,503.52 8.37`));
  const whole = read(EXPENDITURE(`201 一般公共服务支出 1,511.89 1,503.52 8.37
20106 财政事务 1,511.89 1,503.52 8.37
2010601 行政运行 1,511.89 1,503.52 8.37
合计 1,511.89 1,503.52 8.37`));

  it('reads codes printed whole or spaced ("201 06 01") alike, separators dropped', () => {
    expect(rowsOf(spaced, 'generalBudgetExpenditure')).toEqual(rowsOf(whole, 'generalBudgetExpenditure'));
    expect(rowsOf(spaced, 'generalBudgetExpenditure')[2]).toEqual({ row: '2010601', name: '行政运行', cells: { total: '1511.89', basic: '1503.52', project: '8.37' } });
    expect(problemsOf(spaced)).toEqual([]);
  });

  it('joins a name broken across lines', () => {
    const result = read(EXPENDITURE(`208 社会保障和就业支出 160.75 160.75
208 05 行政事业单位养老支出 160.75 160.75
208 05 05 机关事业单位基本养老保险
缴费支出 160.75 160.75
合计 160.75 160.75`));
    expect(rowsOf(result, 'generalBudgetExpenditure')[2]).toEqual({ row: '2080505', name: '机关事业单位基本养老保险缴费支出', cells: { total: '160.75', basic: '160.75' } });
  });

  it('reports a code not in the year\'s catalogue, with its line', () => {
    const result = read(EXPENDITURE(`201 一般公共服务支出 10.00 10.00
201 06 财政事务 10.00 10.00
201 06 98 不存在的项 10.00 10.00
合计 10.00 10.00`));
    expect(problemsOf(result).filter((p) => p.line === 11)).toEqual([{ line: 11, reason: '「一般公共预算财政拨款支出决算表」：功能分类科目编码 2010698 不在 2024 年度科目表中，此行未读入' }]);
  });
});

describe('blank cells dropped by the extraction', () => {
  it('puts a lone figure in 基本 or 项目 by the column totals', () => {
    const result = read(EXPENDITURE(`201 一般公共服务支出 30.00 20.00 10.00
201 06 财政事务 30.00 20.00 10.00
201 06 01 行政运行 20.00 20.00
201 06 02 一般行政管理事务 10.00 10.00
208 社会保障和就业支出 5.00 5.00
208 05 行政事业单位养老支出 5.00 5.00
208 05 05 机关事业单位基本养老保险缴费支出 5.00 5.00
合计 35.00 20.00 15.00`));
    const cells = Object.fromEntries(rowsOf(result, 'generalBudgetExpenditure').map((r) => [r.row, r.cells]));
    expect(cells['2010601']).toEqual({ total: '20.00', basic: '20.00' });
    expect(cells['2010602']).toEqual({ total: '10.00', project: '10.00' });
    expect(cells['2080505']).toEqual({ total: '5.00', project: '5.00' });
    expect(problemsOf(result)).toEqual([]);
  });

  it('reports figures that fit no placement instead of guessing', () => {
    const result = read(EXPENDITURE(`201 一般公共服务支出 30.00 20.00 10.00 5.00
201 06 财政事务 30.00 20.00 10.00
201 06 01 行政运行 30.00 20.00 10.00
合计 30.00 20.00 10.00`));
    expect(problemsOf(result)).toContainEqual({ line: 9, reason: '「一般公共预算财政拨款支出决算表」 201 行：此行印有 4 个数（30.00 20.00 10.00 5.00），多于 3 栏，无法对应，未读入' });
    expect(rowsOf(result, 'generalBudgetExpenditure').map((r) => r.row)).toEqual(['20106', '2010601', 'total']);
  });
});

const HUBEI_HEAD = '第一部分 武汉市硚口区测试中心概况\n第二部分 武汉市硚口区测试中心 2021 年度部门决算表';

describe('lines tables', () => {
  it('reads 行次, keeps a printed 0.00 and drops "-" (Hubei 表4)', () => {
    const result = read(`${HUBEI_HEAD}
2021 年度财政拨款收入支出决算总表（表 4）
部门：武汉市硚口区测试中心 单位：万元
项 目 行 次 决算数 项 目 行 次 决算数 小计 一般公 共预算财 政拨款
栏次 1 栏次 2 3 4 5
一、一般公共预算财政拨款 1 1,000.00 一、一般公共服务支出 33 1,000.00 1,000.00 - -
二、政府性基金预算财政拨款 2 0.00 二、外交支出 34 - - - -
三、国有资本经营财政拨款 3 三、国防支出 35
4 四、公共安全支出 36 - - - -
本年收入合计 27 1,000.00 本年支出合计 59 1,000.00 1,000.00 - -
年初财政拨款结转和结余 28 年末财政拨款结转和结余 60
一般公共预算财政拨款 29 61
政府性基金预算财政拨款 30 62
国有资本经营预算财政拨款 31 63
总计 32 1,000.00 总计 64 1,000.00 1,000.00
注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。`);
    expect(result.template.id).toBe('hubei-2021');
    expect(rowsOf(result, 'appropriationSummary')).toEqual([
      { row: 'generalBudgetAppropriation', cells: { income: '1000.00' } },
      { row: 'governmentFundAppropriation', cells: { income: '0.00' } },
      { row: 'incomeTotal', cells: { income: '1000.00' } },
      { row: 'incomeGrandTotal', cells: { income: '1000.00' } },
      { row: '201', cells: { total: '1000.00', generalBudget: '1000.00' } },
      { row: 'expenditureTotal', cells: { total: '1000.00', generalBudget: '1000.00' } },
      { row: 'expenditureGrandTotal', cells: { total: '1000.00', generalBudget: '1000.00' } },
    ]);
    expect(problemsOf(result)).toEqual([]);
  });

  it('joins labels broken across lines and reads two halves on one line (Shanghai 表1)', () => {
    const result = read(`${SHANGHAI_HEAD}
收入支出决算总表
单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 90.00
二、政府性基金预算财政拨
款 二、外交支出
八、其他收入 6.20 八、社会保障和就业支出 16.20
本年收入合计 106.20 本年支出合计 106.20
使用非财政拨款结余（含专用结余） 结余分配
年初结转和结余 年末结转和结余
总计 106.20 总计 106.20
注：本表反映部门本年度的总收支和年末结转结余情况。`);
    expect(rowsOf(result, 'incomeExpenditureSummary')).toEqual([
      { row: 'generalBudgetAppropriation', cells: { income: '100.00' } },
      { row: 'otherIncome', cells: { income: '6.20' } },
      { row: 'incomeTotal', cells: { income: '106.20' } },
      { row: 'incomeGrandTotal', cells: { income: '106.20' } },
      { row: '201', cells: { expenditure: '90.00' } },
      { row: '208', cells: { expenditure: '16.20' } },
      { row: 'expenditureTotal', cells: { expenditure: '106.20' } },
      { row: 'expenditureGrandTotal', cells: { expenditure: '106.20' } },
    ]);
    expect(problemsOf(result)).toEqual([]);
  });

  it('reports a table cut before its totals', () => {
    const result = read(`${SHANGHAI_HEAD}
收入支出决算总表
单位：万元
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 100.00
第三部分 上海市普陀区测试局2024年度部门决算情况说明`);
    expect(problemsOf(result).map((p) => p.line)).toEqual([5]);
    expect(problemsOf(result)[0]?.reason).toMatch(/^「收入支出决算总表」不完整（可能被截断）：找不到 4 行：本年收入合计、总计/);
  });
});

describe('the basic expenditure table', () => {
  it('splits the halves run together on one line, codes spaced, names broken', () => {
    const result = read(`${SHANGHAI_HEAD}
一般公共预算财政拨款基本支出决算表
单位：万元
经济分类
科目名称 决算数
经济分类
科目名称 决算数科目编码 科目编码
类 款 类 款
301 工资福利支出 180.75 302 商品和服务支出 1.20
301 08 机关事业单位基本养老保险缴
费 160.75 302 06 电费
301 13 住房公积金 20.00 302 11 差旅费 1.20
302 99 其他商品和服务支
出 0.00
人员经费合计 180.75 公用经费合计 1.20
注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。`);
    expect(rowsOf(result, 'generalBudgetBasicExpenditure')).toEqual([
      { row: '301', name: '工资福利支出', cells: { amount: '180.75' } },
      { row: '30108', name: '机关事业单位基本养老保险缴费', cells: { amount: '160.75' } },
      { row: '30113', name: '住房公积金', cells: { amount: '20.00' } },
      { row: '302', name: '商品和服务支出', cells: { amount: '1.20' } },
      { row: '30211', name: '差旅费', cells: { amount: '1.20' } },
      { row: '30299', name: '其他商品和服务支出', cells: { amount: '0.00' } },
      { row: 'personnelTotal', name: '人员经费合计', cells: { amount: '180.75' } },
      { row: 'operatingTotal', name: '公用经费合计', cells: { amount: '1.20' } },
    ]);
    expect(problemsOf(result)).toEqual([]);
  });
});

describe('empty tables, contents and templates', () => {
  const EMPTY = `上海市普陀区测试局
2024年度部门决算
目 录
第一部分上海市普陀区测试局概况
八、政府性基金预算财政拨款收入支出决算表
第一部分 上海市普陀区测试局概况
政府性基金预算财政拨款收入支出决算表
单位：万元
项目
年初结转和
结余 本年收入
类 款 项
合计
注：上海市普陀区测试局无政府性基金预算财政拨款支出，
故本表无数据。`;

  it('keeps the sentence of an empty table, joined across lines, and skips the contents', () => {
    const result = read(EMPTY);
    expect(result.document.tables.governmentFund).toEqual({ rows: [], statement: '注：上海市普陀区测试局无政府性基金预算财政拨款支出，故本表无数据。' });
    expect(problemsOf(result)).toEqual([]);
  });

  it('recognises the year and family from the text, and --template overrides it', () => {
    expect(read(EMPTY).template.id).toBe('shanghai-2024');
    expect(read(EMPTY, 'shanghai-2025').template.id).toBe('shanghai-2025');
    expect(importText(EMPTY, { template: 'beijing-2024' })).toEqual({ ok: false, reason: expect.stringContaining('没有报表格式 "beijing-2024"') as string });
  });

  it('refuses a text whose template cannot be told', () => {
    expect(importText('一些文字\n没有年度')).toEqual({ ok: false, reason: expect.stringContaining('无法确定年度') as string });
    expect(importText('上海市普陀区测试局\n2019年度部门决算')).toEqual({ ok: false, reason: expect.stringContaining('没有报表格式 "shanghai-2019"') as string });
    expect(importText('')).toEqual({ ok: false, reason: '文件是空的：没有可读的文字' });
  });
});

describe('page furniture', () => {
  it('drops page-number footers and a running header repeated on the pages', () => {
    const page = (body: string) => `测试局 2024 年度部门决算\n${body}\n- 3 -`;
    const result = read([
      page(`${SHANGHAI_HEAD}\n一般公共预算财政拨款支出决算表\n单位：万元\n201 一般公共服务支出 10.00 10.00`),
      page('201 06 财政事务 10.00 10.00\n201 06 01 行政运行 10.00 10.00'),
      page('合计 10.00 10.00\n注：本表反映部门本年度一般公共预算财政拨款支出情况。'),
    ].join('\n\f\n'));
    expect(rowsOf(result, 'generalBudgetExpenditure').map((r) => r.row)).toEqual(['201', '20106', '2010601', 'total']);
    expect(problemsOf(result).filter((p) => !p.reason.includes('不止一种栏位'))).toEqual([]);
  });
});

describe('paragraph breaks (the extraction keeps no indentation)', () => {
  // Lines of a page 30 characters wide, with a paragraph's first line indented by two.
  const FULL = '工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公';

  it('measures a line by its printed width: a line of figures ending a sentence is not taken for a short one', () => {
    // 31 characters, of which the figures and spaces are half-width: as wide as the 30 of a full line.
    const figures = '万元，完成年初预算的99.50%。决算数小于预算数的主要原因：';
    expect(paragraphs([FULL, FULL, figures, '年中社会保险缴费基数变更导致。'])).toEqual([`${FULL}${FULL}${figures}年中社会保险缴费基数变更导致。`]);
  });

  it('breaks after a full line ending a sentence when the next line is narrower by the indent than the full one after it', () => {
    const lines = ['2021 年度一般公共预算财政拨款基本支出 288.9 万元，其中：', '人员经费 263.02 万元，主要包括：基本工资、津贴补贴、绩效', FULL, '务员医疗补助缴费。'];
    expect(paragraphs([FULL, ...lines])).toEqual([`${FULL}${lines[0]}`, lines.slice(1).join('')]);
  });

  it('does not take a line left short by a figure that would not fit for an indented one', () => {
    const lines = ['12、 住房保障支出 （类） 住房保障支出 （款） 住房公积金 （项） 。', '主要用于：行政单位、事业单位住房公积金支出。年初预算为', '289.59 万元， 支出决算为289.59 万元，完成年初预算的100.00%。'];
    expect(paragraphs([FULL, FULL, '其他。', ...lines])).toEqual([`${FULL}${FULL}其他。`, lines.join('')]);
  });
});

describe('the district a department name begins with', () => {
  it.each([
    ['武汉市硚口区大数据中心', '武汉市硚口区'],
    ['湖北省武汉市硚口区大数据中心', '武汉市硚口区'],
    ['中共上海市普陀区委社会工作部', '上海市普陀区'],
    ['中国共产党上海市普陀区委员会办公室', '上海市普陀区'],
    ['共青团上海市普陀区委员会', '上海市普陀区'],
    ['九三学社上海市普陀区委员会', '上海市普陀区'],
    ['中国人民政治协商会议上海市普陀区委员会', '上海市普陀区'],
    ['上海市财政局', ''],
    ['区委社会工作部', ''],
  ])('%s → %s', (name, district) => {
    expect(districtOf(name)).toBe(district);
  });
});
