// The document model of one unit's final accounts for one year, and its zod schema: the
// interchange format (JSON) read by the CLI, the importers, the seed and the web app.
// A document names its template; the template decides which tables' rows and columns exist
// and which optional sections the document has. Every object is strict: an unknown field is
// an error, never dropped. Amounts are decimal strings in 万元 ("2882.93").

import { z } from 'zod';
import { ZAmount, ZNonNegativeAmount } from './amount-schema';
import { cellMayBeNegative } from './cells';
import { functionalLevel, functionalSubjectsFor } from './classification';
import { findTemplate, TABLE_KINDS, TEMPLATE_IDS, TOTAL_ROW, type TableKind, type Template, type TemplateSections } from './templates';

export { ZAmount, ZNonNegativeAmount };

export const FORMAT_VERSION = 2;

/** Points of a self-evaluation (权重, 得分), at most two decimals. */
export const ZPoints = z
  .string({ error: '分值须为最多两位小数的十进制字符串，如 "20" 或 "2.5"' })
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '分值须为最多两位小数的非负数，如 "20" 或 "2.5"');

const ZCount = z.int('须为整数').nonnegative('不能为负数');
const ZDate = z.iso.date('日期格式须为 YYYY-MM-DD');

export const ZTableRow = z.strictObject({
  row: z.string().min(1, '不能为空').describe('row key: a classification code ("2010350"), "total", or the line\'s key in the template ("incomeTotal")'),
  name: z.string().optional().describe('科目名称 as printed, for classification rows'),
  cells: z
    .preprocess((input, ctx) => {
      // A record drops a "__proto__" key without a word; refuse it instead.
      if (typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, '__proto__')) {
        ctx.issues.push({ code: 'custom', input, path: ['__proto__'], message: '不认识的栏 "__proto__"，请删去' });
      }
      return input;
    }, z.record(z.string(), ZAmount))
    .describe('column key → amount; blank cells are omitted'),
});

export const ZTable = z.strictObject({
  rows: z.array(ZTableRow),
  statement: z.string().optional().describe('what the document prints in words under the table, e.g. "本单位无政府性基金预算财政拨款支出，故本表无数据"'),
});

const ZTables = z.strictObject(Object.fromEntries(TABLE_KINDS.map((kind) => [kind, ZTable])) as Record<TableKind, typeof ZTable>);

export const ZStaff = z.strictObject({
  employed: ZCount.describe('在职实有人数'),
  administrative: ZCount.describe('行政'),
  publicInstitution: ZCount.describe('事业'),
  civilServantManaged: ZCount.describe('其中：参照公务员法管理'),
  retired: ZCount.describe('离退休人员'),
  retiredCadres: ZCount.describe('离休'),
  retirees: ZCount.describe('退休'),
});

export const ZOverview = z.strictObject({
  functions: z.array(z.string()).describe('部门主要职能, one item each'),
  subordinateUnitCount: ZCount.optional().describe('下属单位 included besides the own unit (单位本级); templates with staff numbers'),
  staff: ZStaff.optional(),
  units: z.array(z.strictObject({ name: z.string().min(1, '不能为空'), note: z.string().optional() })).optional().describe('部门决算单位构成: 单位名称 and 备注'),
});

const ZReceptionKind = z.strictObject({ batches: ZCount, people: ZCount, amount: ZNonNegativeAmount });

/** The details of 三公经费 some layouts print beside the table (the table holds the amounts). */
export const ZThreePublicExpenses = z.strictObject({
  scope: z.string().describe('“三公”经费的单位范围'),
  overseasTrips: z.strictObject({
    groups: ZCount,
    people: ZCount,
    accommodation: ZNonNegativeAmount,
    travel: ZNonNegativeAmount,
    meals: ZNonNegativeAmount,
    training: ZNonNegativeAmount,
    miscellaneous: ZNonNegativeAmount,
  }),
  vehiclesPurchased: ZCount.describe('本年度购置(更新)公务用车 辆'),
  vehiclesHeld: ZCount.describe('年末开支财政拨款的公务用车保有量 辆'),
  receptions: z.strictObject({
    international: ZReceptionKind.describe('国际访问'),
    largeEvents: ZReceptionKind.describe('大型活动'),
    otherProvinces: ZReceptionKind.describe('外省市交流接待'),
  }),
});

export const ZProcurement = z.strictObject({
  total: ZNonNegativeAmount.describe('政府采购支出总额'),
  goods: ZNonNegativeAmount,
  works: ZNonNegativeAmount,
  services: ZNonNegativeAmount,
  toSmes: ZNonNegativeAmount.optional().describe('授予中小企业合同金额'),
  toSmallAndMicro: ZNonNegativeAmount.optional().describe('其中：授予小微企业合同金额'),
  reserved: z.strictObject({
    forSmes: ZNonNegativeAmount.describe('面向中小企业预留政府采购项目预算金额'),
    forSmallAndMicro: ZNonNegativeAmount.describe('面向小微企业预留政府采购项目预算金额'),
    awardedToSmes: ZNonNegativeAmount.describe('预留项目中由中小企业供应商中标或成交的采购金额'),
    awardedToSmallAndMicro: ZNonNegativeAmount.describe('预留项目中由小微企业供应商中标或成交的采购金额'),
    otherAwardedToSmes: ZNonNegativeAmount.describe('其他政府采购项目中由中小企业供应商中标或成交的采购金额'),
  }).optional(),
});

export const VEHICLE_KINDS = [
  'ministerialLeaders', 'principalLeaders', 'confidentialCommunications', 'emergency',
  'lawEnforcement', 'specialTechnical', 'retiredCadres', 'other',
] as const;

export const ZAssets = z.strictObject({
  vehicles: ZCount.describe('车辆 total'),
  vehiclesByKind: z.strictObject(Object.fromEntries(VEHICLE_KINDS.map((kind) => [kind, ZCount])) as Record<(typeof VEHICLE_KINDS)[number], typeof ZCount>),
  generalEquipmentOver500k: ZCount.optional().describe('单价50万元(含)以上通用设备 台(套)'),
  specialEquipmentOver1m: ZCount.optional().describe('单价100万元(含)以上专用设备 台(套)'),
  equipmentOver1m: ZCount.optional().describe('单价100万元（含）以上设备（不含车辆） 台(套)'),
});

export const LEVEL1_INDICATORS = ['产出指标', '效益指标', '满意度指标'] as const;

export const ZIndicator = z.strictObject({
  level1: z.enum(LEVEL1_INDICATORS, '一级指标须为产出指标、效益指标或满意度指标'),
  level2: z.string().min(1, '不能为空').describe('二级指标 as printed, without its weight: 数量指标, 质量指标, 时效指标, …'),
  name: z.string().min(1, '不能为空').describe('三级指标'),
  weight: ZPoints.describe('the points printed beside the 二级指标 cell of this row'),
  target: z.string().describe('年初目标值（A） as printed'),
  actual: z.string().describe('实际完成值（B） as printed'),
  direction: z.enum(['higherIsBetter', 'lowerIsBetter', 'qualitative'], '指标性质须为正向指标、反向指标或定性指标'),
  band: z.enum(['achieved', 'partlyAchieved', 'notAchieved'], '达成程度须为达成、部分达成或未达成').optional().describe('qualitative only; when absent, achieved if B equals A'),
  score: ZPoints,
});

export const ZGoal = z.strictObject({
  title: z.string().optional().describe('年度目标 n, department-wide table only'),
  weight: ZPoints.optional().describe('the printed weight of the goal'),
  description: z.string(),
  indicators: z.array(ZIndicator).min(1, '每个年度目标至少有一个指标'),
});

export const ZSelfEvaluation = z.strictObject({
  title: z.string(),
  filledOn: ZDate.optional(),
  execution: z.strictObject({
    weight: ZPoints.describe('预算执行情况 points, 20'),
    budget: ZNonNegativeAmount.describe('预算数（A）'),
    executed: ZNonNegativeAmount.describe('执行数（B）'),
    rate: z.string().describe('执行率（B/A） as printed, "100.0%"'),
    score: ZPoints,
  }),
  performanceWeight: ZPoints.optional().describe('年度绩效（80分）, when printed'),
  level1Weights: z
    .array(z.strictObject({ level1: z.enum(LEVEL1_INDICATORS, '一级指标须为产出指标、效益指标或满意度指标'), weight: ZPoints }))
    .optional()
    .describe('printed 一级指标 subtotals, e.g. 产出指标（40分）'),
  goals: z.array(ZGoal).min(1, '至少须有一个年度目标'),
  totalScore: ZPoints,
  deviationReason: z.string().describe('偏差大或目标未完成原因分析'),
  improvementPlan: z.string().describe('改进措施及结果应用方案'),
});

export const ZProject = z.strictObject({
  name: z.string().min(1, '不能为空'),
  supervisingDepartment: z.string().describe('主管部门'),
  implementingUnit: z.string().describe('项目实施单位'),
  category: z.enum(['departmentBudget', 'districtSpecial', 'higherLevelTransfer'], '项目类别须为部门预算项目、区直专项或上级转移支付项目').describe('部门预算项目 / 区直专项 / 上级转移支付项目'),
  attribute: z.enum(['continuing', 'new'], '项目属性须为持续性项目或新增性项目').describe('持续性项目 / 新增性项目'),
  type: z.enum(['recurring', 'extended', 'oneOff'], '项目类型须为常年性项目、延续性项目或一次性项目').describe('常年性项目 / 延续性项目 / 一次性项目'),
  summary: z.string().optional().describe('项目绩效自评综述 from the narrative'),
  selfEvaluation: ZSelfEvaluation,
});

const ZProjectsCovered = z.strictObject({ projects: ZCount, amount: ZNonNegativeAmount });

/** 预算绩效管理情况 as the Shanghai layout prints it. */
export const ZPerformanceManagement = z.strictObject({
  targetSetting: ZProjectsCovered.describe('编报绩效目标的项目个数与预算金额'),
  tracking: ZProjectsCovered.describe('绩效跟踪评价的项目个数与预算金额'),
  selfEvaluation: z.strictObject({ projects: ZCount, amount: ZNonNegativeAmount, averageScore: ZPoints }).describe('绩效自评的项目个数、预算金额、平均得分'),
  ratings: z.strictObject({ excellent: ZCount, good: ZCount, pass: ZCount, fail: ZCount }).describe('绩效评级为优、良、合格、不合格的项目个数'),
  problems: z.strictObject({ found: ZCount, fixed: ZCount.optional(), fixing: ZCount.optional() }).describe('发现问题、已完成整改、正在整改的个数'),
});

export const ZPerformance = z.strictObject({
  projectCount: ZCount.optional(),
  departmentWide: ZSelfEvaluation.optional(),
  projects: z.array(ZProject),
  management: ZPerformanceManagement.optional(),
});

/** Prior-year figures as the narrative implies them (current − stated change); a figure the narrative does not compare is absent. */
export const ZPriorYear = z.strictObject({
  totalIncomeExpenditure: ZAmount.optional().describe('上年收、支总计'),
  appropriationIncomeExpenditure: ZAmount.optional().describe('上年财政拨款收、支总计'),
  appropriationExpenditure: ZAmount.optional().describe('上年一般公共预算财政拨款支出'),
  agencyOperatingCosts: ZNonNegativeAmount.optional().describe('上年机关运行经费'),
  threePublicExpenses: z.strictObject({
    total: ZNonNegativeAmount.optional(), overseasTrips: ZNonNegativeAmount.optional(),
    vehicles: ZNonNegativeAmount.optional(), receptions: ZNonNegativeAmount.optional(),
  }).optional(),
});

export const ZBudgetLine = z.strictObject({
  code: z.string().describe('functional code at the template\'s level: 类 (3 digits) or 项 (7 digits)'),
  name: z.string().optional().describe('as printed'),
  amount: ZNonNegativeAmount.optional().describe('年初预算数, when printed'),
  adjustedBudget: ZNonNegativeAmount.optional().describe('全年预算数 (adjusted budget), when printed instead of or beside 年初预算'),
  purpose: z.string().optional().describe('主要用于'),
  explanation: z.string().optional().describe('决算数与预算数差异的主要原因'),
});

export const ZComparisons = z.strictObject({
  priorYear: ZPriorYear.optional().describe('absent for a department founded in the year'),
  initialBudget: z.strictObject({
    generalPublicBudgetExpenditure: ZNonNegativeAmount.describe('一般公共预算财政拨款支出年初预算'),
    adjustedGeneralPublicBudgetExpenditure: ZNonNegativeAmount.optional().describe('一般公共预算财政拨款支出全年预算 (adjusted), when printed'),
    bySubject: z.array(ZBudgetLine),
  }),
});

export const ZNarrativeSection = z.strictObject({ heading: z.string(), text: z.string() });

export const ZKeyWork = z.strictObject({ item: z.string(), content: z.string(), outcome: z.string() });

const ZFinalAccountsShape = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION, { error: `formatVersion 须为 ${FORMAT_VERSION}` }),
  template: z.string().describe(`报表格式: ${TEMPLATE_IDS.join(' | ')}`),
  fiscalYear: z.int().min(2000, '年度须在 2000 至 2100 之间').max(2100, '年度须在 2000 至 2100 之间'),
  department: z.strictObject({
    name: z.string().min(1, '不能为空'),
    district: z.string().min(1, '不能为空').describe('e.g. 武汉市硚口区'),
    code: z.string().optional(),
    contactPhone: z.string().optional(),
  }),
  publishedOn: ZDate.optional(),
  overview: ZOverview,
  tables: ZTables,
  threePublicExpenses: ZThreePublicExpenses.optional(),
  agencyOperatingCosts: ZNonNegativeAmount.describe('机关运行经费'),
  procurement: ZProcurement,
  assets: ZAssets,
  performance: ZPerformance,
  comparisons: ZComparisons,
  narrative: z.array(ZNarrativeSection),
  keyWork: z.array(ZKeyWork).optional(),
});

export const ZFinalAccounts = ZFinalAccountsShape.superRefine((doc, ctx) => {
  const template = findTemplate(doc.template);
  if (!template) {
    ctx.addIssue({ code: 'custom', path: ['template'], message: `没有报表格式 "${doc.template}"，可用的有：${TEMPLATE_IDS.join('、')}` });
    return;
  }
  if (template.fiscalYear !== doc.fiscalYear) {
    ctx.addIssue({ code: 'custom', path: ['fiscalYear'], message: `报表格式 ${template.id} 用于 ${template.fiscalYear} 年度，文档年度为 ${doc.fiscalYear}` });
    return;
  }
  checkSections(template, doc, ctx);
  for (const kind of TABLE_KINDS) checkTableShape(template, kind, doc.tables[kind].rows, ctx);
});

export type TFinalAccounts = z.infer<typeof ZFinalAccountsShape>;
export type TTableRow = z.infer<typeof ZTableRow>;
export type TSelfEvaluation = z.infer<typeof ZSelfEvaluation>;
export type TIndicator = z.infer<typeof ZIndicator>;
export type TProject = z.infer<typeof ZProject>;

/** The parts of a document the entry screens edit as whole sections (the tables go cell by cell). */
export const ENTRY_SECTIONS = [
  'overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement', 'assets', 'performance', 'comparisons', 'narrative', 'keyWork',
] as const satisfies readonly (keyof TFinalAccounts)[];
export type TEntrySections = Partial<Pick<TFinalAccounts, (typeof ENTRY_SECTIONS)[number]>>;

/** Where each optional part lives, what it is called, and which template flag governs it. */
const SECTION_FIELDS: readonly { flag: keyof Omit<TemplateSections, 'initialBudgetLevel'>; path: (string)[]; name: string; present: (doc: TFinalAccounts) => boolean }[] = [
  { flag: 'staff', path: ['overview', 'staff'], name: '人员情况（在职、离退休人数）', present: (d) => d.overview.staff !== undefined },
  { flag: 'staff', path: ['overview', 'subordinateUnitCount'], name: '下属单位个数', present: (d) => d.overview.subordinateUnitCount !== undefined },
  { flag: 'unitComposition', path: ['overview', 'units'], name: '部门决算单位构成', present: (d) => d.overview.units !== undefined },
  { flag: 'threePublicExpensesDetails', path: ['threePublicExpenses'], name: '“三公”经费明细（团组、人次、接待批次）', present: (d) => d.threePublicExpenses !== undefined },
  { flag: 'procurementAwards', path: ['procurement', 'toSmes'], name: '授予中小企业合同金额', present: (d) => d.procurement.toSmes !== undefined },
  { flag: 'procurementAwards', path: ['procurement', 'toSmallAndMicro'], name: '授予小微企业合同金额', present: (d) => d.procurement.toSmallAndMicro !== undefined },
  { flag: 'procurementReserved', path: ['procurement', 'reserved'], name: '面向中小企业预留采购情况', present: (d) => d.procurement.reserved !== undefined },
  { flag: 'equipmentByKind', path: ['assets', 'generalEquipmentOver500k'], name: '单价50万元以上通用设备', present: (d) => d.assets.generalEquipmentOver500k !== undefined },
  { flag: 'equipmentByKind', path: ['assets', 'specialEquipmentOver1m'], name: '单价100万元以上专用设备', present: (d) => d.assets.specialEquipmentOver1m !== undefined },
  { flag: 'equipmentOver1m', path: ['assets', 'equipmentOver1m'], name: '单价100万元（含）以上设备（不含车辆）', present: (d) => d.assets.equipmentOver1m !== undefined },
  { flag: 'departmentWideSelfEvaluation', path: ['performance', 'departmentWide'], name: '部门整体支出绩效自评表', present: (d) => d.performance.departmentWide !== undefined },
  { flag: 'performanceManagement', path: ['performance', 'management'], name: '预算绩效管理情况', present: (d) => d.performance.management !== undefined },
  { flag: 'keyWork', path: ['keyWork'], name: '重点工作完成情况', present: (d) => d.keyWork !== undefined },
];

/** A section the template prints is required; a section it lacks is refused, by name. */
function checkSections(template: Template, doc: TFinalAccounts, ctx: z.RefinementCtx): void {
  for (const field of SECTION_FIELDS) {
    const expected = template.sections[field.flag];
    const present = field.present(doc);
    if (expected && !present) ctx.addIssue({ code: 'custom', path: field.path, message: `缺少「${field.name}」：${template.name}包含此部分` });
    if (!expected && present) ctx.addIssue({ code: 'custom', path: field.path, message: `${template.name}没有「${field.name}」，请删去此项` });
  }
  if (!template.sections.projectSelfEvaluations && doc.performance.projects.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['performance', 'projects'], message: `${template.name}不附项目绩效自评表，projects 须为空` });
  }
  const digits = template.sections.initialBudgetLevel === 'class' ? 3 : 7;
  const level = digits === 3 ? '类' : '项';
  doc.comparisons.initialBudget.bySubject.forEach((line, index) => {
    if (line.amount === undefined && line.adjustedBudget === undefined) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', 'initialBudget', 'bySubject', index], message: '须有年初预算数（amount）或全年预算数（adjustedBudget）' });
    }
    const path = ['comparisons', 'initialBudget', 'bySubject', index, 'code'];
    if (!new RegExp(`^\\d{${digits}}$`).test(line.code)) {
      ctx.addIssue({ code: 'custom', path, message: `${template.name}按${level}级科目（${digits} 位编码）列示年初预算，"${line.code}" 不是${level}级编码` });
    } else if (!knownFunctionalCode(doc.fiscalYear, line.code)) {
      ctx.addIssue({ code: 'custom', path, message: `功能分类科目编码 ${line.code} 不在 ${doc.fiscalYear} 年度科目表中` });
    }
  });
}

function knownFunctionalCode(fiscalYear: number, code: string): boolean {
  return functionalSubjectsFor(fiscalYear)?.some((subject) => subject.code === code) ?? false;
}

/** Every row key and column must exist in the template's table or the year's catalogue. */
function checkTableShape(template: Template, kind: TableKind, rows: readonly TTableRow[], ctx: z.RefinementCtx): void {
  const table = template.tables[kind];
  const where = `${table.title}（表${table.number}）`;
  const catalogue = table.rowKind === 'functional' ? functionalSubjectsFor(template.fiscalYear) : undefined;
  if (table.rowKind === 'functional' && !catalogue && rows.some((row) => row.row !== TOTAL_ROW)) {
    ctx.addIssue({ code: 'custom', path: ['tables', kind], message: `没有 ${template.fiscalYear} 年度支出功能分类科目表，无法核对${where}的科目编码；请先用 juesuan catalogue import 导入` });
    return;
  }
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const path = ['tables', kind, 'rows', index];
    if (seen.has(row.row)) ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `${where} 第 ${row.row} 行重复出现` });
    seen.add(row.row);
    let columns: readonly string[];
    if (table.rowKind === 'functional' && row.row !== TOTAL_ROW) {
      if (!functionalLevel(row.row)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `${where}："${row.row}" 不是功能分类科目编码（类3位、款5位、项7位，不含空格）` });
        return;
      }
      if (!catalogue?.some((subject) => subject.code === row.row)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `${where}：功能分类科目编码 ${row.row} 不在 ${template.fiscalYear} 年度科目表中` });
        return;
      }
      columns = table.columns.map((c) => c.key);
    } else {
      const definition = table.rows.find((r) => r.key === row.row);
      if (!definition) {
        const known = table.rowKind === 'economic' ? '经济分类科目' : '行';
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `${where} 没有${known} "${row.row}"（${template.name}）` });
        return;
      }
      columns = definition.columns;
    }
    for (const [column, amount] of Object.entries(row.cells)) {
      if (!columns.includes(column)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'cells', column], message: `${where} 第 ${row.row} 行没有 "${column}" 栏（可用：${columns.join('、') || '无，此行不填数'}）` });
      } else if (amount.startsWith('-') && !cellMayBeNegative(row.row, column)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'cells', column], message: `${where} 第 ${row.row} 行 "${column}" 栏：不能为负数（只有结转和结余可为负数）` });
      }
    }
  });
}

/**
 * The format as one template has it, for its JSON Schema (`juesuan schema --template …`): the
 * template's id and year, each table's row keys and column keys, its sections required and
 * the sections it lacks left out. Validation itself runs ZFinalAccounts, which says the same.
 */
export function templateSchema(template: Template) {
  const flags = template.sections;
  const tables = z.strictObject(Object.fromEntries(TABLE_KINDS.map((kind) => {
    const table = template.tables[kind];
    const row = table.rowKind === 'functional'
      ? z.string().regex(/^(total|\d{3}|\d{5}|\d{7})$/, '行号须为 "total" 或 3、5、7 位功能分类科目编码').describe(`"total" or a functional code of the ${template.fiscalYear} catalogue`)
      : z.enum(table.rows.filter((r) => r.columns.length > 0).map((r) => r.key));
    const rowSchema = z.strictObject({
      row,
      name: z.string().optional(),
      cells: z.partialRecord(z.enum(table.columns.map((c) => c.key)), ZAmount),
    }).describe(`${table.title}：${table.columns.map((c) => `${c.key} ${c.label}`).join('；')}`);
    return [kind, z.strictObject({ rows: z.array(rowSchema), statement: z.string().optional() })];
  })) as unknown as Record<TableKind, z.ZodType>);
  const pick = <T extends z.ZodType>(schema: T, present: boolean) => (present ? schema : undefined);
  const optionalFields = <S extends Record<string, z.ZodType | undefined>>(shape: S) =>
    Object.fromEntries(Object.entries(shape).filter(([, schema]) => schema !== undefined)) as Record<string, z.ZodType>;
  const procurementShape = ZProcurement.shape;
  const assetsShape = ZAssets.shape;
  const performanceShape = ZPerformance.shape;
  return ZFinalAccountsShape.omit({ threePublicExpenses: true, keyWork: true }).extend({
    template: z.literal(template.id),
    fiscalYear: z.literal(template.fiscalYear),
    tables,
    overview: z.strictObject(optionalFields({
      functions: ZOverview.shape.functions,
      subordinateUnitCount: pick(ZCount, flags.staff),
      staff: pick(ZStaff, flags.staff),
      units: pick(ZOverview.shape.units.unwrap(), flags.unitComposition),
    })),
    ...optionalFields({
      threePublicExpenses: pick(ZThreePublicExpenses, flags.threePublicExpensesDetails),
      keyWork: pick(z.array(ZKeyWork), flags.keyWork),
    }),
    procurement: z.strictObject(optionalFields({
      total: procurementShape.total, goods: procurementShape.goods, works: procurementShape.works, services: procurementShape.services,
      toSmes: pick(ZNonNegativeAmount, flags.procurementAwards),
      toSmallAndMicro: pick(ZNonNegativeAmount, flags.procurementAwards),
      reserved: pick(procurementShape.reserved.unwrap(), flags.procurementReserved),
    })),
    assets: z.strictObject(optionalFields({
      vehicles: assetsShape.vehicles, vehiclesByKind: assetsShape.vehiclesByKind,
      generalEquipmentOver500k: pick(ZCount, flags.equipmentByKind),
      specialEquipmentOver1m: pick(ZCount, flags.equipmentByKind),
      equipmentOver1m: pick(ZCount, flags.equipmentOver1m),
    })),
    performance: z.strictObject(optionalFields({
      projectCount: pick(performanceShape.projectCount, flags.projectSelfEvaluations),
      departmentWide: pick(ZSelfEvaluation, flags.departmentWideSelfEvaluation),
      projects: flags.projectSelfEvaluations ? performanceShape.projects : z.array(ZProject).max(0, `${template.name}不附项目绩效自评表`),
      management: pick(ZPerformanceManagement, flags.performanceManagement),
    })),
  });
}
