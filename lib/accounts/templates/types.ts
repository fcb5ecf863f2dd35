// What a template is: for one (fiscal year, family) layout, each table's printed number, title,
// columns, rows and printed identities, and which optional sections the document has. The nine
// tables are known by their kind (what they are), never by their printed number.

export const TABLE_KINDS = [
  'incomeExpenditureSummary', 'income', 'expenditure', 'appropriationSummary', 'generalBudgetExpenditure',
  'generalBudgetBasicExpenditure', 'threePublicExpensesTable', 'governmentFund', 'stateCapital',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** The canonical name of each kind, as every layout's title contains it. */
export const TABLE_KIND_NAMES: Readonly<Record<TableKind, string>> = {
  incomeExpenditureSummary: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  appropriationSummary: '财政拨款收入支出决算总表',
  generalBudgetExpenditure: '一般公共预算财政拨款支出决算表',
  generalBudgetBasicExpenditure: '一般公共预算财政拨款基本支出决算表',
  threePublicExpensesTable: '“三公”经费支出决算表',
  governmentFund: '政府性基金预算财政拨款收入支出决算表',
  stateCapital: '国有资本经营预算财政拨款（收入）支出决算表',
};

/** lines: named rows in two printed halves; functional: 合计 + 类/款/项; economic: 经济分类; single: one row. */
export type RowKind = 'lines' | 'functional' | 'economic' | 'single';

export interface ColumnDefinition {
  key: string;
  label: string;
  /** 栏次 as printed, when the layout prints one. */
  number?: string;
}

export interface RowDefinition {
  key: string;
  label: string;
  /** 行次 as printed, when the layout prints one. */
  number?: string;
  /** The columns this row holds figures in; none for a printed line that is only a number. */
  columns: readonly string[];
  /** A functional class's total printed on this row (收入支出决算总表, 财政拨款收入支出决算总表). */
  functionalClass?: string;
  /** lines tables: the half of the page the row is printed in. */
  side?: 'income' | 'expenditure';
  /** Economic tables: the half of the page (人员经费 / 公用经费). */
  group?: 'personnel' | 'operating';
}

export interface Term {
  key: string;
  sign: 1 | -1;
}

/** "27行＝（1＋2＋…＋8）行": a row equals a signed sum of rows, in the given columns. */
export interface RowIdentity {
  kind: 'rows';
  target: string;
  terms: readonly Term[];
  columns: readonly string[];
  citation: string;
}

/** "1栏各行＝（2＋…＋7）栏各行": in every row that has them, a column equals a signed sum of columns. */
export interface ColumnIdentity {
  kind: 'columns';
  target: string;
  terms: readonly Term[];
  citation: string;
}

export type Identity = RowIdentity | ColumnIdentity;

export interface TableTemplate {
  kind: TableKind;
  /** The printed number ("表 5") and title, both the layout's. */
  number: number;
  title: string;
  rowKind: RowKind;
  columns: readonly ColumnDefinition[];
  /** Fixed rows (lines, economic, single); functional tables list only 合计 here. */
  rows: readonly RowDefinition[];
  identities: readonly Identity[];
  /** 注：本表反映… as printed under the table. */
  note: string;
}

/** The optional parts of a document; a template says which its layout prints. */
export interface TemplateSections {
  /** 在职/离退休 staff numbers and the count of subordinate units. */
  staff: boolean;
  /** The unit-composition table (序号 单位名称 备注). */
  unitComposition: boolean;
  /** 三公 details beside the table: groups, people, receptions by kind. */
  threePublicExpensesDetails: boolean;
  /** Procurement awarded to SMEs and to small and micro firms, as totals. */
  procurementAwards: boolean;
  /** Procurement reserved for SMEs / small and micro firms, and what they were awarded. */
  procurementReserved: boolean;
  /** 单价50万元以上通用设备 and 单价100万元以上专用设备. */
  equipmentByKind: boolean;
  /** 单价100万元（含）以上设备（不含车辆）. */
  equipmentOver1m: boolean;
  /** A department-wide performance self-evaluation table. */
  departmentWideSelfEvaluation: boolean;
  /** Project self-evaluation tables. */
  projectSelfEvaluations: boolean;
  /** The performance-management summary: project counts and amounts, ratings, problems. */
  performanceManagement: boolean;
  /** 第四部分 key work. */
  keyWork: boolean;
  /** The level at which the narrative gives the initial budget. */
  initialBudgetLevel: 'class' | 'item';
}

export interface Template {
  /** "hubei-2021", "shanghai-2024": the id a document names. */
  id: string;
  family: string;
  fiscalYear: number;
  /** The layout in words, for messages: "湖北省武汉市区级部门决算公开格式（2021 年度）". */
  name: string;
  /** How a finding names a table: "表3" where the layout numbers its tables, else its title. */
  tableReference: 'number' | 'title';
  /** The printed order of the tables. */
  order: readonly TableKind[];
  tables: Readonly<Record<TableKind, TableTemplate>>;
  sections: TemplateSections;
}

export const TOTAL_ROW = 'total';
export const PERSONNEL_TOTAL_ROW = 'personnelTotal';
export const OPERATING_TOTAL_ROW = 'operatingTotal';

export const plus = (...keys: (string | number)[]): Term[] => keys.map((key) => ({ key: String(key), sign: 1 }));
