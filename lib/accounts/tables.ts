// The nine standard tables of 部门决算 as data: titles, columns (栏次), rows (行次 or
// classification codes) and the identities printed under each table, exactly as in the
// published layout. The check engine, the schema and the disclosure pages all read these.

import { FUNCTIONAL_CLASSES } from './classification';

export const TABLE_CODES = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;
export type TableCode = (typeof TABLE_CODES)[number];

/** numbered: 行次 1…n; functional: 合计 + 类/款/项 codes; economic: 表6; single: 表7's one row. */
export type RowKind = 'numbered' | 'functional' | 'economic' | 'single';

export interface ColumnDefinition {
  column: string;
  label: string;
}

export interface RowDefinition {
  row: string;
  label: string;
  /** The columns this row has figures in (表1 income rows use 栏次1, expenditure 栏次2). */
  columns: readonly string[];
  /** Functional class printed on this row (表1 rows 31–56, 表4 rows 33–58). */
  functionalClass?: string;
  /** 表1/表4: the half of the printed line the row is on. */
  side?: 'income' | 'expenditure';
  /** 表6: which half of the table the row is printed in. */
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

/** "1栏各行＝（2＋…＋7）栏各行": in every row, a column equals a signed sum of columns. */
export interface ColumnIdentity {
  kind: 'columns';
  target: string;
  terms: readonly Term[];
  citation: string;
}

export type Identity = RowIdentity | ColumnIdentity;

export interface TableDefinition {
  code: TableCode;
  number: number;
  /** Title without the year: the page prints "2021 年度" + title + "（表 n）". */
  title: string;
  rowKind: RowKind;
  columns: readonly ColumnDefinition[];
  rows: readonly RowDefinition[];
  identities: readonly Identity[];
  note: string;
}

export const TOTAL_ROW = 'total';
export const PERSONNEL_TOTAL_ROW = 'personnelTotal';
export const OPERATING_TOTAL_ROW = 'operatingTotal';

const plus = (...keys: (string | number)[]): Term[] => keys.map((key) => ({ key: String(key), sign: 1 }));
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const numbered = (from: number, labels: readonly string[], columns: readonly string[], side: 'income' | 'expenditure'): RowDefinition[] =>
  labels.map((label, i) => ({ row: String(from + i), label, columns, side }));
/** Income rows printed only as a number beside an expenditure line: they hold no figures. */
const unlabelled = (from: number, to: number): RowDefinition[] =>
  range(from, to).map((row) => ({ row: String(row), label: '', columns: [], side: 'income' }));
const classRows = (from: number, columns: readonly string[]): RowDefinition[] =>
  FUNCTIONAL_CLASSES.map((subject, i) => ({
    row: String(from + i),
    label: `${CHINESE_ORDINALS[i]}、${subject.name}`,
    columns,
    side: 'expenditure',
    functionalClass: subject.code,
  }));

const CHINESE_ORDINALS = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六',
  '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六',
];

const T1: TableDefinition = {
  code: 'T1',
  number: 1,
  title: '收入支出决算总表',
  rowKind: 'numbered',
  columns: [
    { column: '1', label: '决算数（收入）' },
    { column: '2', label: '决算数（支出）' },
  ],
  rows: [
    ...numbered(1, [
      '一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入',
      '四、上级补助收入', '五、事业收入', '六、经营收入', '七、附属单位上缴收入', '八、其他收入',
    ], ['1'], 'income'),
    ...unlabelled(9, 26),
    ...numbered(27, ['本年收入合计', '使用非财政拨款结余', '年初结转和结余', '总计'], ['1'], 'income'),
    ...classRows(31, ['2']),
    ...numbered(57, ['本年支出合计', '结余分配', '年末结转和结余', '总计'], ['2'], 'expenditure'),
  ],
  identities: [
    { kind: 'rows', target: '27', terms: plus(...range(1, 8)), columns: ['1'], citation: '表1注：27行＝（1＋2＋3＋4＋5＋6+7+8）行' },
    { kind: 'rows', target: '30', terms: plus(27, 28, 29), columns: ['1'], citation: '表1注：30行＝（27＋28＋29）行' },
    { kind: 'rows', target: '57', terms: plus(...range(31, 56)), columns: ['2'], citation: '表1注：57行＝（31＋32＋…＋56）行' },
    { kind: 'rows', target: '60', terms: plus(57, 58, 59), columns: ['2'], citation: '表1注：60行＝（57＋58＋59）行' },
  ],
  note: '本表反映部门本年度的总收支和年末结转结余情况。',
};

const T2: TableDefinition = {
  code: 'T2',
  number: 2,
  title: '收入决算表',
  rowKind: 'functional',
  columns: [
    { column: '1', label: '本年收入合计' },
    { column: '2', label: '财政拨款收入' },
    { column: '3', label: '上级补助收入' },
    { column: '4', label: '事业收入' },
    { column: '5', label: '经营收入' },
    { column: '6', label: '附属单位上缴收入' },
    { column: '7', label: '其他收入' },
  ],
  rows: [],
  identities: [{ kind: 'columns', target: '1', terms: plus(2, 3, 4, 5, 6, 7), citation: '表2注：1栏各行＝（2＋3＋4＋5＋6＋7）栏各行' }],
  note: '本表反映部门本年度取得的各项收入情况。',
};

const T3: TableDefinition = {
  code: 'T3',
  number: 3,
  title: '支出决算表',
  rowKind: 'functional',
  columns: [
    { column: '1', label: '本年支出合计' },
    { column: '2', label: '基本支出' },
    { column: '3', label: '项目支出' },
    { column: '4', label: '上缴上级支出' },
    { column: '5', label: '经营支出' },
    { column: '6', label: '对附属单位补助支出' },
  ],
  rows: [],
  identities: [{ kind: 'columns', target: '1', terms: plus(2, 3, 4, 5, 6), citation: '表3注：1栏各行＝（2＋3＋4＋5＋6）栏各行' }],
  note: '本表反映部门本年度各项支出情况。',
};

const T4_EXPENDITURE_COLUMNS = ['2', '3', '4', '5'] as const;

const T4: TableDefinition = {
  code: 'T4',
  number: 4,
  title: '财政拨款收入支出决算总表',
  rowKind: 'numbered',
  columns: [
    { column: '1', label: '决算数（收入）' },
    { column: '2', label: '小计' },
    { column: '3', label: '一般公共预算财政拨款' },
    { column: '4', label: '政府性基金预算财政拨款' },
    { column: '5', label: '国有资本经营预算财政拨款' },
  ],
  rows: [
    ...numbered(1, ['一、一般公共预算财政拨款', '二、政府性基金预算财政拨款', '三、国有资本经营财政拨款'], ['1'], 'income'),
    ...unlabelled(4, 26),
    ...numbered(27, [
      '本年收入合计', '年初财政拨款结转和结余', '一般公共预算财政拨款', '政府性基金预算财政拨款',
      '国有资本经营预算财政拨款', '总计',
    ], ['1'], 'income'),
    ...classRows(33, T4_EXPENDITURE_COLUMNS),
    ...numbered(59, ['本年支出合计', '年末财政拨款结转和结余'], T4_EXPENDITURE_COLUMNS, 'expenditure'),
    ...numbered(61, ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], T4_EXPENDITURE_COLUMNS, 'expenditure'),
    ...numbered(64, ['总计'], T4_EXPENDITURE_COLUMNS, 'expenditure'),
  ],
  identities: [
    { kind: 'rows', target: '27', terms: plus(1, 2, 3), columns: ['1'], citation: '表4注：27 行＝（1＋2+3）行' },
    { kind: 'rows', target: '28', terms: plus(29, 30, 31), columns: ['1'], citation: '表4注：28 行＝（29＋30+31）行' },
    { kind: 'rows', target: '32', terms: plus(27, 28), columns: ['1'], citation: '表4注：32 行＝（27＋28）行' },
    { kind: 'rows', target: '59', terms: plus(...range(33, 58)), columns: T4_EXPENDITURE_COLUMNS, citation: '表4注：59 行＝（33＋34＋…＋58）行' },
    { kind: 'rows', target: '64', terms: plus(59, 60), columns: T4_EXPENDITURE_COLUMNS, citation: '表4注：64 行＝（59＋60）行' },
    { kind: 'rows', target: '60', terms: plus(61, 62, 63), columns: T4_EXPENDITURE_COLUMNS, citation: '表4表式：60行年末结转和结余按三类财政拨款分列于61～63行' },
    { kind: 'columns', target: '2', terms: plus(3, 4, 5), citation: '表4表头：支出决算数“小计”＝三类财政拨款之和' },
  ],
  note: '本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
};

const T5: TableDefinition = {
  code: 'T5',
  number: 5,
  title: '一般公共预算财政拨款支出决算表',
  rowKind: 'functional',
  columns: [
    { column: '1', label: '小计' },
    { column: '2', label: '基本支出' },
    { column: '3', label: '项目支出' },
  ],
  rows: [],
  identities: [{ kind: 'columns', target: '1', terms: plus(2, 3), citation: '表5注：1 栏各行＝（2＋3）栏各行' }],
  note: '本表反映部门本年度一般公共预算财政拨款支出情况。',
};

const personnel = (code: string, label: string): RowDefinition => ({ row: code, label, columns: ['1'], group: 'personnel' });
const operating = (code: string, label: string): RowDefinition => ({ row: code, label, columns: ['1'], group: 'operating' });

/** 人员经费 = classes 301 and 303; 公用经费 = 302 and 310, as 表6 prints them. */
export const PERSONNEL_CLASSES = ['301', '303'] as const;
export const OPERATING_CLASSES = ['302', '310'] as const;

const T6: TableDefinition = {
  code: 'T6',
  number: 6,
  title: '一般公共预算财政拨款基本支出决算明细表',
  rowKind: 'economic',
  columns: [{ column: '1', label: '决算数' }],
  rows: [
    personnel('301', '工资福利支出'), personnel('30101', '基本工资'), personnel('30102', '津贴补贴'),
    personnel('30103', '奖金'), personnel('30106', '伙食补助费'), personnel('30107', '绩效工资'),
    personnel('30108', '机关事业单位基本养老保险缴费'), personnel('30109', '职业年金缴费'),
    personnel('30110', '职工基本医疗保险缴费'), personnel('30111', '公务员医疗补助缴费'),
    personnel('30112', '其他社会保障缴费'), personnel('30113', '住房公积金'), personnel('30114', '医疗费'),
    personnel('30199', '其他工资福利支出'),
    personnel('303', '对个人和家庭的补助'), personnel('30301', '离休费'), personnel('30302', '退休费'),
    personnel('30303', '退职（役）费'), personnel('30304', '抚恤金'), personnel('30305', '生活补助'),
    personnel('30306', '救济费'), personnel('30307', '医疗费补助'), personnel('30308', '助学金'),
    personnel('30309', '奖励金'), personnel('30310', '个人农业生产补贴'), personnel('30311', '代缴社会保险费'),
    personnel('30399', '其他对个人和家庭的补助'),
    operating('302', '商品和服务支出'), operating('30201', '办公费'), operating('30202', '印刷费'),
    operating('30203', '咨询费'), operating('30204', '手续费'), operating('30205', '水费'), operating('30206', '电费'),
    operating('30207', '邮电费'), operating('30208', '取暖费'), operating('30209', '物业管理费'),
    operating('30211', '差旅费'), operating('30212', '因公出国（境）费用'), operating('30213', '维修（护）费'),
    operating('30214', '租赁费'), operating('30215', '会议费'), operating('30216', '培训费'),
    operating('30217', '公务接待费'), operating('30218', '专用材料费'), operating('30224', '被装购置费'),
    operating('30225', '专用燃料费'), operating('30226', '劳务费'), operating('30227', '委托业务费'),
    operating('30228', '工会经费'), operating('30229', '福利费'), operating('30231', '公务用车运行维护费'),
    operating('30239', '其他交通费用'), operating('30240', '税金及附加费用'), operating('30299', '其他商品和服务支出'),
    operating('310', '资本性支出'), operating('31002', '办公设备购置'), operating('31003', '专用设备购置'),
    operating('31007', '信息网络及软件购置更新'), operating('31013', '公务用车购置'), operating('31099', '其他资本性支出'),
    { row: PERSONNEL_TOTAL_ROW, label: '人员经费合计', columns: ['1'], group: 'personnel' },
    { row: OPERATING_TOTAL_ROW, label: '公用经费合计', columns: ['1'], group: 'operating' },
  ],
  identities: [
    { kind: 'rows', target: PERSONNEL_TOTAL_ROW, terms: plus(...PERSONNEL_CLASSES), columns: ['1'], citation: '表6表式：人员经费合计＝工资福利支出（301）＋对个人和家庭的补助（303）' },
    { kind: 'rows', target: OPERATING_TOTAL_ROW, terms: plus(...OPERATING_CLASSES), columns: ['1'], citation: '表6表式：公用经费合计＝商品和服务支出（302）＋资本性支出（310）' },
  ],
  note: '本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
};

const T7: TableDefinition = {
  code: 'T7',
  number: 7,
  title: '一般公共预算财政拨款“三公”经费支出决算表',
  rowKind: 'single',
  columns: [
    { column: '1', label: '预算数 合计' },
    { column: '2', label: '预算数 因公出国（境）费' },
    { column: '3', label: '预算数 公务用车购置及运行费 小计' },
    { column: '4', label: '预算数 公务用车购置费' },
    { column: '5', label: '预算数 公务用车运行费' },
    { column: '6', label: '预算数 公务接待费' },
    { column: '7', label: '决算数 合计' },
    { column: '8', label: '决算数 因公出国（境）费' },
    { column: '9', label: '决算数 公务用车购置及运行费 小计' },
    { column: '10', label: '决算数 公务用车购置费' },
    { column: '11', label: '决算数 公务用车运行费' },
    { column: '12', label: '决算数 公务接待费' },
  ],
  rows: [{ row: '1', label: '', columns: range(1, 12).map(String) }],
  identities: [
    { kind: 'columns', target: '1', terms: plus(2, 3, 6), citation: '表7注：1 栏＝（2＋3＋6）栏' },
    { kind: 'columns', target: '3', terms: plus(4, 5), citation: '表7注：3 栏＝（4＋5）栏' },
    { kind: 'columns', target: '7', terms: plus(8, 9, 12), citation: '表7注：7栏＝（8＋9＋12）栏' },
    { kind: 'columns', target: '9', terms: plus(10, 11), citation: '表7注：9栏=（10+11）栏' },
  ],
  note: '本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
};

const T8: TableDefinition = {
  code: 'T8',
  number: 8,
  title: '政府性基金预算财政拨款收入支出决算表',
  rowKind: 'functional',
  columns: [
    { column: '1', label: '年初结转和结余' },
    { column: '2', label: '本年收入' },
    { column: '3', label: '本年支出 小计' },
    { column: '4', label: '本年支出 基本支出' },
    { column: '5', label: '本年支出 项目支出' },
    { column: '6', label: '年末结转和结余' },
  ],
  rows: [],
  identities: [
    { kind: 'columns', target: '6', terms: [...plus(1, 2), { key: '3', sign: -1 }], citation: '表8注：6 栏各行＝（1＋2－3）栏各行' },
    { kind: 'columns', target: '3', terms: plus(4, 5), citation: '表8注：3 栏各行＝（4＋5）栏各行' },
  ],
  note: '本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
};

const T9: TableDefinition = {
  code: 'T9',
  number: 9,
  title: '国有资本经营预算财政拨款支出决算表',
  rowKind: 'functional',
  columns: [
    { column: '1', label: '合计' },
    { column: '2', label: '基本支出' },
    { column: '3', label: '项目支出' },
  ],
  rows: [],
  identities: [{ kind: 'columns', target: '1', terms: plus(2, 3), citation: '表9注：1栏各行＝（2＋3）栏各行' }],
  note: '本表反映部门本年度国有资本经营预算财政拨款支出情况。',
};

export const TABLES: Readonly<Record<TableCode, TableDefinition>> = { T1, T2, T3, T4, T5, T6, T7, T8, T9 };

export function columnLabel(table: TableCode, column: string): string {
  return TABLES[table].columns.find((c) => c.column === column)?.label ?? `第${column}栏`;
}

export function rowDefinition(table: TableCode, row: string): RowDefinition | undefined {
  return TABLES[table].rows.find((r) => r.row === row);
}

/** The row of 表1 or 表4 that prints a functional class's total. */
export function classRow(table: 'T1' | 'T4', classCode: string): string | undefined {
  return TABLES[table].rows.find((r) => r.functionalClass === classCode)?.row;
}
