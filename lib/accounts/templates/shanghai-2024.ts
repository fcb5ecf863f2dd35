// The layout of the Shanghai 普陀区 2024 final accounts (three published documents). No table
// prints 栏次 or 行次, so rows are known by their labels; no identity is printed under a table,
// so the citations name the structure the layout implies ("表式"). The next year's layout is
// this object with its differences: `{ ...SHANGHAI_2024, id: 'shanghai-2025', fiscalYear: 2025, … }`.

import { ECONOMIC_OPERATING_2021, ECONOMIC_PERSONNEL_2021, basicExpenditureTable } from './hubei-2021';
import { APPROPRIATIONS, INCOME_SOURCES, classKeys, classRows, columnsSum, functionalTotalRow, line, minus, numberedLines, plus, rowsSum, threePublicExpensesTable } from './common';
import type { ColumnDefinition, TableTemplate, Template } from './types';

const col = (key: string, label: string): ColumnDefinition => ({ key, label });
const structure = (table: string, text: string) => `上海格式${table}表式：${text}`;

const incomeExpenditureSummary: TableTemplate = {
  kind: 'incomeExpenditureSummary',
  number: 1,
  title: '收入支出决算总表',
  rowKind: 'lines',
  columns: [col('income', '决算数'), col('expenditure', '决算数')],
  rows: [
    ...numberedLines(undefined, INCOME_SOURCES, ['income'], 'income'),
    ...numberedLines(undefined, [
      ['incomeTotal', '本年收入合计'], ['nonAppropriationBalanceUsed', '使用非财政拨款结余'],
      ['openingBalance', '年初结转和结余'], ['incomeGrandTotal', '总计'],
    ], ['income'], 'income'),
    ...classRows(['expenditure']),
    ...numberedLines(undefined, [
      ['expenditureTotal', '本年支出合计'], ['balanceDistribution', '结余分配'],
      ['closingBalance', '年末结转和结余'], ['expenditureGrandTotal', '总计'],
    ], ['expenditure'], 'expenditure'),
  ],
  identities: [
    rowsSum('incomeTotal', plus(...INCOME_SOURCES.map(([key]) => key)), ['income'], structure('收入支出决算总表', '本年收入合计＝一至八项收入之和')),
    rowsSum('incomeGrandTotal', plus('incomeTotal', 'nonAppropriationBalanceUsed', 'openingBalance'), ['income'], structure('收入支出决算总表', '收入总计＝本年收入合计＋使用非财政拨款结余＋年初结转和结余')),
    rowsSum('expenditureTotal', plus(...classKeys()), ['expenditure'], structure('收入支出决算总表', '本年支出合计＝各类支出之和')),
    rowsSum('expenditureGrandTotal', plus('expenditureTotal', 'balanceDistribution', 'closingBalance'), ['expenditure'], structure('收入支出决算总表', '支出总计＝本年支出合计＋结余分配＋年末结转和结余')),
  ],
  note: '本表反映部门本年度的总收支和年末结转结余情况。',
};

const incomeColumns = [
  col('total', '本年收入合计'), col('appropriation', '财政拨款收入'), col('higherLevelGrants', '上级补助收入'),
  col('serviceIncome', '事业收入'), col('operatingIncome', '经营收入'), col('affiliateRemittances', '附属单位上缴收入'), col('otherIncome', '其他收入'),
];

const expenditureColumns = [
  col('total', '本年支出合计'), col('basic', '基本支出'), col('project', '项目支出'), col('remittancesToHigherLevel', '上缴上级支出'),
  col('operating', '经营支出'), col('grantsToAffiliates', '对附属单位补助支出'),
];

const appropriationColumns = ['total', 'generalBudget', 'governmentFund', 'stateCapital'] as const;
const capitalised = (key: string): string => `${key[0]?.toUpperCase()}${key.slice(1)}`;

const appropriationSummary: TableTemplate = {
  kind: 'appropriationSummary',
  number: 4,
  title: '财政拨款收入支出决算总表',
  rowKind: 'lines',
  columns: [
    col('income', '决算数'), col('total', '合计'), col('generalBudget', '一般公共预算财政拨款'),
    col('governmentFund', '政府性基金预算财政拨款'), col('stateCapital', '国有资本经营预算财政拨款'),
  ],
  rows: [
    ...numberedLines(undefined, [
      ['generalBudgetAppropriation', '一、一般公共预算财政拨款'], ['governmentFundAppropriation', '二、政府性基金预算财政拨款'],
      ['stateCapitalAppropriation', '三、国有资本经营预算财政拨款'], ['incomeTotal', '本年收入合计'],
      ['openingBalance', '年初财政拨款结转和结余'],
      ...APPROPRIATIONS.map(([key, label], i) => [`openingBalance${capitalised(key)}`, `${['一', '二', '三'][i]}、${label}`] as const),
      ['incomeGrandTotal', '总计'],
    ], ['income'], 'income'),
    ...classRows(appropriationColumns),
    ...numberedLines(undefined, [['expenditureTotal', '本年支出合计'], ['closingBalance', '年末财政拨款结转和结余']], appropriationColumns, 'expenditure'),
    line('expenditureGrandTotal', '总计', appropriationColumns, 'expenditure'),
  ],
  identities: [
    rowsSum('incomeTotal', plus('generalBudgetAppropriation', 'governmentFundAppropriation', 'stateCapitalAppropriation'), ['income'], structure('财政拨款收入支出决算总表', '本年收入合计＝三类财政拨款收入之和')),
    rowsSum('openingBalance', plus('openingBalanceGeneralBudget', 'openingBalanceGovernmentFund', 'openingBalanceStateCapital'), ['income'], structure('财政拨款收入支出决算总表', '年初财政拨款结转和结余＝三类财政拨款年初结转和结余之和')),
    rowsSum('incomeGrandTotal', plus('incomeTotal', 'openingBalance'), ['income'], structure('财政拨款收入支出决算总表', '收入总计＝本年收入合计＋年初财政拨款结转和结余')),
    rowsSum('expenditureTotal', plus(...classKeys()), appropriationColumns, structure('财政拨款收入支出决算总表', '本年支出合计＝各类支出之和')),
    rowsSum('expenditureGrandTotal', plus('expenditureTotal', 'closingBalance'), appropriationColumns, structure('财政拨款收入支出决算总表', '支出总计＝本年支出合计＋年末财政拨款结转和结余')),
    columnsSum('total', plus('generalBudget', 'governmentFund', 'stateCapital'), structure('财政拨款收入支出决算总表', '支出“合计”栏＝三类财政拨款栏之和')),
  ],
  note: '本表反映部门本年度财政拨款总收支和结转结余情况。',
};

const basicProjectColumns = [col('total', '合计'), col('basic', '基本支出'), col('project', '项目支出')];

/** 2024 adds 31001, 31019, 31021 and 31022 to the 2021 资本性支出 lines. */
const ECONOMIC_OPERATING_2024 = [
  ...ECONOMIC_OPERATING_2021.filter(([code]) => !code.startsWith('310')),
  ['310', '资本性支出'], ['31001', '房屋建筑物购建'], ['31002', '办公设备购置'], ['31003', '专用设备购置'],
  ['31007', '信息网络及软件购置更新'], ['31013', '公务用车购置'], ['31019', '其他交通工具购置'],
  ['31021', '文物和陈列品购置'], ['31022', '无形资产购置'], ['31099', '其他资本性支出'],
] as const;

const threePublicExpenses = threePublicExpensesTable({
  number: 7,
  title: '财政拨款“三公”经费支出决算表',
  operation: '运行维护费',
  order: 'alternating',
  numbered: false,
  citations: [
    structure('“三公”经费支出决算表', '预算数合计＝因公出国（境）费＋公务用车购置及运行维护费＋公务接待费'),
    structure('“三公”经费支出决算表', '公务用车购置及运行维护费预算数＝购置费＋运行维护费'),
    structure('“三公”经费支出决算表', '决算数合计＝因公出国（境）费＋公务用车购置及运行维护费＋公务接待费'),
    structure('“三公”经费支出决算表', '公务用车购置及运行维护费决算数＝购置费＋运行维护费'),
  ],
  note: '本表反映部门本年度“三公”经费支出预决算情况。',
});

const fundColumns = [
  col('openingBalance', '年初结转和结余'), col('income', '本年收入'), col('expenditureTotal', '本年支出 小计'),
  col('basic', '本年支出 基本支出'), col('project', '本年支出 项目支出'), col('closingBalance', '年末结转和结余'),
];

function fundTable(kind: 'governmentFund' | 'stateCapital', number: number, title: string, what: string): TableTemplate {
  return {
    kind,
    number,
    title,
    rowKind: 'functional',
    columns: fundColumns,
    rows: [functionalTotalRow(fundColumns)],
    identities: [
      columnsSum('closingBalance', [...plus('openingBalance', 'income'), minus('expenditureTotal')], structure(title, '年末结转和结余＝年初结转和结余＋本年收入－本年支出')),
      columnsSum('expenditureTotal', plus('basic', 'project'), structure(title, '本年支出小计＝基本支出＋项目支出')),
    ],
    note: `本表反映部门本年度${what}收入支出及结转和结余情况。`,
  };
}

export const SHANGHAI_2024: Template = {
  id: 'shanghai-2024',
  family: 'shanghai',
  fiscalYear: 2024,
  name: '上海市区级部门决算公开格式（2024 年度）',
  tableReference: 'title',
  order: [
    'incomeExpenditureSummary', 'income', 'expenditure', 'appropriationSummary', 'generalBudgetExpenditure',
    'generalBudgetBasicExpenditure', 'threePublicExpensesTable', 'governmentFund', 'stateCapital',
  ],
  tables: {
    incomeExpenditureSummary,
    income: {
      kind: 'income', number: 2, title: '收入决算表', rowKind: 'functional', columns: incomeColumns, rows: [functionalTotalRow(incomeColumns)],
      identities: [columnsSum('total', plus('appropriation', 'higherLevelGrants', 'serviceIncome', 'operatingIncome', 'affiliateRemittances', 'otherIncome'), structure('收入决算表', '本年收入合计＝各项收入之和'))],
      note: '本表反映部门本年度取得的各项收入情况。',
    },
    expenditure: {
      kind: 'expenditure', number: 3, title: '支出决算表', rowKind: 'functional', columns: expenditureColumns, rows: [functionalTotalRow(expenditureColumns)],
      identities: [columnsSum('total', plus('basic', 'project', 'remittancesToHigherLevel', 'operating', 'grantsToAffiliates'), structure('支出决算表', '本年支出合计＝各项支出之和'))],
      note: '本表反映部门本年度各项支出情况。',
    },
    appropriationSummary,
    generalBudgetExpenditure: {
      kind: 'generalBudgetExpenditure', number: 5, title: '一般公共预算财政拨款支出决算表', rowKind: 'functional', columns: basicProjectColumns,
      rows: [functionalTotalRow(basicProjectColumns)],
      identities: [columnsSum('total', plus('basic', 'project'), structure('一般公共预算财政拨款支出决算表', '合计＝基本支出＋项目支出'))],
      note: '本表反映部门本年度一般公共预算财政拨款支出情况。',
    },
    generalBudgetBasicExpenditure: basicExpenditureTable({
      number: 6, title: '一般公共预算财政拨款基本支出决算表', personnel: ECONOMIC_PERSONNEL_2021, operating: ECONOMIC_OPERATING_2024,
      citationPrefix: structure('一般公共预算财政拨款基本支出决算表', ''), note: '本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
    }),
    threePublicExpensesTable: threePublicExpenses,
    governmentFund: fundTable('governmentFund', 8, '政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
    stateCapital: fundTable('stateCapital', 9, '国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款'),
  },
  sections: {
    staff: false,
    unitComposition: true,
    threePublicExpensesDetails: false,
    procurementAwards: false,
    procurementReserved: true,
    equipmentByKind: false,
    equipmentOver1m: true,
    departmentWideSelfEvaluation: false,
    projectSelfEvaluations: false,
    performanceManagement: true,
    keyWork: false,
    initialBudgetLevel: 'item',
  },
};
