// How a disclosure table is printed, as data: its title, the 栏次 line, the identities under it,
// the two halves of the summary tables, the column groups of the functional tables, the bands
// of the economic table and the nested header of the 三公 table. Pure, so the public page, the
// entry grid and the downloads (lib/export) lay a table out the same way.
import type { ColumnDefinition, RowDefinition, TableTemplate, Template } from './templates';

/** The title as the layout prints it: numbered layouts add the year and "（表 n）". */
export function tableTitle(template: Template, table: TableTemplate, fiscalYear: number): string {
  return template.tableReference === 'number' ? `${fiscalYear} 年度${table.title}（表 ${table.number}）` : table.title;
}

/** True where the layout prints 栏次 under the headers. */
export const hasColumnNumbers = (table: TableTemplate): boolean => table.columns.some((column) => column.number !== undefined);

/** The identities printed under the note ("27行＝（1＋…＋8）行；…。"); layouts without them print none. */
export function printedIdentities(table: TableTemplate): string | undefined {
  const prefix = `表${table.number}注：`;
  const lines = table.identities
    .filter((identity) => identity.citation.startsWith(prefix))
    .map((identity) => identity.citation.slice(prefix.length));
  return lines.length ? `${lines.join('；')}。` : undefined;
}

// --- 收入支出决算总表 and 财政拨款收入支出决算总表: income left, expenditure right ---

type Line = RowDefinition | undefined;

/** The lines that start the totals block of each half. */
const TOTALS_START = { income: 'incomeTotal', expenditure: 'expenditureTotal' } as const;

/** The columns the rows of one half hold figures in, in the table's order. */
export function columnsOf(table: TableTemplate, rows: readonly RowDefinition[]): string[] {
  const used = new Set(rows.flatMap((row) => row.columns));
  return table.columns.map((column) => column.key).filter((key) => used.has(key));
}

const blanks = (count: number): Line[] => Array.from({ length: Math.max(0, count) }, () => undefined);

/** Both halves padded so that their totals blocks start on the same line and their last lines (总计) match. */
export function pairLines(income: readonly RowDefinition[], expenditure: readonly RowDefinition[]): (readonly [Line, Line])[] {
  const split = (rows: readonly RowDefinition[], key: string) => {
    const at = rows.findIndex((row) => row.key === key);
    return at < 0 ? { body: rows, totals: [] } : { body: rows.slice(0, at), totals: rows.slice(at) };
  };
  const left = split(income, TOTALS_START.income);
  const right = split(expenditure, TOTALS_START.expenditure);
  const bodyLength = Math.max(left.body.length, right.body.length);
  const totalsLength = Math.max(left.totals.length, right.totals.length);
  const pad = (half: { body: readonly RowDefinition[]; totals: readonly RowDefinition[] }): Line[] => [
    ...half.body, ...blanks(bodyLength - half.body.length),
    ...half.totals.slice(0, -1), ...blanks(totalsLength - half.totals.length), ...half.totals.slice(-1),
  ];
  const l = pad(left);
  const r = pad(right);
  return Array.from({ length: Math.max(l.length, r.length) }, (_, i) => [l[i], r[i]] as const);
}

// --- tables by functional classification ---

export interface ColumnGroup {
  /** Printed over several columns ("本年支出"), or undefined for a column that stands alone. */
  heading: string | undefined;
  columns: { key: string; label: string }[];
}

/** "本年支出 小计" and "本年支出 基本支出" share the heading "本年支出" above them. */
export function groupColumns(columns: readonly ColumnDefinition[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const { key, label } of columns) {
    const space = label.indexOf(' ');
    const heading = space > 0 ? label.slice(0, space) : undefined;
    const leaf = { key, label: space > 0 ? label.slice(space + 1) : label };
    const last = groups[groups.length - 1];
    if (heading && last?.heading === heading) last.columns.push(leaf);
    else groups.push({ heading, columns: [leaf] });
  }
  return groups;
}

// --- the basic expenditure table by economic classification ---

/** 公用经费 prints one band per class (302, 310). */
export function bandsByClass(rows: readonly RowDefinition[]): RowDefinition[][] {
  const byClass = new Map<string, RowDefinition[]>();
  for (const row of rows) byClass.set(row.key.slice(0, 3), [...(byClass.get(row.key.slice(0, 3)) ?? []), row]);
  return [...byClass.values()];
}

// --- the “三公” table and any nested header ---

const MEASURES = ['budget', 'actual'] as const;
/** Vehicles (小计), VehiclePurchase and VehicleOperation print under one heading. */
const VEHICLE_ITEMS = 'Vehicle';

const measureOf = (key: string) => MEASURES.find((measure) => key.startsWith(measure)) ?? '';
const itemOf = (key: string) => key.slice(measureOf(key).length);
const words = (column: ColumnDefinition | undefined) => column?.label.split(' ') ?? [];

/**
 * The header cells above each column of the 三公 table, outermost first: ["预算数", "公务用车购置及运行费",
 * "小计"]. Hubei prints all 预算数 then all 决算数, Shanghai alternates them item by item, so the
 * nesting follows the template's column order.
 */
export function headerPaths(table: TableTemplate): string[][] {
  const { columns } = table;
  const measureFirst = measureOf(columns[0]?.key ?? '') === measureOf(columns[1]?.key ?? '');
  const vehiclesHeading = words(columns.find((c) => itemOf(c.key) === `${VEHICLE_ITEMS}s`))[1] ?? '';
  return columns.map((column) => {
    const [measure = '', ...item] = words(column);
    const name = item.at(-1) ?? '';
    const itemPath = itemOf(column.key).startsWith(VEHICLE_ITEMS) ? [vehiclesHeading, name] : [name];
    return measureFirst ? [measure, ...itemPath] : [...itemPath, measure];
  });
}

export interface HeaderCell {
  key: string;
  label: string;
  colSpan: number;
  rowSpan: number;
}

/** One header row per level; neighbours with the same path so far share a cell, a leaf spans the levels below it. */
export function headerRows(paths: readonly string[][]): HeaderCell[][] {
  const depth = Math.max(...paths.map((path) => path.length));
  const same = (a: readonly string[], b: readonly string[], level: number) => a.slice(0, level + 1).join('\u0000') === b.slice(0, level + 1).join('\u0000');
  return Array.from({ length: depth }, (_, level) => {
    const cells: HeaderCell[] = [];
    paths.forEach((path, index) => {
      if (path.length <= level) return;
      const previous = paths[index - 1];
      const last = cells.at(-1);
      if (last && previous && previous.length > level && same(previous, path, level)) {
        last.colSpan += 1;
        return;
      }
      const isLeaf = path.length === level + 1;
      cells.push({ key: `${level}-${index}`, label: path[level] ?? '', colSpan: 1, rowSpan: isLeaf ? depth - level : 1 });
    });
    return cells;
  });
}
