// The figures of a district page and of a department's years: per department the totals,
// 三公经费 and 机关运行经费 (also per member of staff), budget completion and the average
// self-evaluation score; the district's consolidated totals by department and by functional
// class; and one department's main totals year by year with the change from the year before.
// Totals are read where the rest of the core reads them (summary.ts, the narrative's facts,
// consolidate.ts); amounts are decimal strings ("2882.93"), percentages as the layout prints them.

import { CellGrid, tableCells, type Cell } from '../cells';
import { consolidatedDocument, sumCells } from '../consolidate';
import { divideRounded, parseAmount, sumCents, toAmountText, type Cents } from '../money';
import { formatPercentAt, percentOf, sharesOf, yearOnYear } from '../narrative';
import { FactBook } from '../narrative-check/facts';
import { wordingFor } from '../narrative-check/wording';
import type { TFinalAccounts } from '../schema';
import { summarizeFinalAccounts, type AccountsSummary } from '../summary';
import { templateFor, type TableKind, type Template } from '../templates';

export interface DisclosureMember {
  departmentName: string;
  document: TFinalAccounts;
}

export interface DepartmentMetrics {
  departmentName: string;
  expenditureTotal: string;
  basicExpenditure: string;
  projectExpenditure: string;
  /** “三公”经费 决算数 (表7 合计). */
  threePublicExpenses: string;
  /** 机关运行经费. */
  agencyOperatingCosts: string;
  /** 在职实有人数; null where the layout prints no staff figures (Shanghai). */
  staff: number | null;
  /** 万元 per member of staff, 2 decimals; null without a staff figure (or with none employed). */
  threePublicExpensesPerStaff: string | null;
  agencyOperatingCostsPerStaff: string | null;
  /** 一般公共预算财政拨款支出 决算 and 年初预算, as the narrative compares them. */
  generalBudgetExpenditure: string;
  initialBudget: string;
  /** 决算 ÷ 年初预算 at the layout's precision ("136.0%"); null for a zero budget. */
  budgetCompletion: string | null;
  /** Mean of the projects' self-evaluation total scores, or the printed 平均得分; null when neither. */
  averageSelfEvaluationScore: string | null;
}

/** The layout's precision of printed percentages: 1 decimal in Hubei, 2 in Shanghai. */
const decimalsOf = (template: Template): number => wordingFor(template.family).decimals;

/** 万元 per person, rounded half away from zero to the 0.01 万元 amounts are printed in. */
const perStaff = (amount: Cents, staff: number | null): string | null =>
  staff ? toAmountText(divideRounded(amount, BigInt(staff))) : null;

function averageScore(doc: TFinalAccounts): string | null {
  const scores = doc.performance.projects.map((project) => parseAmount(project.selfEvaluation.totalScore));
  if (scores.length > 0) return toAmountText(divideRounded(sumCents(scores), BigInt(scores.length)));
  const printed = doc.performance.management?.selfEvaluation.averageScore;
  return printed === undefined ? null : toAmountText(parseAmount(printed));
}

export function departmentMetrics(member: DisclosureMember): DepartmentMetrics {
  const doc = member.document;
  const template = templateFor(doc.template);
  const grid = CellGrid.of(doc);
  const summary = summarizeFinalAccounts(doc, grid);
  const staff = doc.overview.staff?.employed ?? null;
  const threePublic = parseAmount(summary.threePublicExpensesActual);
  const agency = parseAmount(doc.agencyOperatingCosts);
  // The facts the narrative states "完成年初预算的…%" of.
  const generalBudget = new FactBook(doc, template, grid).fact('generalBudget');
  const actual = generalBudget?.current?.value ?? 0n;
  const budget = generalBudget?.budget?.value ?? 0n;
  const completion = percentOf(actual, budget, decimalsOf(template));
  return {
    departmentName: member.departmentName,
    expenditureTotal: summary.expenditureTotal,
    basicExpenditure: summary.basicExpenditure,
    projectExpenditure: summary.projectExpenditure,
    threePublicExpenses: summary.threePublicExpensesActual,
    agencyOperatingCosts: toAmountText(agency),
    staff,
    threePublicExpensesPerStaff: perStaff(threePublic, staff),
    agencyOperatingCostsPerStaff: perStaff(agency, staff),
    generalBudgetExpenditure: toAmountText(actual),
    initialBudget: toAmountText(budget),
    budgetCompletion: completion === undefined ? null : formatPercentAt(completion, decimalsOf(template)),
    averageSelfEvaluationScore: averageScore(doc),
  };
}

/** Per department of a district page, in the members' order. */
export function districtComparison(members: readonly DisclosureMember[]): DepartmentMetrics[] {
  return members.map(departmentMetrics);
}

export interface DepartmentShare {
  departmentName: string;
  expenditureTotal: string;
  /** Of the district's 本年支出合计, by largest remainder ("12.5%"). */
  share: string;
}

export interface ClassExpenditure {
  /** 类, 3 digits. */
  code: string;
  name: string;
  total: string;
  basic: string;
  project: string;
  share: string;
}

export interface DistrictTotals {
  /** summarizeFinalAccounts of the consolidated accounts; procurementTotal is the members' sum (consolidation leaves procurement empty). */
  summary: AccountsSummary;
  agencyOperatingCosts: string;
  /** Sum of 在职实有人数; null when any member has no staff figure. */
  staff: number | null;
  byDepartment: DepartmentShare[];
  /** 支出决算表 by functional class, in code order. */
  byClass: ClassExpenditure[];
}

const EXPENDITURE: TableKind = 'expenditure';

/** The consolidated totals of a district's members (all of one layout); null without members. */
export function districtTotals(members: readonly DisclosureMember[]): DistrictTotals | null {
  const first = members[0]?.document;
  if (!first) return null;
  const template = templateFor(first.template);
  const stranger = members.find((m) => m.document.template !== template.id);
  if (stranger) throw new RangeError(`${stranger.departmentName}的报表格式 ${stranger.document.template} 与 ${template.id} 不同，不能汇总`);
  const sums = sumCells(members.flatMap((m) => tableCells(m.document)));
  const cells: Cell[] = [...sums].map(([key, amount]) => {
    const [table = '', row = '', column = ''] = key.split(':');
    return { table: table as TableKind, row, column, amount };
  });
  const doc = consolidatedDocument({
    template,
    department: { name: `${first.department.district}（汇总）`, district: first.department.district },
    members: members.map((m) => m.departmentName),
    cells,
  });
  const grid = CellGrid.of(doc);
  const decimals = decimalsOf(template);
  const documents = members.map((m) => m.document);
  const summary = {
    ...summarizeFinalAccounts(doc, grid),
    procurementTotal: toAmountText(sumCents(documents.map((d) => parseAmount(d.procurement.total)))),
  };

  const totals = documents.map((d) => parseAmount(summarizeFinalAccounts(d).expenditureTotal));
  const departmentShares = sharesOf(totals, decimals);
  const byDepartment = members.map((m, i) => ({
    departmentName: m.departmentName,
    expenditureTotal: toAmountText(totals[i] ?? 0n),
    share: formatPercentAt(departmentShares[i] ?? 0n, decimals),
  }));

  const classRows = doc.tables[EXPENDITURE].rows.filter((r) => r.row.length === 3);
  const classTotals = classRows.map((r) => grid.get(EXPENDITURE, r.row, 'total'));
  const classShares = sharesOf(classTotals, decimals);
  const printedName = (code: string): string | undefined =>
    documents.map((d) => d.tables[EXPENDITURE].rows.find((r) => r.row === code)?.name).find((name) => name !== undefined);
  const byClass = classRows.map((r, i) => ({
    code: r.row,
    name: printedName(r.row) ?? r.name ?? '',
    total: toAmountText(classTotals[i] ?? 0n),
    basic: toAmountText(grid.get(EXPENDITURE, r.row, 'basic')),
    project: toAmountText(grid.get(EXPENDITURE, r.row, 'project')),
    share: formatPercentAt(classShares[i] ?? 0n, decimals),
  }));

  const staff = documents.every((d) => d.overview.staff) ? documents.reduce((n, d) => n + (d.overview.staff?.employed ?? 0), 0) : null;
  return {
    summary,
    agencyOperatingCosts: toAmountText(sumCents(documents.map((d) => parseAmount(d.agencyOperatingCosts)))),
    staff,
    byDepartment,
    byClass,
  };
}

export interface SummaryChange {
  /** Signed: "1792.56", "-56.95". */
  amount: string;
  /** Signed growth at the layout's precision ("164.4%", "-1.87%"); null from a zero prior year. */
  percent: string | null;
}

export interface YearRow {
  fiscalYear: number;
  summary: AccountsSummary;
  /** From the year before it in the list; null for the first. */
  change: { priorFiscalYear: number; figures: Record<keyof AccountsSummary, SummaryChange> } | null;
}

/** One department's years, oldest first, each with its change from the year listed before it. */
export function yearOverYear(years: readonly TFinalAccounts[]): YearRow[] {
  const ordered = [...years].sort((a, b) => a.fiscalYear - b.fiscalYear);
  let prior: { fiscalYear: number; summary: AccountsSummary } | undefined;
  return ordered.map((doc) => {
    const summary = summarizeFinalAccounts(doc);
    const decimals = decimalsOf(templateFor(doc.template));
    let change: YearRow['change'] = null;
    if (prior) {
      const before = prior.summary;
      const figures = Object.fromEntries((Object.keys(summary) as (keyof AccountsSummary)[]).map((key) => {
        const yoy = yearOnYear(parseAmount(summary[key]), parseAmount(before[key]), decimals);
        return [key, { amount: toAmountText(yoy.change), percent: yoy.growth === undefined ? null : formatPercentAt(yoy.growth, decimals) }];
      })) as Record<keyof AccountsSummary, SummaryChange>;
      change = { priorFiscalYear: prior.fiscalYear, figures };
    }
    prior = { fiscalYear: doc.fiscalYear, summary };
    return { fiscalYear: doc.fiscalYear, summary, change };
  });
}
