// juesuan import-text: the interchange document from the text extracted from a published
// final-accounts PDF. Pure: the caller reads the file. Nothing is guessed silently: every
// figure that could not be placed, and every part that could not be read (left out of the
// document, so the schema refuses it until supplied), is a problem with its line.

import { FORMAT_VERSION } from '../../accounts/schema';
import { findTemplate, TABLE_KINDS, TEMPLATE_IDS, TOTAL_ROW, type TableKind, type Template } from '../../accounts/templates';
import { readComparisons, threePublicHints } from './comparisons';
import { readLines, skipTableOfContents, type ImportProblem } from './lines';
import { readNarrative } from './narrative';
import { recogniseTemplate } from './recognise';
import { readEvaluationTables } from './self-evaluation';
import {
  missingProblem, readAgencyOperatingCosts, readAssets, readDepartmentExtras, readOverview, readPerformanceManagement, readProcurement,
  readKeyWork, readThreePublicDetails, type SectionResult,
} from './sections';
import { findTableRegions } from './regions';
import { readTables, type ImportedTable } from './tables';

export type { ImportProblem } from './lines';

export interface ImportTextOptions {
  /** A template id that overrides recognition. */
  template?: string;
}

export type ImportTextResult =
  | { ok: true; template: Template; document: ImportedDocument; problems: ImportProblem[] }
  /** Unusable input: no template can be told or the one named does not exist. */
  | { ok: false; reason: string };

/**
 * The interchange document as far as the text was read: a part that could not be read is left
 * out (and named among the problems), so the schema refuses the document until it is supplied.
 */
export interface ImportedDocument {
  formatVersion: typeof FORMAT_VERSION;
  template: string;
  fiscalYear: number;
  department: { name: string; district: string; contactPhone?: string };
  publishedOn?: string;
  overview?: Record<string, unknown>;
  tables: Record<TableKind, ImportedTable>;
  threePublicExpenses?: Record<string, unknown>;
  agencyOperatingCosts?: string;
  procurement?: Record<string, unknown>;
  assets?: Record<string, unknown>;
  performance?: Record<string, unknown>;
  comparisons?: Record<string, unknown>;
  narrative: { heading: string; text: string }[];
  keyWork?: { item: string; content: string; outcome: string }[];
}

export function importText(text: string, options: ImportTextOptions = {}): ImportTextResult {
  const all = readLines(text);
  if (all.length === 0) return { ok: false, reason: '文件是空的：没有可读的文字' };
  const { lines } = skipTableOfContents(all);
  let template: Template;
  if (options.template !== undefined) {
    const named = findTemplate(options.template);
    if (!named) return { ok: false, reason: `没有报表格式 "${options.template}"，可用的有：${TEMPLATE_IDS.join('、')}` };
    template = named;
  } else {
    const recognised = recogniseTemplate(lines);
    if (!recognised.ok) return { ok: false, reason: recognised.reason };
    template = recognised.template;
  }
  const problems: ImportProblem[] = [];
  const { regions, problems: missing } = findTableRegions(lines, template);
  problems.push(...missing);
  const narrative = readNarrative(lines);
  const read = readTables(lines, regions, template, problems, { threePublicExpensesTable: new Map([[TOTAL_ROW, threePublicHints(narrative)]]) });
  const tables = Object.fromEntries(TABLE_KINDS.map((kind) => [kind, read[kind] ?? { rows: [] }])) as Record<TableKind, ImportedTable>;
  const department = readDepartment(lines.map((l) => l.text));
  if (!department.name) problems.push({ line: lines[0]?.number ?? 1, reason: '找不到部门名称（“部门：…”或“第一部分 …概况”）' });
  const end = all[all.length - 1]?.number ?? 1;
  const narrativeLine = narrative[0]?.line ?? end;
  if (narrative.length === 0) problems.push({ line: end, reason: '未读入 narrative（情况说明）：找不到“第三部分”及其“一、…”各节' });
  const take = <T>(part: string, result: SectionResult<T>, line: number): T | undefined => {
    if (result.missing) problems.push(missingProblem(part, result.missing, line));
    return result.value;
  };
  const overviewResult = readOverview(lines, template);
  const overview = take('overview（部门概况）', overviewResult, overviewResult.line);
  const threePublicExpenses = template.sections.threePublicExpensesDetails
    ? take('threePublicExpenses（“三公”经费明细）', readThreePublicDetails(narrative), narrative.find((s) => /三公/.test(s.heading))?.line ?? narrativeLine)
    : undefined;
  const { publishedOn, contactPhone } = readDepartmentExtras(lines, narrative);
  const agencyOperatingCosts = take('agencyOperatingCosts（机关运行经费）', readAgencyOperatingCosts(narrative), narrativeLine);
  const procurement = take('procurement（政府采购）', readProcurement(narrative, template), narrativeLine);
  const assets = take('assets（国有资产占用）', readAssets(narrative, template), narrativeLine);
  let performance: Record<string, unknown> | undefined;
  if (template.sections.departmentWideSelfEvaluation || template.sections.projectSelfEvaluations) {
    const tables = readEvaluationTables(lines, narrative);
    problems.push(...tables.problems);
    const departmentWide = template.sections.departmentWideSelfEvaluation ? tables.departmentWide : undefined;
    if (template.sections.departmentWideSelfEvaluation && !departmentWide) {
      problems.push({ line: end, reason: '未读入 performance（绩效自评）：找不到可读的“部门整体绩效自评表”，此部分须另行补录' });
    } else {
      performance = {
        ...(template.sections.projectSelfEvaluations && tables.projectCount !== undefined ? { projectCount: tables.projectCount } : {}),
        ...(departmentWide ? { departmentWide } : {}),
        projects: template.sections.projectSelfEvaluations ? tables.projects : [],
      };
    }
  }
  if (template.sections.performanceManagement) {
    const management = take('performance（预算绩效管理情况）', readPerformanceManagement(narrative), narrativeLine);
    if (management && (performance || !(template.sections.departmentWideSelfEvaluation || template.sections.projectSelfEvaluations))) {
      performance = { ...(performance ?? { projects: [] }), management };
    }
  }
  const cell = (kind: TableKind, row: string, column: string) => tables[kind].rows.find((r) => r.row === row)?.cells[column];
  const comparisonsResult = readComparisons(narrative, template, {
    totalIncomeExpenditure: cell('incomeExpenditureSummary', 'incomeGrandTotal', 'income'),
    appropriationIncomeExpenditure: cell('appropriationSummary', 'incomeGrandTotal', 'income'),
    appropriationExpenditure: cell('generalBudgetExpenditure', 'total', 'total'),
  }, new Map(tables.generalBudgetExpenditure.rows.flatMap((r) => (r.cells.total === undefined ? [] : [[r.row, r.cells.total] as const]))));
  const budgetLine = narrative.find((section) => /^五、/.test(section.heading))?.line ?? narrativeLine;
  const comparisons = take('comparisons（上年数与年初预算）', comparisonsResult, budgetLine);
  for (const note of comparisonsResult.unknown) problems.push({ line: budgetLine, reason: `comparisons 年初预算：${note}` });
  let keyWork: ImportedDocument['keyWork'];
  if (template.sections.keyWork) {
    const result = readKeyWork(lines, narrative);
    keyWork = take('keyWork（重点工作完成情况）', result, result.line);
  }
  problems.sort((a, b) => a.line - b.line);
  const document: ImportedDocument = {
    formatVersion: FORMAT_VERSION, template: template.id, fiscalYear: template.fiscalYear,
    department: { ...department, ...(contactPhone ? { contactPhone } : {}) },
    ...(publishedOn ? { publishedOn } : {}),
    ...(overview ? { overview } : {}),
    tables,
    ...(threePublicExpenses ? { threePublicExpenses } : {}),
    ...(agencyOperatingCosts !== undefined ? { agencyOperatingCosts } : {}),
    ...(procurement ? { procurement } : {}),
    ...(assets ? { assets } : {}),
    ...(performance ? { performance } : {}),
    ...(comparisons ? { comparisons } : {}),
    narrative: narrative.map(({ heading, text }) => ({ heading, text })),
    ...(keyWork ? { keyWork } : {}),
  };
  return { ok: true, template, problems, document };
}

/** The department as the tables' "部门：" line or the first part's heading names it. */
function readDepartment(texts: readonly string[]): { name: string; district: string } {
  let name = '';
  for (const text of texts) {
    const labelled = /^部门[：:]\s*(\S+)/.exec(text);
    if (labelled?.[1]) {
      name = labelled[1];
      break;
    }
    const heading = /^第一部分\s*(\S+?)\s*概况$/.exec(text);
    if (heading?.[1] && !name) name = heading[1];
  }
  return { name, district: districtOf(name) };
}

/**
 * The district a department's name begins with (上海市普陀区 in 上海市普陀区财政局), after the name
 * of a party or people's organisation that precedes it (中共, 共青团, 九三学社, 政协, …); "" when
 * the name holds none (区委社会工作部, or a city's own body such as 上海市财政局).
 */
export function districtOf(name: string): string {
  const place = name.replace(ORGANISATION_PREFIX, '');
  // A province may come first (湖北省武汉市硚口区…): the district is then the city's.
  return /^(?:\p{Script=Han}{2,3}(?:省|自治区))?(\p{Script=Han}{2,3}[省市]\p{Script=Han}{1,4}?[区县])/u.exec(place)?.[1] ?? '';
}

/** Names of parties and people's organisations that come before the place in a department's name. */
const ORGANISATION_PREFIX = new RegExp(`^(${[
  '中国共产党', '中共', '中国共产主义青年团', '共青团', '中国人民政治协商会议', '政协', '中国国民党革命委员会', '民革', '中国民主同盟', '民盟',
  '中国民主建国会', '民建', '中国民主促进会', '民进', '中国农工民主党', '农工党', '中国致公党', '致公党', '九三学社', '台湾民主自治同盟', '台盟',
].join('|')})`);
