// The published document's parts in the order its layout prints them, for the public
// department page: Hubei 第一部分 概况, 第二部分 决算表, 第三部分 情况说明, 第四部分 重点工作完成情况,
// 第五部分 名词解释, 第六部分 附件 (the self-evaluation report and tables); Shanghai the first four
// without key work and annex. Every narrative section lands in exactly one part; the prose
// sections that repeat the key-work table (their heading is an item of keyWork) are left to the
// table, which also holds the 完成情况 the prose leaves out.

import type { TFinalAccounts, TProject, TSelfEvaluation } from '../schema';
import { CHINESE_ORDINALS } from '../templates/common';
import type { TableKind, Template } from '../templates';

export type PartBlock =
  | { kind: 'functions'; heading: string; items: readonly string[] }
  | { kind: 'units'; heading: string; text: string; units: readonly { name: string; note?: string | undefined }[] }
  | { kind: 'staff'; heading: string; lines: readonly string[] }
  | { kind: 'tables'; tables: readonly TableKind[] }
  | { kind: 'narrative'; section: number; heading: string; text: string }
  | { kind: 'keyWork'; items: NonNullable<TFinalAccounts['keyWork']> }
  | { kind: 'heading'; text: string }
  | { kind: 'selfEvaluation'; id: string; heading: string; evaluation: TSelfEvaluation; project?: TProject };

export interface DocumentPart {
  /** Anchor on the page: "part-1". */
  id: string;
  /** "第一部分 武汉市硚口区大数据中心概况". */
  title: string;
  blocks: PartBlock[];
}

const GLOSSARY = '名词解释';
/** "第五部分 名词解释" → "名词解释"; "一、互联网+信息化建设" → "互联网+信息化建设". */
const PART_PREFIX = /^第[一二三四五六七八九十]+部分\s*/;
const ORDINAL_PREFIX = /^[一二三四五六七八九十]+、\s*/;

/** 项目 is added where the project's name lacks it ("网络安全基础保障项目", not "…建设项目项目"). */
const projectName = (name: string) => (name.endsWith('项目') ? name : `${name}项目`);

/** Printed numbering "1、" is added to functions only where none of them carries its own ("（一）…", "第一条…"). */
function functionItems(functions: readonly string[]): string[] {
  const ownNumbers = functions.some((item) => /^(（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+条|\d+[、.])/.test(item));
  return ownNumbers ? [...functions] : functions.map((item, index) => `${index + 1}、${item}`);
}

function overviewBlocks(doc: TFinalAccounts, template: Template): PartBlock[] {
  const name = doc.department.name;
  const { overview } = doc;
  // Shanghai prints "一、主要职能", Hubei "一、部门主要职能".
  const functionsHeading = template.sections.unitComposition ? '一、主要职能' : '一、部门主要职能';
  const blocks: PartBlock[] = [{ kind: 'functions', heading: functionsHeading, items: functionItems(overview.functions) }];
  const units = overview.units ?? [];
  if (template.sections.unitComposition) {
    blocks.push({
      kind: 'units',
      heading: '二、部门决算单位构成',
      text: `从预算单位构成看，${name}部门决算包括：${name}本级决算、下属行政事业单位决算。纳入${name} ${doc.fiscalYear} 年度部门决算编制范围的单位包括：`,
      units,
    });
  } else if (overview.subordinateUnitCount !== undefined) {
    blocks.push({
      kind: 'units',
      heading: '二、部门决算单位构成',
      text: `从单位构成看，${name}部门决算由纳入独立核算的单位本级决算和 ${overview.subordinateUnitCount} 个下属单位决算组成。`,
      units,
    });
  }
  const staff = overview.staff;
  if (staff) {
    blocks.push({
      kind: 'staff',
      heading: '三、部门人员构成',
      lines: [
        `${name}在职实有人数 ${staff.employed} 人，其中：行政 ${staff.administrative} 人，事业 ${staff.publicInstitution} 人(其中：参照公务员法管理 ${staff.civilServantManaged} 人)。`,
        `离退休人员 ${staff.retired} 人，其中：离休 ${staff.retiredCadres} 人，退休 ${staff.retirees} 人。`,
      ],
    });
  }
  return blocks;
}

/** The self-evaluation report's headings and tables: the department-wide one, then each project's. */
function annexBlocks(doc: TFinalAccounts, report: PartBlock[]): PartBlock[] {
  const { fiscalYear: year, department, performance } = doc;
  const blocks: PartBlock[] = [];
  const ordinal = (index: number) => CHINESE_ORDINALS[index] ?? String(index + 1);
  let next = 0;
  if (performance.departmentWide || report.length > 0) {
    blocks.push({ kind: 'heading', text: `${year} 年度${department.name}绩效评价报告` });
    blocks.push({ kind: 'heading', text: `${ordinal(next++)}、${year} 年度${department.name}整体绩效评价报告` });
    blocks.push(...report);
    if (performance.departmentWide) {
      blocks.push({ kind: 'selfEvaluation', id: 'self-evaluation-department', heading: performance.departmentWide.title, evaluation: performance.departmentWide });
    }
  }
  performance.projects.forEach((project, index) => {
    blocks.push({ kind: 'heading', text: `${ordinal(next++)}、${year} 年度${projectName(project.name)}绩效评价报告` });
    blocks.push({ kind: 'selfEvaluation', id: `self-evaluation-${index + 1}`, heading: project.selfEvaluation.title, evaluation: project.selfEvaluation, project });
  });
  return blocks;
}

/** The document's parts in printed order, each with what it holds. */
export function documentParts(doc: TFinalAccounts, template: Template): DocumentPart[] {
  const name = doc.department.name;
  const year = doc.fiscalYear;
  const keyWorkItems = new Set((doc.keyWork ?? []).map((work) => work.item));
  const sections = doc.narrative.map((section, index) => ({ kind: 'narrative' as const, section: index, heading: section.heading, text: section.text }));
  const glossaryAt = sections.findIndex((section) => section.heading.replace(PART_PREFIX, '').trim() === GLOSSARY);
  const isKeyWorkProse = (heading: string) => keyWorkItems.has(heading.replace(ORDINAL_PREFIX, '').trim());
  const before = (glossaryAt < 0 ? sections : sections.slice(0, glossaryAt)).filter((section) => !isKeyWorkProse(section.heading));
  const after = glossaryAt < 0 ? [] : sections.slice(glossaryAt + 1);
  const hasAnnex = template.sections.departmentWideSelfEvaluation || template.sections.projectSelfEvaluations;

  const parts: Omit<DocumentPart, 'id'>[] = [
    { title: `${name}概况`, blocks: overviewBlocks(doc, template) },
    { title: `${name} ${year} 年度部门决算表`, blocks: [{ kind: 'tables', tables: template.order }] },
    // Without an annex, sections printed after the glossary stay in the explanations.
    { title: `${name} ${year} 年度部门决算情况说明`, blocks: hasAnnex ? before : [...before, ...after] },
  ];
  if (template.sections.keyWork) parts.push({ title: `${year} 年重点工作完成情况`, blocks: [{ kind: 'keyWork', items: doc.keyWork ?? [] }] });
  const glossary = sections[glossaryAt];
  // The glossary's own heading is the part's title; its text is the body.
  if (glossary) parts.push({ title: GLOSSARY, blocks: [{ ...glossary, heading: '' }] });
  if (hasAnnex) parts.push({ title: '附件', blocks: annexBlocks(doc, after) });

  return parts.map((part, index) => ({ ...part, id: `part-${index + 1}`, title: `第${CHINESE_ORDINALS[index]}部分 ${part.title}` }));
}

/**
 * What a blank cell prints. Hubei's 财政拨款收入支出决算总表 prints "-" in the expenditure half's
 * empty amounts from the first class line down to 本年支出合计 (行 33–59); every other blank is blank.
 */
export function blankText(template: Template, kind: TableKind, row: string): string {
  if (template.family !== 'hubei' || kind !== 'appropriationSummary') return '';
  const line = template.tables[kind].rows.find((r) => r.key === row);
  return line?.side === 'expenditure' && (line.functionalClass !== undefined || line.key === 'expenditureTotal') ? '-' : '';
}

/**
 * What the document prints under a table in words, on the page and in the downloads alike: its own
 * statement; under a table with no figure and no statement, that it is empty, so a reader does
 * not take it for a page (or a file) that failed to load.
 */
export function tableExplanation(doc: TFinalAccounts, kind: TableKind): string | undefined {
  const { rows, statement } = doc.tables[kind];
  if (statement) return statement;
  return rows.some((row) => Object.keys(row.cells).length > 0) ? undefined : '说明：本表无数据。';
}

/** The id of an amount cell on the public page: cellKey with ':' → '-' ("c-expenditure-total-basic"). */
export const cellAnchor = (key: string): string => `c-${key.replaceAll(':', '-')}`;

/** The choices a project self-evaluation table prints, in printed order ("1、部门预算项目 ☑ 2、区直专项 □ …"). */
export const PROJECT_CHOICES = {
  category: [['departmentBudget', '部门预算项目'], ['districtSpecial', '区直专项'], ['higherLevelTransfer', '上级转移支付项目']],
  attribute: [['continuing', '持续性项目'], ['new', '新增性项目']],
  type: [['recurring', '常年性项目'], ['extended', '延续性项目'], ['oneOff', '一次性项目']],
} as const satisfies { [K in 'category' | 'attribute' | 'type']: readonly (readonly [TProject[K], string])[] };

/** The 备注 a layout prints under every self-evaluation table: how execution and indicators are scored. */
export function selfEvaluationNotes(template: Template): readonly string[] {
  if (template.family !== 'hubei') return [];
  return [
    '1.预算执行情况口径：预算数为调整后财政资金总额（包括上年结余结转），执行数为资金使用单位财政资金实际支出数。',
    '2.定量指标完成数汇总原则：绝对值直接累加计算，相对值按照资金额度加权平均计算。定量指标计分原则：正向指标（即目标值为≥X,得分=权重*B/A），反向指标（即目标值为≤X，得分=权重*A/B），得分不得突破权重总额。定量指标先汇总完成数，再计算得分。',
    '3.定性指标计分原则：达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档，分别按照该指标对应分值区间 100-80%（含 80%）、80-50%（含 50%）、50-0%合理确定分值。汇总时，以资金额度为权重，对分值进行加权平均计算。',
    '4.基于经济性和必要性等因素考虑，满意度指标暂可不作为必评指标。',
  ];
}

/** "2022-05-12" as the tables print a date: "2022.5.12". */
export function printedDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${year}.${Number(month)}.${Number(day)}`;
}
