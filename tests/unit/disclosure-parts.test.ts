// documentParts on the published documents: the parts in the order the documents print them,
// every narrative section in exactly one part, the key-work prose left to its table, and the
// self-evaluation tables in the annex.
import { describe, expect, it } from 'vitest';
import { blankText, cellAnchor, documentParts, printedDate, PROJECT_CHOICES, selfEvaluationNotes, tableExplanation, type DocumentPart, type PartBlock } from '../../lib/accounts/disclosure/parts';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const parts = (doc: TFinalAccounts) => documentParts(doc, templateFor(doc.template));
const sectionsOf = (part: DocumentPart | undefined) =>
  (part?.blocks ?? []).flatMap((block: PartBlock) => (block.kind === 'narrative' ? [block.section] : []));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('documentParts: Hubei 2021 seed', () => {
  const doc = loadSeed();
  const all = parts(doc);

  it('prints six parts with their printed titles', () => {
    expect(all.map((part) => part.title)).toEqual([
      '第一部分 武汉市硚口区大数据中心概况',
      '第二部分 武汉市硚口区大数据中心 2021 年度部门决算表',
      '第三部分 武汉市硚口区大数据中心 2021 年度部门决算情况说明',
      '第四部分 2021 年重点工作完成情况',
      '第五部分 名词解释',
      '第六部分 附件',
    ]);
    expect(all.map((part) => part.id)).toEqual(['part-1', 'part-2', 'part-3', 'part-4', 'part-5', 'part-6']);
  });

  it('words the overview from its figures, as the document prints it', () => {
    const [functions, units, staff] = all[0]?.blocks ?? [];
    expect(functions?.kind === 'functions' && functions.heading).toBe('一、部门主要职能');
    expect(functions?.kind === 'functions' && functions.items[8]).toBe('9、承担上级交办的其他事项。');
    expect(units?.kind === 'units' && units.text).toBe('从单位构成看，武汉市硚口区大数据中心部门决算由纳入独立核算的单位本级决算和 0 个下属单位决算组成。');
    expect(staff?.kind === 'staff' && staff.lines[0]).toBe('武汉市硚口区大数据中心在职实有人数 16 人，其中：行政 0 人，事业 16 人(其中：参照公务员法管理 0 人)。');
  });

  it('prints the nine tables in the template order in 第二部分', () => {
    expect(all[1]?.blocks).toEqual([{ kind: 'tables', tables: templateFor('hubei-2021').order }]);
  });

  it('puts sections 0–12 in 第三部分, the key work once (as its table), the glossary in 第五部分 and the report in 第六部分', () => {
    expect(sectionsOf(all[2])).toEqual(range(0, 12));
    expect(all[3]?.blocks).toEqual([{ kind: 'keyWork', items: doc.keyWork }]);
    // Sections 13–16 repeat keyWork's items (and leave out their 完成情况): shown by the table only.
    expect(all.flatMap(sectionsOf)).not.toContain(13);
    expect(sectionsOf(all[4])).toEqual([17]);
    expect(sectionsOf(all[5])).toEqual(range(18, 21));
  });

  it('lays out the annex: the department-wide report and table, then one report and table per project', () => {
    const annex = all[5]?.blocks ?? [];
    const tables = annex.filter((block) => block.kind === 'selfEvaluation');
    expect(tables.map((block) => block.heading)).toEqual([
      '2021 年度硚口区大数据中心部门整体绩效自评表',
      '2021 年度办公家具及设备购置项目自评表',
      '2021 年度网络安全基础保障项目自评表',
      '2021 年度项目管理与服务项目自评表',
      '2021 年度国库集中支付结转资金项目自评表',
      '2021 年度硚口区综治应急指挥系统建设项目自评表',
      '2021 年度信息化项目维护及运行项目自评表',
    ]);
    expect(tables[0]?.kind === 'selfEvaluation' && tables[0].evaluation.execution.executed).toBe('2882.93');
    expect(tables[6]?.kind === 'selfEvaluation' && tables[6].evaluation.execution.budget).toBe('1672.18');
    const headings = annex.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    expect(headings.slice(0, 3)).toEqual([
      '2021 年度武汉市硚口区大数据中心绩效评价报告',
      '一、2021 年度武汉市硚口区大数据中心整体绩效评价报告',
      '二、2021 年度办公家具及设备购置项目绩效评价报告',
    ]);
    // A project named "…建设项目" is not called "…建设项目项目".
    expect(headings).toContain('六、2021 年度硚口区综治应急指挥系统建设项目绩效评价报告');
  });

  it('prints "-" only in the expenditure half of 财政拨款收入支出决算总表, down to 本年支出合计', () => {
    const template = templateFor('hubei-2021');
    expect(blankText(template, 'appropriationSummary', '202')).toBe('-');
    expect(blankText(template, 'appropriationSummary', 'expenditureTotal')).toBe('-');
    expect(blankText(template, 'appropriationSummary', 'expenditureGrandTotal')).toBe('');
    expect(blankText(template, 'appropriationSummary', 'closingBalance')).toBe('');
    expect(blankText(template, 'incomeExpenditureSummary', '202')).toBe('');
  });
});

describe('documentParts: Shanghai 2024', () => {
  it.each([SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH])('prints four parts, every section once (%s)', (path) => {
    const doc = loadDocument(path);
    const all = parts(doc);
    const name = doc.department.name;
    expect(all.map((part) => part.title)).toEqual([
      `第一部分 ${name}概况`,
      `第二部分 ${name} 2024 年度部门决算表`,
      `第三部分 ${name} 2024 年度部门决算情况说明`,
      '第四部分 名词解释',
    ]);
    const last = doc.narrative.length - 1;
    expect(doc.narrative[last]?.heading).toMatch(/名词解释/);
    expect(sectionsOf(all[2])).toEqual(range(0, last - 1));
    expect(sectionsOf(all[3])).toEqual([last]);
  });

  it('lists the units the finance bureau consolidates, its functions with their own numbering', () => {
    const all = parts(loadDocument(SHANGHAI_FINANCE_BUREAU_PATH));
    const [functions, units] = all[0]?.blocks ?? [];
    expect(functions?.kind === 'functions' && functions.heading).toBe('一、主要职能');
    expect(functions?.kind === 'functions' && functions.items[3]).toMatch(/^（一）贯彻执行国家和本市有关财政工作/);
    expect(units?.kind === 'units' && units.units.map((unit) => unit.name)).toEqual([
      '上海市普陀区财政局（本级）', '上海市普陀区财政局财政所', '上海市普陀区国库收付中心',
    ]);
    expect(all[0]?.blocks.some((block) => block.kind === 'staff')).toBe(false);
  });
});

describe('the page helpers', () => {
  it('names an amount cell as the contract does: the cell key with "-" for ":"', () => {
    expect(cellAnchor('expenditure:total:basic')).toBe('c-expenditure-total-basic');
    expect(cellAnchor('incomeExpenditureSummary:incomeGrandTotal:income')).toBe('c-incomeExpenditureSummary-incomeGrandTotal-income');
  });

  it('gives under a table its statement, or 本表无数据 when it has neither figures nor a statement', () => {
    const seed = loadSeed();
    expect(tableExplanation(seed, 'governmentFund')).toBe('说明：本部门 2021 年度无政府性基金预算财政拨款收入及支出。');
    expect(tableExplanation(seed, 'expenditure')).toBeUndefined();
    seed.tables.governmentFund.statement = undefined;
    expect(tableExplanation(seed, 'governmentFund')).toBe('说明：本表无数据。');
  });

  it('prints dates, choices and the 备注 as the Hubei self-evaluation tables do', () => {
    expect(printedDate('2022-05-12')).toBe('2022.5.12');
    expect(PROJECT_CHOICES.type.map(([, label]) => label)).toEqual(['常年性项目', '延续性项目', '一次性项目']);
    expect(selfEvaluationNotes(templateFor('hubei-2021'))).toHaveLength(4);
    expect(selfEvaluationNotes(templateFor('shanghai-2024'))).toEqual([]);
  });
});
