// How each layout family words its narrative, for the draft generateNarrative writes: the
// headings and their order, the names of the totals, and the precision of percentages. The
// checker reads every variant here through phrases.ts; a new family is a new entry.

import { formatAmount, toAmountText, type Cents } from '../money';

/** The parts of a narrative the draft writes, one builder each (draft.ts). */
export type Part =
  | 'overall' | 'income' | 'expenditure' | 'appropriation' | 'generalBudget' | 'basic' | 'threePublic'
  | 'governmentFund' | 'stateCapital' | 'performance' | 'agencyOperatingCosts' | 'procurement' | 'assets';

/** A heading and its parts; a part with a sub-heading is printed under it ("（一）机关运行经费支出情况"). */
export type SectionLayout = readonly [heading: string, parts: readonly (Part | readonly [subheading: string, part: Part])[]];

export interface Wording {
  /** Decimals of every printed percentage: "7.5%" or "99.79%". */
  decimals: number;
  amount: (cents: Cents) => string;
  totalIncomeExpenditure: string;
  appropriationTotal: string;
  /** "收、支总计各增加…" */
  both: string;
  generalBudget: string;
  vehicles: string;
  vehicleOperation: string;
  ministerialLeaders: string;
  procurementTotal: string;
  procurementKinds: readonly [goods: string, works: string, services: string];
  sections: readonly SectionLayout[];
}

const HUBEI: Wording = {
  decimals: 1,
  amount: formatAmount,
  totalIncomeExpenditure: '收、支总计',
  appropriationTotal: '财政拨款收、支总计',
  both: '各',
  generalBudget: '财政拨款支出',
  vehicles: '公务用车购置及运行费',
  vehicleOperation: '公务用车运行费',
  ministerialLeaders: '副部（省）级及以上领导用车',
  procurementTotal: '政府采购支出总额',
  procurementKinds: ['政府采购货物支出', '政府采购工程支出', '政府采购服务支出'],
  sections: [
    ['一、收入支出决算总体情况说明', ['overall']],
    ['二、收入决算情况说明', ['income']],
    ['三、支出决算情况说明', ['expenditure']],
    ['四、财政拨款收入支出决算总体情况说明', ['appropriation']],
    ['五、一般公共预算财政拨款支出决算情况说明', ['generalBudget']],
    ['六、一般公共预算财政拨款基本支出决算情况说明', ['basic']],
    ['七、一般公共预算财政拨款“三公”经费支出决算情况说明', ['threePublic']],
    ['八、政府性基金预算财政拨款收入支出决算情况', ['governmentFund']],
    ['九、国有资本经营预算财政拨款支出决算情况', ['stateCapital']],
    ['十、机关运行经费支出情况', ['agencyOperatingCosts']],
    ['十一、政府采购支出情况', ['procurement']],
    ['十二、国有资产占用情况', ['assets']],
  ],
};

const SHANGHAI: Wording = {
  decimals: 2,
  amount: toAmountText,
  totalIncomeExpenditure: '收入支出总计',
  appropriationTotal: '财政拨款收入支出总计',
  both: '',
  generalBudget: '一般公共预算财政拨款支出',
  vehicles: '公务用车购置及运行维护费',
  vehicleOperation: '公务用车运行维护费',
  ministerialLeaders: '部级领导干部用车',
  procurementTotal: '政府采购金额（以合同签订为准）为',
  procurementKinds: ['货物采购金额', '工程采购金额', '服务采购金额'],
  sections: [
    ['一、收入支出决算总体情况说明', ['overall']],
    ['二、收入决算情况说明', ['income']],
    ['三、支出决算情况说明', ['expenditure']],
    ['四、财政拨款收入支出决算总体情况说明', ['appropriation']],
    ['五、一般公共预算财政拨款支出决算情况说明', ['generalBudget']],
    ['六、一般公共预算财政拨款基本支出决算情况说明', ['basic']],
    ['七、财政拨款“三公”经费支出决算情况说明', ['threePublic']],
    ['八、政府性基金预算财政拨款收入支出决算情况说明', ['governmentFund']],
    ['九、国有资本经营预算财政拨款收入支出决算情况说明', ['stateCapital']],
    ['十、预算绩效管理情况', ['performance']],
    ['十一、其他重要事项的情况说明', [
      ['（一）机关运行经费支出情况', 'agencyOperatingCosts'],
      ['（二）政府采购支出情况', 'procurement'],
      ['（三）国有资产占有使用情况说明', 'assets'],
    ]],
  ],
};

export const WORDINGS: Readonly<Record<string, Wording>> = { hubei: HUBEI, shanghai: SHANGHAI };

export function wordingFor(family: string): Wording {
  return WORDINGS[family] ?? SHANGHAI;
}
