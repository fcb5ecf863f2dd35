// What each subject of the narrative is in the document: its figure this year, its budget,
// its prior-year figure, the total its share is of. The one place that decides which cell
// "本年收入合计" or "公务接待费" means; the checker and the draft both read it.

import { cellKey, type CellGrid } from '../cells';
import type { Quantity } from '../findings';
import { parseAmount, type Cents } from '../money';
import type { TFinalAccounts } from '../schema';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, type TableKind, type Template } from '../templates';
import { describeCell } from './words';

/** "incomeTotal", "class:201", "item:2010601", "itemName::行政运行" (an item not found in the tables). */
export type SubjectKey = string;

export interface Figure {
  value: Cents;
  quantity: Quantity;
  /** Cell keys (cellKey) or document paths ("comparisons.priorYear.agencyOperatingCosts"). */
  refs: readonly string[];
  /** The figure in words, built only for a message. */
  describe: () => string;
}

export interface Fact {
  key: SubjectKey;
  /** The subject in words: "本年收入合计", "201 一般公共服务支出". */
  name: string;
  current?: Figure;
  budget?: Figure;
  prior?: Figure;
  count?: Figure;
  score?: Figure;
  /** A share of one total (占本年支出合计的…), or one member of a set whose shares add to 100%. */
  shareOf?: Figure;
  shareSet?: ShareSetId;
  /** "无…支出" says these are zero. */
  none?: readonly Figure[];
}

export type ShareSetId = 'incomeSources' | 'expenditureKinds' | 'generalBudgetKinds' | 'classes' | 'threePublic';

export interface ShareSet {
  id: ShareSetId;
  members: readonly { key: SubjectKey; figure: Figure }[];
}

const INCOME_SOURCES = {
  higherLevelGrants: '上级补助收入', serviceIncome: '事业收入', operatingIncome: '经营收入', affiliateRemittances: '附属单位上缴收入', otherIncome: '其他收入',
} as const;
const APPROPRIATION_ROWS = {
  generalBudgetAppropriation: '一般公共预算财政拨款收入', governmentFundAppropriation: '政府性基金预算财政拨款收入', stateCapitalAppropriation: '国有资本经营预算财政拨款收入',
} as const;
const EXPENDITURE_KINDS = {
  basic: '基本支出', project: '项目支出', remittancesToHigherLevel: '上缴上级支出', operating: '经营支出', grantsToAffiliates: '对附属单位补助支出',
} as const;
const THREE_PUBLIC_ITEMS = { total: 'Total', overseasTrips: 'OverseasTrips', vehicles: 'Vehicles', vehiclePurchase: 'VehiclePurchase', vehicleOperation: 'VehicleOperation', receptions: 'Receptions' } as const;

type Builder = (book: FactBook, key: SubjectKey) => Omit<Fact, 'key'> | undefined;

/** Lazily built facts of one document; a checker run builds only those the narrative names. */
export class FactBook {
  private readonly facts = new Map<SubjectKey, Fact | undefined>();
  private readonly sets = new Map<ShareSetId, ShareSet>();

  constructor(readonly doc: TFinalAccounts, readonly template: Template, readonly grid: CellGrid) {}

  fact(key: SubjectKey): Fact | undefined {
    if (this.facts.has(key)) return this.facts.get(key);
    const colon = key.indexOf(':');
    const builder = colon < 0 ? FACTS[key] : DYNAMIC[key.slice(0, colon)];
    const built = builder?.(this, key);
    const fact = built ? Object.assign(built, { key }) : undefined;
    this.facts.set(key, fact);
    return fact;
  }

  shareSet(id: ShareSetId): ShareSet {
    let set = this.sets.get(id);
    if (!set) {
      const members = SET_MEMBERS[id](this).flatMap((key) => {
        const figure = this.fact(key)?.current;
        return figure ? [{ key, figure }] : [];
      });
      set = { id, members };
      this.sets.set(id, set);
    }
    return set;
  }

  cell(table: TableKind, row: string, column: string): Figure {
    const key = cellKey(table, row, column);
    return { value: this.grid.at(key), quantity: 'amount', refs: [key], describe: () => describeCell(this.template, this.doc, table, row, column) };
  }

  sum(cells: readonly Figure[], words: string): Figure {
    return { value: cells.reduce((s, c) => s + c.value, 0n), quantity: 'amount', refs: cells.flatMap((c) => c.refs), describe: () => words };
  }

  /** A figure held outside the tables: an amount string or a count, absent when the document has none. */
  path(path: string, value: string | number | undefined, words: string): Figure | undefined {
    if (value === undefined) return undefined;
    const isCount = typeof value === 'number';
    return { value: isCount ? BigInt(value) * 100n : parseAmount(value), quantity: isCount ? 'count' : 'amount', refs: [path], describe: () => words };
  }
}

const summary = (b: FactBook, row: string, column: 'income' | 'expenditure') => b.cell('incomeExpenditureSummary', row, column);
const generalBudget = (b: FactBook, row: string, column: string) => b.cell('generalBudgetExpenditure', row, column);
const prior = (b: FactBook, field: 'totalIncomeExpenditure' | 'appropriationIncomeExpenditure' | 'appropriationExpenditure' | 'agencyOperatingCosts', words: string) =>
  b.path(`comparisons.priorYear.${field}`, b.doc.comparisons.priorYear?.[field], `上年${words}（comparisons.priorYear.${field}）`);

function budgetLine(b: FactBook, code: string, level: 'class' | 'item'): Figure | undefined {
  if (b.template.sections.initialBudgetLevel !== level) return undefined;
  const index = b.doc.comparisons.initialBudget.bySubject.findIndex((line) => line.code === code);
  const line = b.doc.comparisons.initialBudget.bySubject[index];
  return line && b.path(`comparisons.initialBudget.bySubject[${index}].amount`, line.amount, `年初预算 ${code}${line.name ? ` ${line.name}` : ''}`);
}

function threePublic(item: keyof typeof THREE_PUBLIC_ITEMS, name: string, priorField?: 'total' | 'overseasTrips' | 'vehicles' | 'receptions'): Builder {
  const column = THREE_PUBLIC_ITEMS[item];
  return (b) => {
    const actual = b.cell('threePublicExpensesTable', TOTAL_ROW, `actual${column}`);
    const priorValue = priorField && b.doc.comparisons.priorYear?.threePublicExpenses?.[priorField];
    const fact: Omit<Fact, 'key'> = {
      name,
      current: actual,
      budget: b.cell('threePublicExpensesTable', TOTAL_ROW, `budget${column}`),
      prior: priorField && b.path(`comparisons.priorYear.threePublicExpenses.${priorField}`, priorValue, `上年${name}（comparisons.priorYear.threePublicExpenses.${priorField}）`),
    };
    if (item === 'total') fact.none = [actual];
    else if (priorField) {
      fact.shareSet = 'threePublic';
      fact.shareOf = b.cell('threePublicExpensesTable', TOTAL_ROW, 'actualTotal');
    }
    return fact;
  };
}

function fund(kind: 'governmentFund' | 'stateCapital', column: string, name: string): Builder {
  return (b) => ({ name, current: b.cell(kind, TOTAL_ROW, column) });
}

function counted(path: string, name: string, read: (doc: TFinalAccounts) => number | undefined): Builder {
  return (b) => {
    const count = b.path(path, read(b.doc), name);
    return count && { name, count };
  };
}

const management = (doc: TFinalAccounts) => doc.performance.management;

function covered(part: 'targetSetting' | 'tracking' | 'selfEvaluation', name: string): Builder {
  return (b) => {
    const figures = management(b.doc)?.[part];
    if (!figures) return undefined;
    const path = `performance.management.${part}`;
    return {
      name,
      count: b.path(`${path}.projects`, figures.projects, `${name}个数（${path}.projects）`),
      current: b.path(`${path}.amount`, figures.amount, `${name}预算金额（${path}.amount）`),
      ...(part === 'selfEvaluation' ? { score: b.path(`${path}.averageScore`, management(b.doc)?.selfEvaluation.averageScore, `平均得分（${path}.averageScore）`) } : {}),
    };
  };
}

function procurement(field: 'total' | 'goods' | 'works' | 'services' | 'toSmes' | 'toSmallAndMicro', name: string, shareOf?: 'total' | 'toSmes'): Builder {
  return (b) => {
    const current = b.path(`procurement.${field}`, b.doc.procurement[field], `${name}（procurement.${field}）`);
    if (!current) return undefined;
    const base = shareOf && b.path(`procurement.${shareOf}`, b.doc.procurement[shareOf], `procurement.${shareOf}`);
    return { name, current, ...(base ? { shareOf: base } : {}) };
  };
}

type Reserved = NonNullable<TFinalAccounts['procurement']['reserved']>;
const reserved = (field: keyof Reserved, name: string): Builder => (b) => {
  const current = b.path(`procurement.reserved.${field}`, b.doc.procurement.reserved?.[field], `${name}（procurement.reserved.${field}）`);
  return current && { name, current };
};

type VehicleKind = keyof TFinalAccounts['assets']['vehiclesByKind'];
const vehicles = (kind: VehicleKind, name: string): Builder => counted(`assets.vehiclesByKind.${kind}`, name, (doc) => doc.assets.vehiclesByKind[kind]);

const FACTS: Readonly<Record<SubjectKey, Builder>> = {
  totalIncomeExpenditure: (b) => ({ name: '收入支出总计', current: summary(b, 'incomeGrandTotal', 'income'), prior: prior(b, 'totalIncomeExpenditure', '收入支出总计') }),
  appropriationTotal: (b) => ({ name: '财政拨款收入支出总计', current: b.cell('appropriationSummary', 'incomeGrandTotal', 'income'), prior: prior(b, 'appropriationIncomeExpenditure', '财政拨款收入支出总计') }),
  incomeTotal: (b) => ({ name: '本年收入合计', current: summary(b, 'incomeTotal', 'income') }),
  expenditureTotal: (b) => ({ name: '本年支出合计', current: summary(b, 'expenditureTotal', 'expenditure') }),
  appropriationIncome: (b) => ({
    name: '财政拨款收入',
    current: b.sum(Object.keys(APPROPRIATION_ROWS).map((row) => summary(b, row, 'income')), `${describeCell(b.template, b.doc, 'incomeExpenditureSummary', 'generalBudgetAppropriation', 'income')}等三项财政拨款收入之和`),
    shareSet: 'incomeSources',
    shareOf: summary(b, 'incomeTotal', 'income'),
  }),
  ...Object.fromEntries(Object.entries(APPROPRIATION_ROWS).map(([row, name]): [string, Builder] =>
    [`income.${row}`, (b) => ({ name, current: summary(b, row, 'income'), shareOf: summary(b, 'incomeTotal', 'income') })])),
  ...Object.fromEntries(Object.entries(INCOME_SOURCES).map(([row, name]): [string, Builder] =>
    [`income.${row}`, (b) => ({ name, current: summary(b, row, 'income'), shareSet: 'incomeSources', shareOf: summary(b, 'incomeTotal', 'income') })])),
  ...Object.fromEntries(Object.entries(EXPENDITURE_KINDS).map(([column, name]): [string, Builder] =>
    [`expenditure.${column}`, (b) => ({ name, current: b.cell('expenditure', TOTAL_ROW, column), shareSet: 'expenditureKinds', shareOf: b.cell('expenditure', TOTAL_ROW, 'total') })])),
  generalBudget: (b) => ({
    name: '一般公共预算财政拨款支出',
    current: generalBudget(b, TOTAL_ROW, 'total'),
    budget: b.path('comparisons.initialBudget.generalPublicBudgetExpenditure', b.doc.comparisons.initialBudget.generalPublicBudgetExpenditure, '一般公共预算财政拨款支出年初预算（comparisons.initialBudget.generalPublicBudgetExpenditure）'),
    prior: prior(b, 'appropriationExpenditure', '一般公共预算财政拨款支出'),
    shareOf: summary(b, 'expenditureTotal', 'expenditure'),
  }),
  'generalBudget.basic': (b) => ({ name: '一般公共预算财政拨款基本支出', current: generalBudget(b, TOTAL_ROW, 'basic'), shareSet: 'generalBudgetKinds', shareOf: generalBudget(b, TOTAL_ROW, 'total') }),
  'generalBudget.project': (b) => ({ name: '一般公共预算财政拨款项目支出', current: generalBudget(b, TOTAL_ROW, 'project'), shareSet: 'generalBudgetKinds', shareOf: generalBudget(b, TOTAL_ROW, 'total') }),
  personnel: (b) => ({ name: '人员经费', current: b.cell('generalBudgetBasicExpenditure', PERSONNEL_TOTAL_ROW, 'amount') }),
  operating: (b) => ({ name: '公用经费', current: b.cell('generalBudgetBasicExpenditure', OPERATING_TOTAL_ROW, 'amount') }),
  'three.total': threePublic('total', '“三公”经费', 'total'),
  'three.overseasTrips': threePublic('overseasTrips', '因公出国（境）费', 'overseasTrips'),
  'three.vehicles': threePublic('vehicles', '公务用车购置及运行费', 'vehicles'),
  'three.vehiclePurchase': threePublic('vehiclePurchase', '公务用车购置费'),
  'three.vehicleOperation': threePublic('vehicleOperation', '公务用车运行费'),
  'three.receptions': threePublic('receptions', '公务接待费', 'receptions'),
  'three.vehiclesPurchased': counted('threePublicExpenses.vehiclesPurchased', '本年度购置（更新）公务用车', (doc) => doc.threePublicExpenses?.vehiclesPurchased),
  'three.vehiclesHeld': counted('threePublicExpenses.vehiclesHeld', '公务用车保有量', (doc) => doc.threePublicExpenses?.vehiclesHeld),
  'fund.all': (b) => ({ name: '政府性基金预算财政拨款收入和支出', none: [b.cell('governmentFund', TOTAL_ROW, 'income'), b.cell('governmentFund', TOTAL_ROW, 'expenditureTotal')] }),
  'capital.all': (b) => ({ name: '国有资本经营预算财政拨款收入和支出', none: [b.cell('stateCapital', TOTAL_ROW, 'income'), b.cell('stateCapital', TOTAL_ROW, 'expenditureTotal')] }),
  'fund.openingBalance': fund('governmentFund', 'openingBalance', '政府性基金年初结转和结余'),
  'fund.income': fund('governmentFund', 'income', '政府性基金本年收入'),
  'fund.expenditure': fund('governmentFund', 'expenditureTotal', '政府性基金本年支出'),
  'fund.closingBalance': fund('governmentFund', 'closingBalance', '政府性基金年末结转和结余'),
  'capital.openingBalance': fund('stateCapital', 'openingBalance', '国有资本经营年初结转和结余'),
  'capital.income': fund('stateCapital', 'income', '国有资本经营本年收入'),
  'capital.expenditure': fund('stateCapital', 'expenditureTotal', '国有资本经营本年支出'),
  'capital.closingBalance': fund('stateCapital', 'closingBalance', '国有资本经营年末结转和结余'),
  agencyOperatingCosts: (b) => ({
    name: '机关运行经费',
    current: b.path('agencyOperatingCosts', b.doc.agencyOperatingCosts, '机关运行经费（agencyOperatingCosts）'),
    prior: prior(b, 'agencyOperatingCosts', '机关运行经费'),
  }),
  'procurement.total': procurement('total', '政府采购支出总额'),
  'procurement.goods': procurement('goods', '货物采购'),
  'procurement.works': procurement('works', '工程采购'),
  'procurement.services': procurement('services', '服务采购'),
  'procurement.toSmes': procurement('toSmes', '授予中小企业合同金额', 'total'),
  'procurement.toSmallAndMicro': procurement('toSmallAndMicro', '授予小微企业合同金额', 'toSmes'),
  'procurement.reserved.forSmes': reserved('forSmes', '面向中小企业预留项目预算金额'),
  'procurement.reserved.forSmallAndMicro': reserved('forSmallAndMicro', '面向小微企业预留项目预算金额'),
  'procurement.reserved.awardedToSmes': reserved('awardedToSmes', '预留项目中由中小企业中标或成交的金额'),
  'procurement.reserved.awardedToSmallAndMicro': reserved('awardedToSmallAndMicro', '预留项目中由小微企业中标或成交的金额'),
  'procurement.reserved.otherAwardedToSmes': reserved('otherAwardedToSmes', '其他项目中由中小企业中标或成交的金额'),
  'assets.vehicles': counted('assets.vehicles', '车辆', (doc) => doc.assets.vehicles),
  'assets.ministerialLeaders': vehicles('ministerialLeaders', '部级领导干部用车'),
  'assets.principalLeaders': vehicles('principalLeaders', '主要领导干部用车'),
  'assets.confidentialCommunications': vehicles('confidentialCommunications', '机要通信用车'),
  'assets.emergency': vehicles('emergency', '应急保障用车'),
  'assets.lawEnforcement': vehicles('lawEnforcement', '执法执勤用车'),
  'assets.specialTechnical': vehicles('specialTechnical', '特种专业技术用车'),
  'assets.retiredCadres': vehicles('retiredCadres', '离退休干部用车'),
  'assets.other': vehicles('other', '其他用车'),
  'assets.generalEquipmentOver500k': counted('assets.generalEquipmentOver500k', '单价50万元以上通用设备', (doc) => doc.assets.generalEquipmentOver500k),
  'assets.specialEquipmentOver1m': counted('assets.specialEquipmentOver1m', '单价100万元以上专用设备', (doc) => doc.assets.specialEquipmentOver1m),
  'assets.equipmentOver1m': counted('assets.equipmentOver1m', '单价100万元以上设备（不含车辆）', (doc) => doc.assets.equipmentOver1m),
  'performance.targetSetting': covered('targetSetting', '编报绩效目标的项目'),
  'performance.tracking': covered('tracking', '绩效跟踪评价的项目'),
  'performance.selfEvaluation': covered('selfEvaluation', '绩效自评的项目'),
  'performance.ratings.excellent': counted('performance.management.ratings.excellent', '绩效评级为“优”的项目', (doc) => management(doc)?.ratings.excellent),
  'performance.ratings.good': counted('performance.management.ratings.good', '绩效评级为“良”的项目', (doc) => management(doc)?.ratings.good),
  'performance.ratings.pass': counted('performance.management.ratings.pass', '绩效评级为“合格”的项目', (doc) => management(doc)?.ratings.pass),
  'performance.ratings.fail': counted('performance.management.ratings.fail', '绩效评级为“不合格”的项目', (doc) => management(doc)?.ratings.fail),
  'performance.problems.found': counted('performance.management.problems.found', '发现问题', (doc) => management(doc)?.problems.found),
  'performance.problems.fixed': counted('performance.management.problems.fixed', '已完成整改的问题', (doc) => management(doc)?.problems.fixed),
  'performance.problems.fixing': counted('performance.management.problems.fixing', '正在整改的问题', (doc) => management(doc)?.problems.fixing),
};

/** Subjects named by a functional code: the class or item rows of 一般公共预算财政拨款支出决算表. */
const DYNAMIC: Readonly<Record<string, Builder>> = {
  class: (b, key) => {
    const code = key.slice('class:'.length);
    return {
      name: functionalName(b, code),
      current: generalBudget(b, code, 'total'),
      budget: budgetLine(b, code, 'class'),
      shareSet: 'classes',
      shareOf: generalBudget(b, TOTAL_ROW, 'total'),
    };
  },
  item: (b, key) => {
    const code = key.slice('item:'.length);
    return { name: functionalName(b, code), current: generalBudget(b, code, 'total'), budget: budgetLine(b, code, 'item') };
  },
  itemName: (_b, key) => ({ name: key.slice(key.lastIndexOf(':') + 1) }),
};

function functionalName(b: FactBook, code: string): string {
  const row = b.doc.tables.generalBudgetExpenditure.rows.find((r) => r.row === code);
  return `${code} ${row?.name ?? b.doc.comparisons.initialBudget.bySubject.find((l) => l.code === code)?.name ?? ''}`.trim();
}

const SET_MEMBERS: Readonly<Record<ShareSetId, (b: FactBook) => SubjectKey[]>> = {
  incomeSources: () => ['appropriationIncome', ...Object.keys(INCOME_SOURCES).map((s) => `income.${s}`)],
  expenditureKinds: () => Object.keys(EXPENDITURE_KINDS).map((k) => `expenditure.${k}`),
  generalBudgetKinds: () => ['generalBudget.basic', 'generalBudget.project'],
  classes: (b) => b.doc.tables.generalBudgetExpenditure.rows.filter((r) => r.row.length === 3).map((r) => `class:${r.row}`),
  threePublic: () => ['three.overseasTrips', 'three.vehicles', 'three.receptions'],
};
