// The check panel's order: findings grouped by where they are — a table, 情况说明, 绩效, 跨年度 or
// another part of the document — groups in the order of the page's tabs, blocking findings
// first within each. A finding's cells say where to go: this year's table cells are cell keys
// ("expenditure:201:basic"), other parts document paths ("procurement.total"); the previous
// year's cells ("previousYear:…") are named in the message but cannot be highlighted here.
import { TABLE_KINDS, type TableKind, type Template } from '@/lib/accounts/templates';
import type { Finding } from '@/lib/accounts/findings';

export const PREVIOUS_YEAR_PREFIX = 'previousYear:';

/** The part of the document a path starts with → the entry section (tab) that edits it. */
const PATH_SECTIONS: Readonly<Record<string, string>> = {
  overview: 'overview',
  threePublicExpenses: 'threePublicExpenses',
  agencyOperatingCosts: 'threePublicExpenses',
  procurement: 'procurement',
  assets: 'assets',
  performance: 'performance',
  comparisons: 'comparisons',
  narrative: 'narrative',
  keyWork: 'narrative',
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  overview: '概况',
  threePublicExpenses: '“三公”经费',
  procurement: '政府采购',
  assets: '国有资产',
  performance: '绩效',
  comparisons: '年初预算与上年数',
  narrative: '情况说明',
  yearJoin: '跨年度',
  other: '其他',
};

function tableOfCell(ref: string): TableKind | undefined {
  const [table, row, column] = ref.split(':');
  if (row === undefined || column === undefined) return undefined;
  return TABLE_KINDS.find((kind) => kind === table);
}

/** This year's cells of a finding: what the grid and the section editors can highlight. */
export function currentYearCells(finding: Pick<Finding, 'cells'>): string[] {
  return finding.cells.filter((ref) => !ref.startsWith(PREVIOUS_YEAR_PREFIX));
}

/** What the check panel highlights for a finding: its cells of this year and a narrative claim's sentence. */
export function highlightsOf(finding: Pick<Finding, 'cells' | 'location'>): string[] {
  const sentence = finding.location ? [`narrative[${finding.location.section}]@${finding.location.offset}`] : [];
  return [...sentence, ...currentYearCells(finding)];
}

const isPerformanceRule = (rule: string) => rule.startsWith('selfEvaluation.') || rule.startsWith('performance.');

/**
 * The tab to show for a finding: a narrative claim's sentence in 情况说明, a performance rule's
 * self-evaluation, else the first of this year's cells (a table kind or a section key).
 */
export function findingTarget(finding: Pick<Finding, 'cells' | 'rule' | 'location'>): string | undefined {
  if (finding.rule.startsWith('narrative.') && finding.location) return 'narrative';
  if (isPerformanceRule(finding.rule)) return 'performance';
  const cells = currentYearCells(finding);
  const table = cells.map(tableOfCell).find((kind) => kind !== undefined);
  if (table) return table;
  const first = cells[0]?.split(/[.[]/)[0];
  if (first && PATH_SECTIONS[first]) return PATH_SECTIONS[first];
  return finding.rule.startsWith('narrative.') ? 'narrative' : undefined;
}

/** The group a finding is listed under. */
export function groupOf(finding: Pick<Finding, 'cells' | 'rule' | 'location'>): string {
  const { rule } = finding;
  if (rule.startsWith('yearJoin.')) return 'yearJoin';
  if (rule.startsWith('narrative.')) return 'narrative';
  if (isPerformanceRule(rule)) return 'performance';
  return findingTarget(finding) ?? 'other';
}

export interface FindingGroup {
  key: string;
  label: string;
  findings: Finding[];
  blocking: number;
}

/** "表3 支出决算表" where the layout numbers its tables, else the title. */
export function tableTabLabel(template: Template, kind: TableKind): string {
  const table = template.tables[kind];
  return template.tableReference === 'number' ? `表${table.number} ${table.title}` : table.title;
}

const GROUP_ORDER_AFTER_TABLES = ['threePublicExpenses', 'procurement', 'assets', 'performance', 'comparisons', 'narrative', 'yearJoin', 'other'];

export function groupFindings(findings: readonly Finding[], template: Template): FindingGroup[] {
  const byGroup = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = groupOf(finding);
    byGroup.set(key, [...(byGroup.get(key) ?? []), finding]);
  }
  const order = ['overview', ...template.order, ...GROUP_ORDER_AFTER_TABLES];
  const rank = (severity: Finding['severity']) => (severity === 'blocking' ? 0 : 1);
  return order
    .filter((key) => byGroup.has(key))
    .map((key) => {
      const list = [...(byGroup.get(key) ?? [])].sort((a, b) => rank(a.severity) - rank(b.severity));
      const isTable = (TABLE_KINDS as readonly string[]).includes(key);
      return {
        key,
        label: isTable ? tableTabLabel(template, key as TableKind) : (SECTION_LABELS[key] ?? key),
        findings: list,
        blocking: list.filter((f) => f.severity === 'blocking').length,
      };
    });
}
