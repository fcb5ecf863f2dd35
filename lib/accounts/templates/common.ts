// Pieces the templates share: the row keys every layout uses for the same line, and builders
// for the rows a layout prints. A row key names what the line is, so a rule written once over
// keys applies to every template that prints the line.

import { FUNCTIONAL_CLASSES } from '../classification';
import { TOTAL_ROW, plus, type ColumnDefinition, type Identity, type RowDefinition, type TableTemplate, type Term } from './types';

export const CHINESE_ORDINALS = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六',
  '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六',
];

/** 收入支出决算总表: the income sources in printed order. */
export const INCOME_SOURCES = [
  ['generalBudgetAppropriation', '一、一般公共预算财政拨款收入'],
  ['governmentFundAppropriation', '二、政府性基金预算财政拨款收入'],
  ['stateCapitalAppropriation', '三、国有资本经营预算财政拨款收入'],
  ['higherLevelGrants', '四、上级补助收入'],
  ['serviceIncome', '五、事业收入'],
  ['operatingIncome', '六、经营收入'],
  ['affiliateRemittances', '七、附属单位上缴收入'],
  ['otherIncome', '八、其他收入'],
] as const;

/** The three appropriations, as rows of 财政拨款收入支出决算总表 and as its expenditure columns. */
export const APPROPRIATIONS = [
  ['generalBudget', '一般公共预算财政拨款'],
  ['governmentFund', '政府性基金预算财政拨款'],
  ['stateCapital', '国有资本经营预算财政拨款'],
] as const;

export const classKeys = (): string[] => FUNCTIONAL_CLASSES.map((subject) => subject.code);

/** The 26 functional classes, printed on the expenditure half of the two summary tables. */
export function classRows(columns: readonly string[], firstNumber?: number): RowDefinition[] {
  return FUNCTIONAL_CLASSES.map((subject, i) => ({
    key: subject.code,
    label: `${CHINESE_ORDINALS[i]}、${subject.name}`,
    ...(firstNumber === undefined ? {} : { number: String(firstNumber + i) }),
    columns,
    side: 'expenditure' as const,
    functionalClass: subject.code,
  }));
}

export function line(key: string, label: string, columns: readonly string[], side: 'income' | 'expenditure', number?: number): RowDefinition {
  return { key, label, columns, side, ...(number === undefined ? {} : { number: String(number) }) };
}

/** Rows numbered from `first` in the order given. */
export function numberedLines(first: number | undefined, lines: readonly (readonly [string, string])[], columns: readonly string[], side: 'income' | 'expenditure'): RowDefinition[] {
  return lines.map(([key, label], i) => line(key, label, columns, side, first === undefined ? undefined : first + i));
}

/** An economic classification layout from [code, name] pairs; 人员经费 classes first. */
export function economicRows(personnel: readonly (readonly [string, string])[], operating: readonly (readonly [string, string])[]): RowDefinition[] {
  return [
    ...personnel.map(([key, label]) => ({ key, label, columns: ['amount'], group: 'personnel' as const })),
    ...operating.map(([key, label]) => ({ key, label, columns: ['amount'], group: 'operating' as const })),
  ];
}

export const functionalTotalRow = (columns: readonly ColumnDefinition[]): RowDefinition =>
  ({ key: TOTAL_ROW, label: '合计', columns: columns.map((c) => c.key) });

export const minus = (key: string): Term => ({ key, sign: -1 });

/** A column identity in one line: target = Σ terms. */
export const columnsSum = (target: string, terms: readonly Term[], citation: string): Identity => ({ kind: 'columns', target, terms, citation });

export const rowsSum = (target: string, terms: readonly Term[], columns: readonly string[], citation: string): Identity =>
  ({ kind: 'rows', target, terms, columns, citation });

export { plus };

/** The six items of the 三公 table; `vehicles` names the operation cost as the layout does (运行费 / 运行维护费). */
function threePublicItems(operation: string): (readonly [string, string])[] {
  return [
    ['Total', '合计'], ['OverseasTrips', '因公出国（境）费'], ['Vehicles', `公务用车购置及${operation} 小计`],
    ['VehiclePurchase', '公务用车购置费'], ['VehicleOperation', `公务用车${operation}`], ['Receptions', '公务接待费'],
  ];
}

/**
 * The 三公 table: one row, twelve columns keyed by what they hold (budgetTotal … actualReceptions).
 * Layouts differ in the words, in the order (all 预算数 then all 决算数, or item by item) and in
 * whether 栏次 are printed; the four identities are the same, cited in the layout's words.
 */
export function threePublicExpensesTable(layout: {
  number: number; title: string; operation: string; order: 'budgetFirst' | 'alternating'; numbered: boolean;
  citations: readonly [budgetTotal: string, budgetVehicles: string, actualTotal: string, actualVehicles: string]; note: string;
}): TableTemplate {
  const items = threePublicItems(layout.operation);
  const budget = items.map(([item, label]) => ({ key: `budget${item}`, label: `预算数 ${label}` }));
  const actual = items.map(([item, label]) => ({ key: `actual${item}`, label: `决算数 ${label}` }));
  const ordered = layout.order === 'budgetFirst' ? [...budget, ...actual] : budget.flatMap((column, i) => [column, actual[i] ?? column]);
  const columns = ordered.map((column, i) => (layout.numbered ? { ...column, number: String(i + 1) } : column));
  return {
    kind: 'threePublicExpensesTable',
    number: layout.number,
    title: layout.title,
    rowKind: 'single',
    columns,
    rows: [{ key: 'total', label: '', columns: columns.map((c) => c.key) }],
    identities: [
      columnsSum('budgetTotal', plus('budgetOverseasTrips', 'budgetVehicles', 'budgetReceptions'), layout.citations[0]),
      columnsSum('budgetVehicles', plus('budgetVehiclePurchase', 'budgetVehicleOperation'), layout.citations[1]),
      columnsSum('actualTotal', plus('actualOverseasTrips', 'actualVehicles', 'actualReceptions'), layout.citations[2]),
      columnsSum('actualVehicles', plus('actualVehiclePurchase', 'actualVehicleOperation'), layout.citations[3]),
    ],
    note: layout.note,
  };
}
