// The document model of one unit's final accounts for one year, and its zod schema: the
// interchange format (JSON) read by the CLI, the importers, the seed and the web app.
// Amounts are decimal strings in 万元 with at most two decimals ("2882.93").

import { z } from 'zod';
import { functionalLevel, functionalSubjectsFor } from './classification';
import { AMOUNT_PATTERN } from './money';
import { TABLE_CODES, TABLES, TOTAL_ROW, type TableCode } from './tables';

const AMOUNT_MESSAGE = '金额须为最多两位小数的十进制字符串（单位：万元），如 "2882.93"';

export const ZAmount = z
  .string({ error: AMOUNT_MESSAGE })
  .regex(AMOUNT_PATTERN, AMOUNT_MESSAGE)
  .describe('万元, at most two decimals');

/** Points of a self-evaluation (权重, 得分), at most two decimals. */
export const ZPoints = z
  .string({ error: '分值须为最多两位小数的十进制字符串，如 "20" 或 "2.5"' })
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '分值须为最多两位小数的非负数，如 "20" 或 "2.5"');

const ZCount = z.int('须为整数').nonnegative('不能为负数');
const ZDate = z.iso.date('日期格式须为 YYYY-MM-DD');

export const ZTableRow = z.object({
  row: z.string().min(1).describe('行次 ("27"), classification code ("2010350"), or "total" / "personnelTotal" / "operatingTotal"'),
  name: z.string().optional().describe('科目名称 as printed, for classification rows'),
  cells: z.record(z.string(), ZAmount).describe('栏次 → amount; blank cells are omitted'),
});

export const ZTable = z.object({ rows: z.array(ZTableRow) });

const ZTables = z.object(
  Object.fromEntries(TABLE_CODES.map((code) => [code, ZTable])) as Record<TableCode, typeof ZTable>,
);

export const ZOverview = z.object({
  functions: z.array(z.string()).describe('部门主要职能, one item each'),
  subordinateUnitCount: ZCount.describe('下属单位 included besides the own unit (单位本级)'),
  staff: z.object({
    employed: ZCount.describe('在职实有人数'),
    administrative: ZCount.describe('行政'),
    publicInstitution: ZCount.describe('事业'),
    civilServantManaged: ZCount.describe('其中：参照公务员法管理'),
    retired: ZCount.describe('离退休人员'),
    retiredCadres: ZCount.describe('离休'),
    retirees: ZCount.describe('退休'),
  }),
});

const ZReceptionKind = z.object({ batches: ZCount, people: ZCount, amount: ZAmount });

/** The details of 三公经费 the narrative prints beside 表7 (表7 itself holds the amounts). */
export const ZThreePublicExpenses = z.object({
  scope: z.string().describe('“三公”经费的单位范围'),
  overseasTrips: z.object({
    groups: ZCount,
    people: ZCount,
    accommodation: ZAmount,
    travel: ZAmount,
    meals: ZAmount,
    training: ZAmount,
    miscellaneous: ZAmount,
  }),
  vehiclesPurchased: ZCount.describe('本年度购置(更新)公务用车 辆'),
  vehiclesHeld: ZCount.describe('年末开支财政拨款的公务用车保有量 辆'),
  receptions: z.object({
    international: ZReceptionKind.describe('国际访问'),
    largeEvents: ZReceptionKind.describe('大型活动'),
    otherProvinces: ZReceptionKind.describe('外省市交流接待'),
  }),
});

export const ZProcurement = z.object({
  total: ZAmount.describe('政府采购支出总额'),
  goods: ZAmount,
  works: ZAmount,
  services: ZAmount,
  toSmes: ZAmount.describe('授予中小企业合同金额'),
  toSmallAndMicro: ZAmount.describe('其中：授予小微企业合同金额'),
});

export const VEHICLE_KINDS = [
  'ministerialLeaders', 'principalLeaders', 'confidentialCommunications', 'emergency',
  'lawEnforcement', 'specialTechnical', 'retiredCadres', 'other',
] as const;

export const ZAssets = z.object({
  vehicles: ZCount.describe('车辆 total'),
  vehiclesByKind: z.object(Object.fromEntries(VEHICLE_KINDS.map((kind) => [kind, ZCount])) as Record<(typeof VEHICLE_KINDS)[number], typeof ZCount>),
  generalEquipmentOver500k: ZCount.describe('单价50万元(含)以上通用设备 台(套)'),
  specialEquipmentOver1m: ZCount.describe('单价100万元(含)以上专用设备 台(套)'),
});

export const LEVEL1_INDICATORS = ['产出指标', '效益指标', '满意度指标'] as const;

export const ZIndicator = z.object({
  level1: z.enum(LEVEL1_INDICATORS),
  level2: z.string().min(1).describe('二级指标 as printed, without its weight: 数量指标, 质量指标, 时效指标, …'),
  name: z.string().min(1).describe('三级指标'),
  weight: ZPoints.describe('the points printed beside the 二级指标 cell of this row'),
  target: z.string().describe('年初目标值（A） as printed'),
  actual: z.string().describe('实际完成值（B） as printed'),
  direction: z.enum(['higherIsBetter', 'lowerIsBetter', 'qualitative']),
  band: z.enum(['achieved', 'partlyAchieved', 'notAchieved']).optional().describe('qualitative only; when absent, achieved if B equals A'),
  score: ZPoints,
});

export const ZGoal = z.object({
  title: z.string().optional().describe('年度目标 n, department-wide table only'),
  weight: ZPoints.optional().describe('the printed weight of the goal'),
  description: z.string(),
  indicators: z.array(ZIndicator).min(1, '每个年度目标至少有一个指标'),
});

export const ZSelfEvaluation = z.object({
  title: z.string(),
  filledOn: ZDate.optional(),
  execution: z.object({
    weight: ZPoints.describe('预算执行情况 points, 20'),
    budget: ZAmount.describe('预算数（A）'),
    executed: ZAmount.describe('执行数（B）'),
    rate: z.string().describe('执行率（B/A） as printed, "100.0%"'),
    score: ZPoints,
  }),
  performanceWeight: ZPoints.optional().describe('年度绩效（80分）, when printed'),
  level1Weights: z
    .array(z.object({ level1: z.enum(LEVEL1_INDICATORS), weight: ZPoints }))
    .optional()
    .describe('printed 一级指标 subtotals, e.g. 产出指标（40分）'),
  goals: z.array(ZGoal).min(1),
  totalScore: ZPoints,
  deviationReason: z.string().describe('偏差大或目标未完成原因分析'),
  improvementPlan: z.string().describe('改进措施及结果应用方案'),
});

export const ZProject = z.object({
  name: z.string().min(1),
  supervisingDepartment: z.string().describe('主管部门'),
  implementingUnit: z.string().describe('项目实施单位'),
  category: z.enum(['departmentBudget', 'districtSpecial', 'higherLevelTransfer']).describe('部门预算项目 / 区直专项 / 上级转移支付项目'),
  attribute: z.enum(['continuing', 'new']).describe('持续性项目 / 新增性项目'),
  type: z.enum(['recurring', 'extended', 'oneOff']).describe('常年性项目 / 延续性项目 / 一次性项目'),
  summary: z.string().optional().describe('项目绩效自评综述 from the narrative'),
  selfEvaluation: ZSelfEvaluation,
});

export const ZComparisons = z.object({
  priorYear: z.object({
    totalIncomeExpenditure: ZAmount.describe('上年收、支总计'),
    appropriationIncomeExpenditure: ZAmount.describe('上年财政拨款收、支总计'),
    appropriationExpenditure: ZAmount.describe('上年一般公共预算财政拨款支出'),
    agencyOperatingCosts: ZAmount.describe('上年机关运行经费'),
    threePublicExpenses: z.object({ total: ZAmount, overseasTrips: ZAmount, vehicles: ZAmount, receptions: ZAmount }),
  }),
  initialBudget: z.object({
    generalPublicBudgetExpenditure: ZAmount.describe('一般公共预算财政拨款支出年初预算'),
    byClass: z.array(z.object({ code: z.string().regex(/^\d{3}$/, '须为3位类级科目编码'), amount: ZAmount })),
  }),
});

export const ZNarrativeSection = z.object({
  heading: z.string(),
  text: z.string(),
});

export const ZKeyWork = z.object({ item: z.string(), content: z.string(), outcome: z.string() });

export const ZFinalAccounts = z
  .object({
    formatVersion: z.literal(1),
    fiscalYear: z.int().min(2000).max(2100),
    department: z.object({
      name: z.string().min(1),
      district: z.string().min(1).describe('e.g. 武汉市硚口区'),
      code: z.string().optional(),
      contactPhone: z.string().optional(),
    }),
    publishedOn: ZDate.optional(),
    overview: ZOverview,
    tables: ZTables,
    threePublicExpenses: ZThreePublicExpenses,
    agencyOperatingCosts: ZAmount.describe('机关运行经费'),
    procurement: ZProcurement,
    assets: ZAssets,
    performance: z.object({
      projectCount: ZCount.optional(),
      departmentWide: ZSelfEvaluation,
      projects: z.array(ZProject),
    }),
    comparisons: ZComparisons,
    narrative: z.array(ZNarrativeSection),
    keyWork: z.array(ZKeyWork),
  })
  .superRefine((doc, ctx) => {
    for (const code of TABLE_CODES) checkTableShape(doc.fiscalYear, code, doc.tables[code].rows, ctx);
  });

export type TFinalAccounts = z.infer<typeof ZFinalAccounts>;
export type TTableRow = z.infer<typeof ZTableRow>;
export type TSelfEvaluation = z.infer<typeof ZSelfEvaluation>;
export type TIndicator = z.infer<typeof ZIndicator>;
export type TProject = z.infer<typeof ZProject>;

/** Every row key and column must exist in the table's definition or the year's catalogue. */
function checkTableShape(fiscalYear: number, code: TableCode, rows: readonly TTableRow[], ctx: z.RefinementCtx): void {
  const table = TABLES[code];
  const known = functionalSubjectsFor(fiscalYear);
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const path = ['tables', code, 'rows', index];
    if (seen.has(row.row)) ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `表${table.number} 第 ${row.row} 行重复出现` });
    seen.add(row.row);
    let columns: readonly string[];
    if (table.rowKind === 'functional' && row.row !== TOTAL_ROW) {
      if (!functionalLevel(row.row)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `"${row.row}" 不是功能分类科目编码（类3位、款5位、项7位）` });
        return;
      }
      if (known && !known.some((subject) => subject.code === row.row)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `功能分类科目编码 ${row.row} 不在 ${fiscalYear} 年度科目表中` });
        return;
      }
      columns = table.columns.map((c) => c.column);
    } else if (table.rowKind === 'functional') {
      columns = table.columns.map((c) => c.column);
    } else {
      const definition = table.rows.find((r) => r.row === row.row);
      if (!definition) {
        const what = table.rowKind === 'economic' ? '经济分类科目编码' : '行次';
        ctx.addIssue({ code: 'custom', path: [...path, 'row'], message: `表${table.number} 没有${what} "${row.row}"` });
        return;
      }
      columns = definition.columns;
    }
    for (const column of Object.keys(row.cells)) {
      if (!columns.includes(column)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'cells', column], message: `表${table.number} 第 ${row.row} 行没有第 ${column} 栏` });
      }
    }
  });
}
