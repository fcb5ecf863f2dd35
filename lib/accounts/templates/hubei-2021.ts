// The layout of the seed document: a Wuhan district unit's 2021 final accounts (湖北省武汉市).
// Every table prints 栏次, the two summary tables print 行次 1–60 and 1–64, and the identities
// are printed under each table; citations quote them.

import {
  APPROPRIATIONS, INCOME_SOURCES, classKeys, classRows, columnsSum, economicRows, functionalTotalRow, line, minus,
  numberedLines, plus, rowsSum, threePublicExpensesTable,
} from './common';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, type ColumnDefinition, type RowDefinition, type TableTemplate, type Template } from './types';

const col = (key: string, label: string, number: number): ColumnDefinition => ({ key, label, number: String(number) });

/** 行次 printed only as a number beside an expenditure line: they hold no figures. */
const blankLines = (from: number, to: number): RowDefinition[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ key: `line${from + i}`, label: '', number: String(from + i), columns: [], side: 'income' as const }));

const incomeExpenditureSummary: TableTemplate = {
  kind: 'incomeExpenditureSummary',
  number: 1,
  title: '收入支出决算总表',
  rowKind: 'lines',
  columns: [col('income', '决算数', 1), col('expenditure', '决算数', 2)],
  rows: [
    ...numberedLines(1, INCOME_SOURCES, ['income'], 'income'),
    ...blankLines(9, 26),
    ...numberedLines(27, [
      ['incomeTotal', '本年收入合计'], ['nonAppropriationBalanceUsed', '使用非财政拨款结余'],
      ['openingBalance', '年初结转和结余'], ['incomeGrandTotal', '总计'],
    ], ['income'], 'income'),
    ...classRows(['expenditure'], 31),
    ...numberedLines(57, [
      ['expenditureTotal', '本年支出合计'], ['balanceDistribution', '结余分配'],
      ['closingBalance', '年末结转和结余'], ['expenditureGrandTotal', '总计'],
    ], ['expenditure'], 'expenditure'),
  ],
  identities: [
    rowsSum('incomeTotal', plus(...INCOME_SOURCES.map(([key]) => key)), ['income'], '表1注：27行＝（1＋2＋3＋4＋5＋6+7+8）行'),
    rowsSum('incomeGrandTotal', plus('incomeTotal', 'nonAppropriationBalanceUsed', 'openingBalance'), ['income'], '表1注：30行＝（27＋28＋29）行'),
    rowsSum('expenditureTotal', plus(...classKeys()), ['expenditure'], '表1注：57行＝（31＋32＋…＋56）行'),
    rowsSum('expenditureGrandTotal', plus('expenditureTotal', 'balanceDistribution', 'closingBalance'), ['expenditure'], '表1注：60行＝（57＋58＋59）行'),
  ],
  note: '本表反映部门本年度的总收支和年末结转结余情况。',
};

const incomeColumns = [
  col('total', '本年收入合计', 1), col('appropriation', '财政拨款收入', 2), col('higherLevelGrants', '上级补助收入', 3),
  col('serviceIncome', '事业收入', 4), col('operatingIncome', '经营收入', 5), col('affiliateRemittances', '附属单位上缴收入', 6),
  col('otherIncome', '其他收入', 7),
];

const income: TableTemplate = {
  kind: 'income',
  number: 2,
  title: '收入决算表',
  rowKind: 'functional',
  columns: incomeColumns,
  rows: [functionalTotalRow(incomeColumns)],
  identities: [columnsSum('total', plus('appropriation', 'higherLevelGrants', 'serviceIncome', 'operatingIncome', 'affiliateRemittances', 'otherIncome'), '表2注：1栏各行＝（2＋3＋4＋5＋6＋7）栏各行')],
  note: '本表反映部门本年度取得的各项收入情况。',
};

const expenditureColumns = [
  col('total', '本年支出合计', 1), col('basic', '基本支出', 2), col('project', '项目支出', 3),
  col('remittancesToHigherLevel', '上缴上级支出', 4), col('operating', '经营支出', 5), col('grantsToAffiliates', '对附属单位补助支出', 6),
];

const expenditure: TableTemplate = {
  kind: 'expenditure',
  number: 3,
  title: '支出决算表',
  rowKind: 'functional',
  columns: expenditureColumns,
  rows: [functionalTotalRow(expenditureColumns)],
  identities: [columnsSum('total', plus('basic', 'project', 'remittancesToHigherLevel', 'operating', 'grantsToAffiliates'), '表3注：1栏各行＝（2＋3＋4＋5＋6）栏各行')],
  note: '本表反映部门本年度各项支出情况。',
};

const appropriationColumns = ['total', 'generalBudget', 'governmentFund', 'stateCapital'] as const;

const appropriationSummary: TableTemplate = {
  kind: 'appropriationSummary',
  number: 4,
  title: '财政拨款收入支出决算总表',
  rowKind: 'lines',
  columns: [
    col('income', '决算数（收入）', 1), col('total', '小计', 2), col('generalBudget', '一般公共预算财政拨款', 3),
    col('governmentFund', '政府性基金预算财政拨款', 4), col('stateCapital', '国有资本经营预算财政拨款', 5),
  ],
  rows: [
    ...numberedLines(1, [
      ['generalBudgetAppropriation', '一、一般公共预算财政拨款'], ['governmentFundAppropriation', '二、政府性基金预算财政拨款'],
      ['stateCapitalAppropriation', '三、国有资本经营财政拨款'],
    ], ['income'], 'income'),
    ...blankLines(4, 26),
    ...numberedLines(27, [
      ['incomeTotal', '本年收入合计'], ['openingBalance', '年初财政拨款结转和结余'],
      ...APPROPRIATIONS.map(([key, label]) => [`openingBalance${key[0]?.toUpperCase()}${key.slice(1)}`, label] as const),
      ['incomeGrandTotal', '总计'],
    ], ['income'], 'income'),
    ...classRows(appropriationColumns, 33),
    ...numberedLines(59, [
      ['expenditureTotal', '本年支出合计'], ['closingBalance', '年末财政拨款结转和结余'],
      ...APPROPRIATIONS.map(([key, label]) => [`closingBalance${key[0]?.toUpperCase()}${key.slice(1)}`, label] as const),
    ], appropriationColumns, 'expenditure'),
    line('expenditureGrandTotal', '总计', appropriationColumns, 'expenditure', 64),
  ],
  identities: [
    rowsSum('incomeTotal', plus('generalBudgetAppropriation', 'governmentFundAppropriation', 'stateCapitalAppropriation'), ['income'], '表4注：27 行＝（1＋2+3）行'),
    rowsSum('openingBalance', plus('openingBalanceGeneralBudget', 'openingBalanceGovernmentFund', 'openingBalanceStateCapital'), ['income'], '表4注：28 行＝（29＋30+31）行'),
    rowsSum('incomeGrandTotal', plus('incomeTotal', 'openingBalance'), ['income'], '表4注：32 行＝（27＋28）行'),
    rowsSum('expenditureTotal', plus(...classKeys()), appropriationColumns, '表4注：59 行＝（33＋34＋…＋58）行'),
    rowsSum('expenditureGrandTotal', plus('expenditureTotal', 'closingBalance'), appropriationColumns, '表4注：64 行＝（59＋60）行'),
    rowsSum('closingBalance', plus('closingBalanceGeneralBudget', 'closingBalanceGovernmentFund', 'closingBalanceStateCapital'), appropriationColumns, '表4表式：60行年末结转和结余按三类财政拨款分列于61～63行'),
    columnsSum('total', plus('generalBudget', 'governmentFund', 'stateCapital'), '表4表头：支出决算数“小计”＝三类财政拨款之和'),
  ],
  note: '本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
};

const basicProjectColumns = [col('total', '小计', 1), col('basic', '基本支出', 2), col('project', '项目支出', 3)];

const generalBudgetExpenditure: TableTemplate = {
  kind: 'generalBudgetExpenditure',
  number: 5,
  title: '一般公共预算财政拨款支出决算表',
  rowKind: 'functional',
  columns: basicProjectColumns,
  rows: [functionalTotalRow(basicProjectColumns)],
  identities: [columnsSum('total', plus('basic', 'project'), '表5注：1 栏各行＝（2＋3）栏各行')],
  note: '本表反映部门本年度一般公共预算财政拨款支出情况。',
};

/** 表6 of 2021 as printed: 人员经费 on the left, 公用经费 on the right. */
export const ECONOMIC_PERSONNEL_2021 = [
  ['301', '工资福利支出'], ['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30106', '伙食补助费'],
  ['30107', '绩效工资'], ['30108', '机关事业单位基本养老保险缴费'], ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'], ['30111', '公务员医疗补助缴费'], ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'], ['30114', '医疗费'], ['30199', '其他工资福利支出'],
  ['303', '对个人和家庭的补助'], ['30301', '离休费'], ['30302', '退休费'], ['30303', '退职（役）费'], ['30304', '抚恤金'],
  ['30305', '生活补助'], ['30306', '救济费'], ['30307', '医疗费补助'], ['30308', '助学金'], ['30309', '奖励金'],
  ['30310', '个人农业生产补贴'], ['30311', '代缴社会保险费'], ['30399', '其他对个人和家庭的补助'],
] as const;

export const ECONOMIC_OPERATING_2021 = [
  ['302', '商品和服务支出'], ['30201', '办公费'], ['30202', '印刷费'], ['30203', '咨询费'], ['30204', '手续费'],
  ['30205', '水费'], ['30206', '电费'], ['30207', '邮电费'], ['30208', '取暖费'], ['30209', '物业管理费'],
  ['30211', '差旅费'], ['30212', '因公出国（境）费用'], ['30213', '维修（护）费'], ['30214', '租赁费'],
  ['30215', '会议费'], ['30216', '培训费'], ['30217', '公务接待费'], ['30218', '专用材料费'], ['30224', '被装购置费'],
  ['30225', '专用燃料费'], ['30226', '劳务费'], ['30227', '委托业务费'], ['30228', '工会经费'], ['30229', '福利费'],
  ['30231', '公务用车运行维护费'], ['30239', '其他交通费用'], ['30240', '税金及附加费用'], ['30299', '其他商品和服务支出'],
  ['310', '资本性支出'], ['31002', '办公设备购置'], ['31003', '专用设备购置'], ['31007', '信息网络及软件购置更新'],
  ['31013', '公务用车购置'], ['31099', '其他资本性支出'],
] as const;

/** 人员经费 = classes 301 and 303; 公用经费 = 302 and 310, as the basic expenditure table prints them. */
export const PERSONNEL_CLASSES = ['301', '303'] as const;
export const OPERATING_CLASSES = ['302', '310'] as const;

export function basicExpenditureTable(
  layout: { number: number; title: string; personnel: readonly (readonly [string, string])[]; operating: readonly (readonly [string, string])[]; citationPrefix: string; note: string },
): TableTemplate {
  return {
    kind: 'generalBudgetBasicExpenditure',
    number: layout.number,
    title: layout.title,
    rowKind: 'economic',
    columns: [{ key: 'amount', label: '决算数' }],
    rows: [
      ...economicRows(layout.personnel, layout.operating),
      { key: PERSONNEL_TOTAL_ROW, label: '人员经费合计', columns: ['amount'], group: 'personnel' },
      { key: OPERATING_TOTAL_ROW, label: '公用经费合计', columns: ['amount'], group: 'operating' },
    ],
    identities: [
      rowsSum(PERSONNEL_TOTAL_ROW, plus(...PERSONNEL_CLASSES), ['amount'], `${layout.citationPrefix}人员经费合计＝工资福利支出（301）＋对个人和家庭的补助（303）`),
      rowsSum(OPERATING_TOTAL_ROW, plus(...OPERATING_CLASSES), ['amount'], `${layout.citationPrefix}公用经费合计＝商品和服务支出（302）＋资本性支出（310）`),
    ],
    note: layout.note,
  };
}

const threePublicExpenses = threePublicExpensesTable({
  number: 7,
  title: '一般公共预算财政拨款“三公”经费支出决算表',
  operation: '运行费',
  order: 'budgetFirst',
  numbered: true,
  citations: ['表7注：1 栏＝（2＋3＋6）栏', '表7注：3 栏＝（4＋5）栏', '表7注：7栏＝（8＋9＋12）栏', '表7注：9栏=（10+11）栏'],
  note: '本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
});

const fundColumns = [
  col('openingBalance', '年初结转和结余', 1), col('income', '本年收入', 2), col('expenditureTotal', '本年支出 小计', 3),
  col('basic', '本年支出 基本支出', 4), col('project', '本年支出 项目支出', 5), col('closingBalance', '年末结转和结余', 6),
];

const governmentFund: TableTemplate = {
  kind: 'governmentFund',
  number: 8,
  title: '政府性基金预算财政拨款收入支出决算表',
  rowKind: 'functional',
  columns: fundColumns,
  rows: [functionalTotalRow(fundColumns)],
  identities: [
    columnsSum('closingBalance', [...plus('openingBalance', 'income'), minus('expenditureTotal')], '表8注：6 栏各行＝（1＋2－3）栏各行'),
    columnsSum('expenditureTotal', plus('basic', 'project'), '表8注：3 栏各行＝（4＋5）栏各行'),
  ],
  note: '本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
};

const stateCapitalColumns = [col('expenditureTotal', '合计', 1), col('basic', '基本支出', 2), col('project', '项目支出', 3)];

const stateCapital: TableTemplate = {
  kind: 'stateCapital',
  number: 9,
  title: '国有资本经营预算财政拨款支出决算表',
  rowKind: 'functional',
  columns: stateCapitalColumns,
  rows: [functionalTotalRow(stateCapitalColumns)],
  identities: [columnsSum('expenditureTotal', plus('basic', 'project'), '表9注：1栏各行＝（2＋3）栏各行')],
  note: '本表反映部门本年度国有资本经营预算财政拨款支出情况。',
};

export const HUBEI_2021: Template = {
  id: 'hubei-2021',
  family: 'hubei',
  fiscalYear: 2021,
  name: '湖北省武汉市区级部门决算公开格式（2021 年度）',
  tableReference: 'number',
  order: [
    'incomeExpenditureSummary', 'income', 'expenditure', 'appropriationSummary', 'generalBudgetExpenditure',
    'generalBudgetBasicExpenditure', 'threePublicExpensesTable', 'governmentFund', 'stateCapital',
  ],
  tables: {
    incomeExpenditureSummary, income, expenditure, appropriationSummary, generalBudgetExpenditure,
    generalBudgetBasicExpenditure: basicExpenditureTable({
      number: 6, title: '一般公共预算财政拨款基本支出决算明细表', personnel: ECONOMIC_PERSONNEL_2021, operating: ECONOMIC_OPERATING_2021,
      citationPrefix: '表6表式：', note: '本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
    }),
    threePublicExpensesTable: threePublicExpenses, governmentFund, stateCapital,
  },
  sections: {
    staff: true,
    unitComposition: false,
    threePublicExpensesDetails: true,
    procurementAwards: true,
    procurementReserved: false,
    equipmentByKind: true,
    equipmentOver1m: false,
    departmentWideSelfEvaluation: true,
    projectSelfEvaluations: true,
    performanceManagement: false,
    keyWork: true,
    initialBudgetLevel: 'class',
  },
};
