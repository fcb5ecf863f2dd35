// The charts' data from published documents: the seed's printed figures (收支总计 2,882.93,
// 2020: 1,090.37 = 2,882.93 − 1,792.56; 基本支出 288.90 占 10.0%, 项目支出 2,594.03 占 90.0%;
// the 类 shares 7.5/0.6/0.9/90.0/1.0 of the narrative), and a Shanghai document at two decimals.
import { describe, expect, it } from 'vitest';
import { drillPath } from '../../components/disclosure/charts/drill';
import { departmentChartData, type TreemapNode } from '../../lib/accounts/disclosure/charts';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const chartsOf = (doc: TFinalAccounts) => departmentChartData(doc, templateFor(doc.template));
const cells = (rows: readonly { cells: Readonly<Record<string, string>> }[]) => rows.map((row) => row.cells);

describe('the seed (hubei-2021)', () => {
  const data = chartsOf(loadSeed());
  const [fig1, fig2, fig3, fig4] = data.charts;

  it('图1: 收、支总计 2,882.93 against 2020 1,090.37, up 1,792.56 (164.4%)', () => {
    expect(fig1.title).toBe('图1 收、支决算总计变动情况');
    expect(fig1.bars).toEqual([
      { key: 'income', label: '收入总计', current: { amount: '2882.93', value: 2882.93 }, prior: { amount: '1090.37', value: 1090.37 } },
      { key: 'expenditure', label: '支出总计', current: { amount: '2882.93', value: 2882.93 }, prior: { amount: '1090.37', value: 1090.37 } },
    ]);
    expect(fig1.caption).toBe('2021 年度收、支总计各 2,882.93 万元，与 2020 年度（1,090.37 万元）相比增加 1,792.56 万元，增长 164.4%。');
    expect(fig1.columns.map((c) => c.label)).toEqual(['项目', '2020 年度（万元）', '2021 年度（万元）', '增减']);
    expect(cells(fig1.rows)[0]).toEqual({ item: '收入总计', prior: '1,090.37', current: '2,882.93', change: '增加 1,792.56 万元，增长 164.4%' });
  });

  it('图2: 财政拨款收入 2,882.93, 100.0% of 本年收入合计 (the other sources are zero and left out)', () => {
    expect(fig2.slices).toEqual([{ key: 'appropriationIncome', label: '财政拨款收入', amount: '2882.93', value: 2882.93, share: '100.0%' }]);
    expect(fig2.caption).toBe('2021 年度本年收入合计 2,882.93 万元，其中：财政拨款收入 2,882.93 万元，占 100.0%。');
  });

  it('图3: 基本支出 288.90 (10.0%) and 项目支出 2,594.03 (90.0%) of 2,882.93', () => {
    expect(fig3.total).toEqual({ amount: '2882.93', value: 2882.93 });
    expect(fig3.slices.map((s) => [s.label, s.amount, s.share])).toEqual([['基本支出', '288.90', '10.0%'], ['项目支出', '2594.03', '90.0%']]);
    expect(fig3.caption).toBe('2021 年度本年支出合计 2,882.93 万元，其中：基本支出 288.90 万元，占 10.0%；项目支出 2,594.03 万元，占 90.0%。');
    expect(cells(fig3.rows)).toEqual([
      { item: '基本支出', amount: '288.90', share: '10.0%' },
      { item: '项目支出', amount: '2,594.03', share: '90.0%' },
      { item: '本年支出合计', amount: '2,882.93', share: '100.0%' },
    ]);
  });

  it('图4: 财政拨款收、支总计 2,882.93 against 1,090.37', () => {
    expect(fig4.id).toBe('fig4');
    expect(fig4.bars.map((b) => [b.label, b.current.amount, b.prior?.amount])).toEqual([['财政拨款收入总计', '2882.93', '1090.37'], ['财政拨款支出总计', '2882.93', '1090.37']]);
    expect(fig4.caption).toBe('2021 年度财政拨款收、支总计各 2,882.93 万元，与 2020 年度（1,090.37 万元）相比增加 1,792.56 万元，增长 164.4%。');
  });

  it('treemap: 5 类 of 支出决算表 with the narrative\'s shares, each 类 → 款 → 项 from the rows', () => {
    const { treemap } = data;
    expect(treemap.total.amount).toBe('2882.93');
    expect(treemap.nodes.map((n) => [n.code, n.name, n.amount, n.share])).toEqual([
      ['201', '一般公共服务支出', '214.65', '7.5%'],
      ['208', '社会保障和就业支出', '17.61', '0.6%'],
      ['210', '卫生健康支出', '26.81', '0.9%'],
      ['215', '资源勘探工业信息等支出', '2594.03', '90.0%'],
      ['221', '住房保障支出', '29.83', '1.0%'],
    ]);
    const health = treemap.nodes.find((n) => n.code === '210');
    expect(health?.children.map((s) => s.code)).toEqual(['21011']);
    expect(health?.children[0]?.children.map((i) => [i.code, i.name, i.amount, i.share])).toEqual([
      ['2101102', '事业单位医疗', '9.58', '35.7%'],
      ['2101103', '公务员医疗补助', '16.46', '61.4%'],
      ['2101199', '其他行政事业单位医疗支出', '0.77', '2.9%'],
    ]);
    // Every row of the table once, 类 before its 款 and 项, at its depth.
    const count = (nodes: readonly TreemapNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    expect(treemap.rows).toHaveLength(count(treemap.nodes));
    expect(treemap.rows.slice(0, 3).map((r) => [r.key, r.depth, r.cells.amount])).toEqual([['201', 0, '214.65'], ['20103', 1, '214.65'], ['2010350', 2, '214.65']]);
    expect(treemap.caption).toContain('资源勘探工业信息等支出 2,594.03 万元，占 90.0%');
  });

  it('is plain data: survives JSON, as props of a client component must', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('上海市普陀区财政局 2024 (shares at two decimals)', () => {
  const data = chartsOf(loadDocument(SHANGHAI_FINANCE_BUREAU_PATH));
  const [fig1, fig2, fig3, fig4] = data.charts;

  it('图1: 收入支出总计 2,995.39 against 3,052.34, down 56.95 (1.87%)', () => {
    expect(fig1.caption).toBe('2024 年度收入支出总计 2,995.39 万元，与 2023 年度（3,052.34 万元）相比减少 56.95 万元，下降 1.87%。');
  });

  it('图2: 财政拨款收入 2,940.05 (99.79%) and 其他收入 6.20 (0.21%) of 2,946.25', () => {
    expect(fig2.slices.map((s) => [s.label, s.amount, s.share])).toEqual([['财政拨款收入', '2940.05', '99.79%'], ['其他收入', '6.20', '0.21%']]);
    expect(fig2.rows.at(-1)?.cells).toEqual({ item: '本年收入合计', amount: '2,946.25', share: '100.00%' });
  });

  it('图3: 基本支出 2,336.91 (79.49%) and 项目支出 603.14 (20.51%)', () => {
    expect(fig3.slices.map((s) => [s.label, s.amount, s.share])).toEqual([['基本支出', '2336.91', '79.49%'], ['项目支出', '603.14', '20.51%']]);
  });

  it('图4: 财政拨款收入支出总计 2,961.68, as the prior year (持平)', () => {
    expect(fig4.bars.map((b) => [b.current.amount, b.prior?.amount])).toEqual([['2961.68', '2961.68'], ['2961.68', '2961.68']]);
    expect(fig4.rows.map((r) => r.cells.change)).toEqual(['持平', '持平']);
  });

  it('treemap: 支出决算表 classes (its 208 prints 326.72, the summary 326.71: the chart shows the table)', () => {
    expect(data.treemap.nodes.map((n) => [n.code, n.amount, n.share])).toEqual([
      ['201', '2106.66', '71.65%'], ['208', '326.72', '11.11%'], ['210', '60.99', '2.08%'], ['221', '445.69', '15.16%'],
    ]);
  });
});

describe('a document without prior-year figures', () => {
  it('draws this year only and says the comparison is not stated', () => {
    const doc = loadSeed();
    delete doc.comparisons.priorYear;
    const [fig1] = chartsOf(doc).charts;
    expect(fig1.hasPrior).toBe(false);
    expect(fig1.bars.every((b) => b.prior === undefined)).toBe(true);
    expect(fig1.columns.map((c) => c.key)).toEqual(['item', 'current']);
    expect(fig1.caption).toBe('2021 年度收、支总计各 2,882.93 万元。本文件未列示 2020 年度对比数据。');
  });
});

describe('the treemap level a ?treemap= value opens', () => {
  const { nodes } = chartsOf(loadSeed()).treemap;
  const codes = (code: string | null) => drillPath(nodes, code).map((node) => node.code);

  it('a 类 or 款 with children opens it; a 项, an unknown or a malformed value opens the top level', () => {
    expect(codes('210')).toEqual(['210']);
    expect(codes('21011')).toEqual(['210', '21011']);
    expect(drillPath(nodes, '21011').at(-1)?.children.map((n) => n.code)).toEqual(['2101102', '2101103', '2101199']);
    for (const top of [null, '', '2101102', '205', '21012', '2101', '<b>', '210110']) expect(codes(top)).toEqual([]);
  });
});
