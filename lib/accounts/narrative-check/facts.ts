// What each subject of the narrative is in the document: its figure this year, its budget,
// its prior-year figure, the total its share is of. The one place that decides which cell
// "本年收入合计" or "公务接待费" means; the checker and the draft both read it. The facts are
// data (FACTS: where each figure is read), read per document only as far as a claim asks.

import { cellKey, type CellGrid } from '../cells';
import type { Quantity } from '../findings';
import { parseAmount, type Cents } from '../money';
import { sharesOf } from '../narrative';
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
  /** The members' sum. */
  total: Cents;
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

/** Where a figure of a fact is read; built once per module, read per document. */
type Source =
  /** slot: a cell every document has, numbered once, so a document reads it from the grid once. */
  | { kind: 'cell'; table: TableKind; row: string; column: string; key: string; refs: readonly string[]; slot?: number }
  | { kind: 'path'; path: string; refs: readonly string[]; read: (doc: TFinalAccounts) => string | number | undefined; words: string }
  | { kind: 'sum'; cells: readonly CellSource[]; words: (book: FactBook) => string }
  /** A line of the initial budget by functional subject, where the layout budgets at this level. */
  | { kind: 'budgetLine'; code: string; level: 'class' | 'item' };
type CellSource = Extract<Source, { kind: 'cell' }>;

/** A fact as data: its name and where each of its figures is read. */
interface FactSpec {
  name: string;
  /** A functional class or item: the name is its code and the name the document prints for it. */
  code?: string;
  current?: Source;
  budget?: Source;
  prior?: Source;
  count?: Source;
  score?: Source;
  shareOf?: Source;
  shareSet?: ShareSetId;
  none?: readonly Source[];
  /** The fact exists only where the document holds this figure. */
  requires?: 'current' | 'count';
  /** The fact exists only where this holds. */
  when?: (doc: TFinalAccounts) => boolean;
}

/** A figure of the tables, described only for a message. */
class CellFigure implements Figure {
  readonly quantity: Quantity = 'amount';
  readonly refs: readonly string[];

  constructor(private readonly book: FactBook, private readonly source: CellSource, readonly value: Cents) {
    this.refs = source.refs;
  }

  describe(): string {
    return describeCell(this.book.template, this.book.doc, this.source.table, this.source.row, this.source.column);
  }
}

/** A figure held outside the tables, or a sum of figures, with its words. */
class WordedFigure implements Figure {
  constructor(readonly value: Cents, readonly quantity: Quantity, readonly refs: readonly string[], private readonly words: string) {}

  describe(): string {
    return this.words;
  }
}

/** A sum of cells, its words built from the document only for a message. */
class SumFigure implements Figure {
  readonly quantity: Quantity = 'amount';

  constructor(private readonly book: FactBook, readonly value: Cents, readonly refs: readonly string[], private readonly words: (book: FactBook) => string) {}

  describe(): string {
    return this.words(this.book);
  }
}

/**
 * A fact of one document as its spec says: each figure is looked up when first asked for, so
 * a claim about an amount never reads the budget or the prior year.
 */
class ReadFact implements Fact {
  // Each figure once read: undefined not read yet, null absent.
  private currentFigure?: Figure | null;
  private budgetFigure?: Figure | null;
  private priorFigure?: Figure | null;
  private countFigure?: Figure | null;
  private scoreFigure?: Figure | null;
  private shareOfFigure?: Figure | null;
  private noneFigures?: readonly Figure[];
  private functionalName?: string;

  constructor(private readonly book: FactBook, readonly key: SubjectKey, private readonly spec: FactSpec) {}

  private figure(source: Source | undefined): Figure | null {
    return source ? this.book.figureAt(source) ?? null : null;
  }

  get name(): string {
    const { code } = this.spec;
    return code === undefined ? this.spec.name : (this.functionalName ??= functionalName(this.book, code));
  }

  get current(): Figure | undefined {
    if (this.currentFigure === undefined) this.currentFigure = this.figure(this.spec.current);
    return this.currentFigure ?? undefined;
  }

  get budget(): Figure | undefined {
    if (this.budgetFigure === undefined) this.budgetFigure = this.figure(this.spec.budget);
    return this.budgetFigure ?? undefined;
  }

  get prior(): Figure | undefined {
    if (this.priorFigure === undefined) this.priorFigure = this.figure(this.spec.prior);
    return this.priorFigure ?? undefined;
  }

  get count(): Figure | undefined {
    if (this.countFigure === undefined) this.countFigure = this.figure(this.spec.count);
    return this.countFigure ?? undefined;
  }

  get score(): Figure | undefined {
    if (this.scoreFigure === undefined) this.scoreFigure = this.figure(this.spec.score);
    return this.scoreFigure ?? undefined;
  }

  get shareOf(): Figure | undefined {
    if (this.shareOfFigure === undefined) this.shareOfFigure = this.figure(this.spec.shareOf);
    return this.shareOfFigure ?? undefined;
  }

  get shareSet(): ShareSetId | undefined {
    return this.spec.shareSet;
  }

  get none(): readonly Figure[] | undefined {
    const { none } = this.spec;
    return none && (this.noneFigures ??= none.flatMap((source) => this.book.figureAt(source) ?? []));
  }
}

/** Lazily built facts of one document; a checker run builds only those the narrative names, and of them only the figures its claims read. */
export class FactBook {
  /** The facts of FACTS by their index there: undefined not read yet, null absent. */
  private readonly known: (Fact | null | undefined)[] = [];
  /** Cell figures by their source's slot. */
  private readonly cells: (CellFigure | undefined)[] = [];
  private readonly facts = new Map<SubjectKey, Fact | undefined>();
  private readonly sets = new Map<ShareSetId, ShareSet>();
  private readonly shareUnits = new Map<ShareSetId, Map<number, readonly bigint[]>>();

  constructor(readonly doc: TFinalAccounts, readonly template: Template, readonly grid: CellGrid) {}

  fact(key: SubjectKey): Fact | undefined {
    const entry = FACTS.get(key);
    if (entry) {
      let fact = this.known[entry.index];
      if (fact === undefined) {
        fact = this.read(key, entry.spec) ?? null;
        this.known[entry.index] = fact;
      }
      return fact ?? undefined;
    }
    let fact = this.facts.get(key);
    if (fact !== undefined || this.facts.has(key)) return fact;
    const colon = key.indexOf(':');
    const spec = colon < 0 ? undefined : DYNAMIC[key.slice(0, colon)]?.(key);
    fact = spec && this.read(key, spec);
    this.facts.set(key, fact);
    return fact;
  }

  private read(key: SubjectKey, spec: FactSpec): Fact | undefined {
    if (spec.when && !spec.when(this.doc)) return undefined;
    const fact = new ReadFact(this, key, spec);
    return spec.requires && !fact[spec.requires] ? undefined : fact;
  }

  shareSet(id: ShareSetId): ShareSet {
    let set = this.sets.get(id);
    if (!set) {
      const members: { key: SubjectKey; figure: Figure }[] = [];
      let total = 0n;
      for (const key of SET_MEMBERS[id](this)) {
        const figure = this.fact(key)?.current;
        if (!figure) continue;
        members.push({ key, figure });
        total += figure.value;
      }
      set = { id, members, total };
      this.sets.set(id, set);
    }
    return set;
  }

  /** The members' shares at `decimals` by largest remainder (sharesOf), worked out once per set and precision. */
  shares(id: ShareSetId, decimals: number): readonly bigint[] {
    let byDecimals = this.shareUnits.get(id);
    if (!byDecimals) {
      byDecimals = new Map();
      this.shareUnits.set(id, byDecimals);
    }
    let units = byDecimals.get(decimals);
    if (!units) {
      units = sharesOf(this.shareSet(id).members.map((m) => m.figure.value), decimals);
      byDecimals.set(decimals, units);
    }
    return units;
  }

  cell(table: TableKind, row: string, column: string): Figure {
    return this.at(cellSource(table, row, column));
  }

  sum(cells: readonly Figure[], words: string): Figure {
    return new WordedFigure(cells.reduce((s, c) => s + c.value, 0n), 'amount', cells.flatMap((c) => c.refs), words);
  }

  /** A figure held outside the tables: an amount string or a count, absent when the document has none. */
  path(path: string, value: string | number | undefined, words: string): Figure | undefined {
    return held([path], value, words);
  }

  /** The figure a spec's source names in this document. */
  figureAt(source: Source): Figure | undefined {
    switch (source.kind) {
      case 'cell':
        return this.at(source);
      case 'path':
        return held(source.refs, source.read(this.doc), source.words);
      case 'budgetLine':
        return budgetLine(this, source.code, source.level);
      case 'sum': {
        let value = 0n;
        const refs: string[] = [];
        for (const cell of source.cells) {
          value += this.grid.at(cell.key);
          refs.push(cell.key);
        }
        return new SumFigure(this, value, refs, source.words);
      }
    }
  }

  private at(source: CellSource): CellFigure {
    const { slot } = source;
    if (slot === undefined) return new CellFigure(this, source, this.grid.at(source.key));
    let figure = this.cells[slot];
    if (!figure) {
      figure = new CellFigure(this, source, this.grid.at(source.key));
      this.cells[slot] = figure;
    }
    return figure;
  }
}

/** A figure held outside the tables: an amount string or a count (×100, as cents are), absent when the document has none. */
function held(refs: readonly string[], value: string | number | undefined, words: string): Figure | undefined {
  if (value === undefined) return undefined;
  const isCount = typeof value === 'number';
  return new WordedFigure(isCount ? BigInt(value) * 100n : parseAmount(value), isCount ? 'count' : 'amount', refs, words);
}

function cellSource(table: TableKind, row: string, column: string): CellSource {
  const key = cellKey(table, row, column);
  return { kind: 'cell', table, row, column, key, refs: [key] };
}

/** The cells the fixed facts read, one slot each. */
const fixedCells = new Map<string, CellSource>();

/** A cell a fixed fact reads: the same source, and slot, wherever a fact names it. */
function fixedCell(table: TableKind, row: string, column: string): CellSource {
  const key = cellKey(table, row, column);
  let source = fixedCells.get(key);
  if (!source) {
    source = { kind: 'cell', table, row, column, key, refs: [key], slot: fixedCells.size };
    fixedCells.set(key, source);
  }
  return source;
}

const path = (at: string, read: (doc: TFinalAccounts) => string | number | undefined, words: string): Source => ({ kind: 'path', path: at, refs: [at], read, words });
const summary = (row: string, column: 'income' | 'expenditure') => fixedCell('incomeExpenditureSummary', row, column);
const generalBudgetTotal = (column: string) => fixedCell('generalBudgetExpenditure', TOTAL_ROW, column);
const prior = (field: 'totalIncomeExpenditure' | 'appropriationIncomeExpenditure' | 'appropriationExpenditure' | 'agencyOperatingCosts', words: string) =>
  path(`comparisons.priorYear.${field}`, (doc) => doc.comparisons.priorYear?.[field], `上年${words}（comparisons.priorYear.${field}）`);

const INCOME_TOTAL = summary('incomeTotal', 'income');
const GENERAL_BUDGET_TOTAL = generalBudgetTotal('total');

function budgetLine(b: FactBook, code: string, level: 'class' | 'item'): Figure | undefined {
  if (b.template.sections.initialBudgetLevel !== level) return undefined;
  const index = b.doc.comparisons.initialBudget.bySubject.findIndex((line) => line.code === code);
  const line = b.doc.comparisons.initialBudget.bySubject[index];
  return line && b.path(`comparisons.initialBudget.bySubject[${index}].amount`, line.amount, `年初预算 ${code}${line.name ? ` ${line.name}` : ''}`);
}

function threePublic(item: keyof typeof THREE_PUBLIC_ITEMS, name: string, priorField?: 'total' | 'overseasTrips' | 'vehicles' | 'receptions'): FactSpec {
  const column = THREE_PUBLIC_ITEMS[item];
  const actual = fixedCell('threePublicExpensesTable', TOTAL_ROW, `actual${column}`);
  const fact: FactSpec = {
    name,
    current: actual,
    budget: fixedCell('threePublicExpensesTable', TOTAL_ROW, `budget${column}`),
    prior: priorField && path(`comparisons.priorYear.threePublicExpenses.${priorField}`, (doc) => doc.comparisons.priorYear?.threePublicExpenses?.[priorField], `上年${name}（comparisons.priorYear.threePublicExpenses.${priorField}）`),
  };
  if (item === 'total') fact.none = [actual];
  else if (priorField) {
    fact.shareSet = 'threePublic';
    fact.shareOf = fixedCell('threePublicExpensesTable', TOTAL_ROW, 'actualTotal');
  }
  return fact;
}

function fund(kind: 'governmentFund' | 'stateCapital', column: string, name: string): FactSpec {
  return { name, current: fixedCell(kind, TOTAL_ROW, column) };
}

function counted(at: string, name: string, read: (doc: TFinalAccounts) => number | undefined): FactSpec {
  return { name, count: path(at, read, name), requires: 'count' };
}

const management = (doc: TFinalAccounts) => doc.performance.management;

function covered(part: 'targetSetting' | 'tracking' | 'selfEvaluation', name: string): FactSpec {
  const at = `performance.management.${part}`;
  return {
    name,
    when: (doc) => Boolean(management(doc)?.[part]),
    count: path(`${at}.projects`, (doc) => management(doc)?.[part].projects, `${name}个数（${at}.projects）`),
    current: path(`${at}.amount`, (doc) => management(doc)?.[part].amount, `${name}预算金额（${at}.amount）`),
    ...(part === 'selfEvaluation' ? { score: path(`${at}.averageScore`, (doc) => management(doc)?.selfEvaluation.averageScore, `平均得分（${at}.averageScore）`) } : {}),
  };
}

const PROCUREMENT_BASES = { total: '政府采购支出总额', toSmes: '授予中小企业合同金额' } as const;

function procurement(field: 'total' | 'goods' | 'works' | 'services' | 'toSmes' | 'toSmallAndMicro', name: string, shareOf?: keyof typeof PROCUREMENT_BASES): FactSpec {
  return {
    name,
    current: path(`procurement.${field}`, (doc) => doc.procurement[field], `${name}（procurement.${field}）`),
    ...(shareOf ? { shareOf: path(`procurement.${shareOf}`, (doc) => doc.procurement[shareOf], `${PROCUREMENT_BASES[shareOf]}（procurement.${shareOf}）`) } : {}),
    requires: 'current',
  };
}

type Reserved = NonNullable<TFinalAccounts['procurement']['reserved']>;
const reserved = (field: keyof Reserved, name: string): FactSpec =>
  ({ name, current: path(`procurement.reserved.${field}`, (doc) => doc.procurement.reserved?.[field], `${name}（procurement.reserved.${field}）`), requires: 'current' });

type VehicleKind = keyof TFinalAccounts['assets']['vehiclesByKind'];
const vehicles = (kind: VehicleKind, name: string): FactSpec => counted(`assets.vehiclesByKind.${kind}`, name, (doc) => doc.assets.vehiclesByKind[kind]);

const FACT_SPECS = {
  totalIncomeExpenditure: { name: '收入支出总计', current: summary('incomeGrandTotal', 'income'), prior: prior('totalIncomeExpenditure', '收入支出总计') },
  appropriationTotal: { name: '财政拨款收入支出总计', current: fixedCell('appropriationSummary', 'incomeGrandTotal', 'income'), prior: prior('appropriationIncomeExpenditure', '财政拨款收入支出总计') },
  incomeTotal: { name: '本年收入合计', current: INCOME_TOTAL },
  expenditureTotal: { name: '本年支出合计', current: summary('expenditureTotal', 'expenditure') },
  appropriationIncome: {
    name: '财政拨款收入',
    current: {
      kind: 'sum',
      cells: Object.keys(APPROPRIATION_ROWS).map((row) => summary(row, 'income')),
      words: (b: FactBook) => `${describeCell(b.template, b.doc, 'incomeExpenditureSummary', 'generalBudgetAppropriation', 'income')}等三项财政拨款收入之和`,
    },
    shareSet: 'incomeSources',
    shareOf: INCOME_TOTAL,
  },
  ...Object.fromEntries(Object.entries(APPROPRIATION_ROWS).map(([row, name]): [string, FactSpec] =>
    [`income.${row}`, { name, current: summary(row, 'income'), shareOf: INCOME_TOTAL }])),
  ...Object.fromEntries(Object.entries(INCOME_SOURCES).map(([row, name]): [string, FactSpec] =>
    [`income.${row}`, { name, current: summary(row, 'income'), shareSet: 'incomeSources', shareOf: INCOME_TOTAL }])),
  ...Object.fromEntries(Object.entries(EXPENDITURE_KINDS).map(([column, name]): [string, FactSpec] =>
    [`expenditure.${column}`, { name, current: fixedCell('expenditure', TOTAL_ROW, column), shareSet: 'expenditureKinds', shareOf: fixedCell('expenditure', TOTAL_ROW, 'total') }])),
  generalBudget: {
    name: '一般公共预算财政拨款支出',
    current: GENERAL_BUDGET_TOTAL,
    budget: path('comparisons.initialBudget.generalPublicBudgetExpenditure', (doc) => doc.comparisons.initialBudget.generalPublicBudgetExpenditure, '一般公共预算财政拨款支出年初预算（comparisons.initialBudget.generalPublicBudgetExpenditure）'),
    prior: prior('appropriationExpenditure', '一般公共预算财政拨款支出'),
    shareOf: summary('expenditureTotal', 'expenditure'),
  },
  'generalBudget.basic': { name: '一般公共预算财政拨款基本支出', current: generalBudgetTotal('basic'), shareSet: 'generalBudgetKinds', shareOf: GENERAL_BUDGET_TOTAL },
  'generalBudget.project': { name: '一般公共预算财政拨款项目支出', current: generalBudgetTotal('project'), shareSet: 'generalBudgetKinds', shareOf: GENERAL_BUDGET_TOTAL },
  personnel: { name: '人员经费', current: fixedCell('generalBudgetBasicExpenditure', PERSONNEL_TOTAL_ROW, 'amount') },
  operating: { name: '公用经费', current: fixedCell('generalBudgetBasicExpenditure', OPERATING_TOTAL_ROW, 'amount') },
  'three.total': threePublic('total', '“三公”经费', 'total'),
  'three.overseasTrips': threePublic('overseasTrips', '因公出国（境）费', 'overseasTrips'),
  'three.vehicles': threePublic('vehicles', '公务用车购置及运行费', 'vehicles'),
  'three.vehiclePurchase': threePublic('vehiclePurchase', '公务用车购置费'),
  'three.vehicleOperation': threePublic('vehicleOperation', '公务用车运行费'),
  'three.receptions': threePublic('receptions', '公务接待费', 'receptions'),
  'three.vehiclesPurchased': counted('threePublicExpenses.vehiclesPurchased', '本年度购置（更新）公务用车', (doc) => doc.threePublicExpenses?.vehiclesPurchased),
  'three.vehiclesHeld': counted('threePublicExpenses.vehiclesHeld', '公务用车保有量', (doc) => doc.threePublicExpenses?.vehiclesHeld),
  'fund.all': { name: '政府性基金预算财政拨款收入和支出', none: [fixedCell('governmentFund', TOTAL_ROW, 'income'), fixedCell('governmentFund', TOTAL_ROW, 'expenditureTotal')] },
  'capital.all': { name: '国有资本经营预算财政拨款收入和支出', none: [fixedCell('stateCapital', TOTAL_ROW, 'income'), fixedCell('stateCapital', TOTAL_ROW, 'expenditureTotal')] },
  'fund.openingBalance': fund('governmentFund', 'openingBalance', '政府性基金年初结转和结余'),
  'fund.income': fund('governmentFund', 'income', '政府性基金本年收入'),
  'fund.expenditure': fund('governmentFund', 'expenditureTotal', '政府性基金本年支出'),
  'fund.closingBalance': fund('governmentFund', 'closingBalance', '政府性基金年末结转和结余'),
  'capital.openingBalance': fund('stateCapital', 'openingBalance', '国有资本经营年初结转和结余'),
  'capital.income': fund('stateCapital', 'income', '国有资本经营本年收入'),
  'capital.expenditure': fund('stateCapital', 'expenditureTotal', '国有资本经营本年支出'),
  'capital.closingBalance': fund('stateCapital', 'closingBalance', '国有资本经营年末结转和结余'),
  agencyOperatingCosts: {
    name: '机关运行经费',
    current: path('agencyOperatingCosts', (doc) => doc.agencyOperatingCosts, '机关运行经费（agencyOperatingCosts）'),
    prior: prior('agencyOperatingCosts', '机关运行经费'),
  },
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
} satisfies Record<SubjectKey, FactSpec>;

/** The fixed facts by key, each with its index in a book's list. */
const FACTS: ReadonlyMap<SubjectKey, { index: number; spec: FactSpec }> = new Map(Object.entries(FACT_SPECS).map(([key, spec]: [string, FactSpec], index) => [key, { index, spec }]));

/** Subjects named by a functional code: the class or item rows of 一般公共预算财政拨款支出决算表. */
const DYNAMIC: Readonly<Record<string, (key: SubjectKey) => FactSpec>> = {
  class: (key) => {
    const code = key.slice('class:'.length);
    return {
      name: key,
      code,
      current: generalBudgetRow(code),
      budget: { kind: 'budgetLine', code, level: 'class' },
      shareSet: 'classes',
      shareOf: GENERAL_BUDGET_TOTAL,
    };
  },
  item: (key) => {
    const code = key.slice('item:'.length);
    return { name: key, code, current: generalBudgetRow(code), budget: { kind: 'budgetLine', code, level: 'item' } };
  },
  itemName: (key) => ({ name: key.slice(key.lastIndexOf(':') + 1) }),
};

const generalBudgetRow = (code: string): CellSource => cellSource('generalBudgetExpenditure', code, 'total');

function functionalName(b: FactBook, code: string): string {
  const row = b.doc.tables.generalBudgetExpenditure.rows.find((r) => r.row === code);
  return `${code} ${row?.name ?? b.doc.comparisons.initialBudget.bySubject.find((l) => l.code === code)?.name ?? ''}`.trim();
}

const INCOME_SOURCE_KEYS: readonly SubjectKey[] = ['appropriationIncome', ...Object.keys(INCOME_SOURCES).map((s) => `income.${s}`)];
const EXPENDITURE_KIND_KEYS: readonly SubjectKey[] = Object.keys(EXPENDITURE_KINDS).map((k) => `expenditure.${k}`);
const GENERAL_BUDGET_KIND_KEYS: readonly SubjectKey[] = ['generalBudget.basic', 'generalBudget.project'];
const THREE_PUBLIC_KEYS: readonly SubjectKey[] = ['three.overseasTrips', 'three.vehicles', 'three.receptions'];

const SET_MEMBERS: Readonly<Record<ShareSetId, (b: FactBook) => readonly SubjectKey[]>> = {
  incomeSources: () => INCOME_SOURCE_KEYS,
  expenditureKinds: () => EXPENDITURE_KIND_KEYS,
  generalBudgetKinds: () => GENERAL_BUDGET_KIND_KEYS,
  classes: (b) => b.doc.tables.generalBudgetExpenditure.rows.filter((r) => r.row.length === 3).map((r) => `class:${r.row}`),
  threePublic: () => THREE_PUBLIC_KEYS,
};
