// The data of a department page's charts, from one published document: 图1 收、支总计 and 图4
// 财政拨款收、支总计 against the prior year, 图2 income and 图3 expenditure structure, and the
// functional classes 类 → 款 → 项 of expenditure for a treemap. The figures are the narrative's
// facts (FactBook), so a chart says what the checked narrative says; shares are by largest
// remainder at the layout's precision. Amounts travel as decimal strings; `value` is a Number
// for drawing only, never for a figure shown as text. Everything here is serialisable.

import { CellGrid } from '../cells';
import { functionalLevel, parentCode } from '../classification';
import { formatAmount, toAmountText, type Cents } from '../money';
import { describeChange, formatPercentAt, sharesOf, yearOnYear } from '../narrative';
import { FactBook, type Figure, type ShareSetId } from '../narrative-check/facts';
import { wordingFor } from '../narrative-check/wording';
import type { TFinalAccounts } from '../schema';
import { TOTAL_ROW, type Template } from '../templates';

/** An amount: "2882.93" for anything shown, and the same as a Number for drawing. */
export interface ChartAmount {
  amount: string;
  value: number;
}

export interface ChartColumn {
  key: string;
  label: string;
  /** Right-aligned figures. */
  numeric: boolean;
}

/** A row of a chart's data table: display text by column key ("2,882.93", "10.0%"). */
export interface ChartRow {
  key: string;
  cells: Readonly<Record<string, string>>;
  /** Hierarchy depth for indented rows (treemap: 0 类, 1 款, 2 项). */
  depth?: number;
}

interface ChartBase {
  title: string;
  /** A sentence stating the figures the chart draws. */
  caption: string;
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
}

export interface ComparisonBar {
  key: string;
  label: string;
  current: ChartAmount;
  /** Absent where the document states no prior-year figure. */
  prior?: ChartAmount;
}

/** This year against last year: 图1, 图4. */
export interface ComparisonChart extends ChartBase {
  id: 'fig1' | 'fig4';
  kind: 'comparison';
  currentLabel: string;
  priorLabel: string;
  hasPrior: boolean;
  bars: readonly ComparisonBar[];
}

export interface StructureSlice extends ChartAmount {
  key: string;
  label: string;
  /** "10.0%": by largest remainder, so the slices add to 100%. */
  share: string;
}

/** Parts of one total: 图2, 图3. */
export interface StructureChart extends ChartBase {
  id: 'fig2' | 'fig3';
  kind: 'structure';
  total: ChartAmount;
  slices: readonly StructureSlice[];
}

export interface TreemapNode extends ChartAmount {
  /** 类 3, 款 5, 项 7 digits. */
  code: string;
  name: string;
  /** Share of its parent (the 类 of 本年支出合计), by largest remainder among its siblings. */
  share: string;
  children: readonly TreemapNode[];
}

/** Expenditure by functional class → section → item (支出决算表). */
export interface TreemapChart extends ChartBase {
  id: 'fig5';
  kind: 'treemap';
  total: ChartAmount;
  nodes: readonly TreemapNode[];
}

export interface DepartmentChartData {
  fiscalYear: number;
  /** 图1–图4 in their printed order. */
  charts: readonly [ComparisonChart, StructureChart, StructureChart, ComparisonChart];
  treemap: TreemapChart;
}

interface Context {
  book: FactBook;
  year: number;
  decimals: number;
}

const chartAmount = (cents: Cents): ChartAmount => ({ amount: toAmountText(cents), value: Number(cents) / 100 });
const money = (cents: Cents): string => formatAmount(cents);
const percent = (c: Context, units: bigint): string => formatPercentAt(units, c.decimals);

/** `both` names the two bars when they are equal ("收、支总计各…"), as the narrative says it. */
function comparison(c: Context, id: ComparisonChart['id'], title: string, both: string, bars: readonly { key: string; label: string; current: Cents; prior: Figure | undefined }[]): ComparisonChart {
  const hasPrior = bars.some((bar) => bar.prior !== undefined);
  const currentLabel = `${c.year} 年度`;
  const priorLabel = `${c.year - 1} 年度`;
  const [first] = bars;
  const equal = first !== undefined && bars.every((bar) => bar.current === first.current && bar.prior?.value === first.prior?.value);
  const statement = (label: string, bar: (typeof bars)[number]): string => {
    const now = `${label} ${money(bar.current)} 万元`;
    if (!bar.prior) return now;
    const change = describeChange(yearOnYear(bar.current, bar.prior.value, c.decimals), money, c.decimals);
    return `${now}，与 ${priorLabel}（${money(bar.prior.value)} 万元）相比${change}`;
  };
  const statements = equal ? [statement(both, first)] : bars.map((bar) => statement(bar.label, bar));
  return {
    id,
    kind: 'comparison',
    title,
    caption: `${currentLabel}${statements.join('；')}。${hasPrior ? '' : `本文件未列示 ${priorLabel}对比数据。`}`,
    currentLabel,
    priorLabel,
    hasPrior,
    bars: bars.map((bar) => ({ key: bar.key, label: bar.label, current: chartAmount(bar.current), ...(bar.prior ? { prior: chartAmount(bar.prior.value) } : {}) })),
    columns: [
      { key: 'item', label: '项目', numeric: false },
      ...(hasPrior ? [{ key: 'prior', label: `${priorLabel}（万元）`, numeric: true }] : []),
      { key: 'current', label: `${currentLabel}（万元）`, numeric: true },
      ...(hasPrior ? [{ key: 'change', label: '增减', numeric: false }] : []),
    ],
    rows: bars.map((bar) => ({
      key: bar.key,
      cells: {
        item: bar.label,
        current: money(bar.current),
        ...(bar.prior ? { prior: money(bar.prior.value), change: describeChange(yearOnYear(bar.current, bar.prior.value, c.decimals), money, c.decimals) } : {}),
      },
    })),
  };
}

/** The members of a narrative share set that are not zero, with their shares of the set. */
function structure(c: Context, id: StructureChart['id'], title: string, totalName: string, total: Cents, set: ShareSetId): StructureChart {
  const members = c.book.shareSet(set).members;
  const shares = c.book.shares(set, c.decimals);
  const slices = members.flatMap((m, i) => (m.figure.value === 0n ? [] : [{
    key: m.key,
    label: c.book.fact(m.key)?.name ?? m.key,
    ...chartAmount(m.figure.value),
    share: percent(c, shares[i] ?? 0n),
    cents: m.figure.value,
  }]));
  const parts = slices.map((s) => `${s.label} ${money(s.cents)} 万元，占 ${s.share}`);
  return {
    id,
    kind: 'structure',
    title,
    caption: `${c.year} 年度${totalName} ${money(total)} 万元${parts.length ? `，其中：${parts.join('；')}` : ''}。`,
    total: chartAmount(total),
    slices: slices.map(({ cents: _cents, ...slice }) => slice),
    columns: [
      { key: 'item', label: '项目', numeric: false },
      { key: 'amount', label: '金额（万元）', numeric: true },
      { key: 'share', label: `占${totalName}比重`, numeric: true },
    ],
    rows: [
      ...slices.map((s) => ({ key: s.key, cells: { item: s.label, amount: money(s.cents), share: s.share } })),
      { key: 'total', cells: { item: totalName, amount: money(total), share: slices.length ? percent(c, 100n * 10n ** BigInt(c.decimals)) : '' } },
    ],
  };
}

interface Subject { code: string; name: string; cents: Cents }

/** 类 → 款 → 项 of 支出决算表 by code, each with its share among its siblings. */
function treemap(c: Context, doc: TFinalAccounts): TreemapChart {
  const byParent = new Map<string, Subject[]>();
  for (const row of doc.tables.expenditure.rows) {
    if (!functionalLevel(row.row)) continue;
    const parent = parentCode(row.row) ?? TOTAL_ROW;
    const siblings = byParent.get(parent) ?? [];
    siblings.push({ code: row.row, name: row.name ?? '', cents: c.book.cell('expenditure', row.row, 'total').value });
    byParent.set(parent, siblings);
  }
  const rows: ChartRow[] = [];
  const classes: string[] = [];
  // Pre-order, so the data table lists each 类 followed by its 款 and their 项.
  const nodesOf = (parent: string, depth: number): TreemapNode[] => {
    const subjects = byParent.get(parent) ?? [];
    const shares = sharesOf(subjects.map((s) => s.cents), c.decimals);
    return subjects.map((s, i) => {
      const share = percent(c, shares[i] ?? 0n);
      rows.push({ key: s.code, depth, cells: { code: s.code, name: s.name, amount: money(s.cents), share } });
      if (depth === 0 && s.cents !== 0n) classes.push(`${s.name} ${money(s.cents)} 万元，占 ${share}`);
      return { code: s.code, name: s.name, ...chartAmount(s.cents), share, children: nodesOf(s.code, depth + 1) };
    });
  };
  const nodes = nodesOf(TOTAL_ROW, 0);
  const total = c.book.cell('expenditure', TOTAL_ROW, 'total').value;
  return {
    id: 'fig5',
    kind: 'treemap',
    title: '图5 支出决算功能分类结构',
    caption: `${c.year} 年度本年支出合计 ${money(total)} 万元${classes.length ? `，按支出功能分类科目（类）：${classes.join('；')}` : ''}。`,
    total: chartAmount(total),
    nodes,
    columns: [
      { key: 'code', label: '科目编码', numeric: false },
      { key: 'name', label: '科目名称', numeric: false },
      { key: 'amount', label: '本年支出合计（万元）', numeric: true },
      { key: 'share', label: '占上一级比重', numeric: true },
    ],
    rows,
  };
}

/**
 * The charts of a department page. Titles are those the Hubei layout prints under its narrative
 * (图 1：收、支决算总计变动情况 …); the treemap is ours.
 */
export function departmentChartData(doc: TFinalAccounts, template: Template): DepartmentChartData {
  const book = new FactBook(doc, template, CellGrid.of(doc));
  const wording = wordingFor(template.family);
  const c: Context = { book, year: doc.fiscalYear, decimals: wording.decimals };
  const fact = (key: string) => book.fact(key);
  const current = (key: string): Cents => fact(key)?.current?.value ?? 0n;
  const totalPrior = fact('totalIncomeExpenditure')?.prior;
  const appropriationPrior = fact('appropriationTotal')?.prior;
  return {
    fiscalYear: doc.fiscalYear,
    charts: [
      comparison(c, 'fig1', '图1 收、支决算总计变动情况', `${wording.totalIncomeExpenditure}${wording.both}`, [
        { key: 'income', label: '收入总计', current: current('totalIncomeExpenditure'), prior: totalPrior },
        { key: 'expenditure', label: '支出总计', current: book.cell('incomeExpenditureSummary', 'expenditureGrandTotal', 'expenditure').value, prior: totalPrior },
      ]),
      structure(c, 'fig2', '图2 收入决算结构', '本年收入合计', current('incomeTotal'), 'incomeSources'),
      structure(c, 'fig3', '图3 支出决算结构', '本年支出合计', current('expenditureTotal'), 'expenditureKinds'),
      comparison(c, 'fig4', '图4 财政拨款收、支决算总计变动情况', `${wording.appropriationTotal}${wording.both}`, [
        { key: 'income', label: '财政拨款收入总计', current: current('appropriationTotal'), prior: appropriationPrior },
        { key: 'expenditure', label: '财政拨款支出总计', current: book.cell('appropriationSummary', 'expenditureGrandTotal', 'total').value, prior: appropriationPrior },
      ]),
    ],
    treemap: treemap(c, doc),
  };
}
