// One table of a template as a grid of printed cells: the header (column groups, 栏次), then
// lines of cells, each a label or an amount cell addressed by (table, row, column). Built from
// the template with the layout helpers of table-layout.ts, so the entry grid, the published page
// and the downloaded workbook (lib/export) print a table the same way.
import type { TTableRow } from './schema';
import { bandsByClass, columnsOf, groupColumns, hasColumnNumbers, headerPaths, headerRows, pairLines, type HeaderCell } from './table-layout';
import {
  columnLabel, OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, type RowDefinition, type TableKind, type TableTemplate,
} from './templates';

export type { HeaderCell };
export type GridCellSpec =
  | { kind: 'text'; text: string; header?: boolean; className?: string; colSpan?: number }
  | { kind: 'amount'; table: TableKind; row: string; column: string }
  /** Covered by the colSpan of a cell to its left. */
  | { kind: 'covered' };

export interface GridColumn {
  id: string;
  /** Header words, outermost first: ["支出", "决算数", "小计"]. */
  path: string[];
  kind: 'label' | 'amount';
  /** 栏次 of an amount column, where the layout prints one. */
  number?: string;
}

export interface GridLine {
  id: string;
  cells: GridCellSpec[];
  isTotal: boolean;
  /** Functional tables: the classification code of the line (for 删除). */
  code?: string;
}

export interface ColumnNumberCell {
  text: string;
  colSpan: number;
}

export interface GridModel {
  columns: GridColumn[];
  headerRows: HeaderCell[][];
  /** The 栏次 line under the headers, or undefined where the layout prints none. */
  columnNumbers: ColumnNumberCell[] | undefined;
  lines: GridLine[];
}

const text = (value: string, extra: Partial<Extract<GridCellSpec, { kind: 'text' }>> = {}): GridCellSpec => ({ kind: 'text', text: value, ...extra });
const covered: GridCellSpec = { kind: 'covered' };

/** Label columns print "栏次" once per run; amount columns their number. */
function columnNumbersOf(columns: readonly GridColumn[]): ColumnNumberCell[] {
  const cells: ColumnNumberCell[] = [];
  columns.forEach((column, index) => {
    const last = cells.at(-1);
    if (column.kind === 'label' && last && columns[index - 1]?.kind === 'label') last.colSpan += 1;
    else cells.push({ text: column.kind === 'label' ? '栏次' : (column.number ?? ''), colSpan: 1 });
  });
  return cells;
}

function finish(table: TableTemplate, columns: GridColumn[], lines: GridLine[]): GridModel {
  return {
    columns,
    headerRows: headerRows(columns.map((column) => column.path)),
    columnNumbers: hasColumnNumbers(table) ? columnNumbersOf(columns) : undefined,
    lines,
  };
}

function linesGrid(table: TableTemplate): GridModel {
  const income = table.rows.filter((row) => row.side === 'income');
  const expenditure = table.rows.filter((row) => row.side === 'expenditure');
  const numbered = table.rows.some((row) => row.number !== undefined);
  const number = (column: string) => table.columns.find((c) => c.key === column)?.number;
  const label = (column: string) => columnLabel(table, column).replace(/（(收入|支出)）$/, '');
  const sides = [
    { heading: '收入', key: 'income', amounts: columnsOf(table, income), split: false },
    { heading: '支出', key: 'expenditure', amounts: columnsOf(table, expenditure), split: columnsOf(table, expenditure).length > 1 },
  ];
  const columns: GridColumn[] = sides.flatMap((side) => [
    { id: `${side.key}-item`, path: [side.heading, '项目'], kind: 'label' as const },
    ...(numbered ? [{ id: `${side.key}-number`, path: [side.heading, '行次'], kind: 'label' as const }] : []),
    ...side.amounts.map((column) => ({
      id: `${side.key}-${column}`,
      path: side.split ? [side.heading, '决算数', label(column)] : [side.heading, label(column)],
      kind: 'amount' as const,
      ...(number(column) === undefined ? {} : { number: number(column) }),
    })),
  ]);
  const half = (row: RowDefinition | undefined, amounts: readonly string[]): GridCellSpec[] => [
    row?.label ? text(row.label, { header: true }) : text(''),
    ...(numbered ? [text(row?.number ?? '', { className: 'row-number' })] : []),
    ...amounts.map((column) =>
      row?.columns.includes(column) ? { kind: 'amount' as const, table: table.kind, row: row.key, column } : text('')),
  ];
  const lines = pairLines(income, expenditure).map(([left, right], index) => ({
    id: `${left?.key ?? ''}|${right?.key ?? ''}|${index}`,
    cells: [...half(left, sides[0]?.amounts ?? []), ...half(right, sides[1]?.amounts ?? [])],
    isTotal: false,
  }));
  return finish(table, columns, lines);
}

function functionalGrid(table: TableTemplate, rows: readonly TTableRow[], subjectName: (code: string) => string | undefined): GridModel {
  const groups = groupColumns(table.columns);
  const columns: GridColumn[] = [
    { id: 'code', path: ['项目', '功能分类科目编码'], kind: 'label' },
    { id: 'name', path: ['项目', '科目名称'], kind: 'label' },
    ...groups.flatMap((group) => group.columns.map(({ key, label }) => {
      const number = table.columns.find((c) => c.key === key)?.number;
      return { id: key, path: group.heading ? [group.heading, label] : [label], kind: 'amount' as const, ...(number === undefined ? {} : { number }) };
    })),
  ];
  const amounts = (row: string) => table.columns.map(({ key }) => ({ kind: 'amount' as const, table: table.kind, row, column: key }));
  const lines: GridLine[] = [
    { id: TOTAL_ROW, cells: [text('合计', { header: true, colSpan: 2 }), covered, ...amounts(TOTAL_ROW)], isTotal: true },
    ...rows.filter((row) => row.row !== TOTAL_ROW).map((row) => ({
      id: row.row,
      cells: [text(row.row, { className: 'code' }), text(row.name ?? subjectName(row.row) ?? '', { header: true }), ...amounts(row.row)],
      isTotal: false,
      code: row.row,
    })),
  ];
  return finish(table, columns, lines);
}

const BAND_WIDTH = 3;

function economicGrid(table: TableTemplate): GridModel {
  const column = table.columns[0]?.key ?? 'amount';
  const amountLabel = table.columns[0]?.label ?? '决算数';
  const subjects = table.rows.filter((row) => row.key !== PERSONNEL_TOTAL_ROW && row.key !== OPERATING_TOTAL_ROW);
  const personnel = [subjects.filter((row) => row.group === 'personnel')];
  const operating = bandsByClass(subjects.filter((row) => row.group === 'operating'));
  const bands = [...personnel.map((band) => ({ heading: '人员经费', band })), ...operating.map((band) => ({ heading: '公用经费', band }))];
  const columns: GridColumn[] = bands.flatMap(({ heading }, index) => [
    { id: `code-${index}`, path: [heading, '经济分类科目编码'], kind: 'label' as const },
    { id: `name-${index}`, path: [heading, '科目名称'], kind: 'label' as const },
    { id: `amount-${index}`, path: [heading, amountLabel], kind: 'amount' as const },
  ]);
  const lineCount = Math.max(...bands.map(({ band }) => band.length));
  const amount = (row: string): GridCellSpec => ({ kind: 'amount', table: table.kind, row, column });
  const lines: GridLine[] = Array.from({ length: lineCount }, (_, line) => ({
    id: `line-${line}`,
    cells: bands.flatMap(({ band }) => {
      const row = band[line];
      return row ? [text(row.key, { className: 'code' }), text(row.label, { header: true }), amount(row.key)] : [text(''), text(''), text('')];
    }),
    isTotal: false,
  }));
  const label = (key: string) => table.rows.find((r) => r.key === key)?.label ?? '';
  const spanned = (key: string, bandCount: number): GridCellSpec[] => [
    text(label(key), { header: true, colSpan: BAND_WIDTH * bandCount - 1 }),
    ...Array.from({ length: BAND_WIDTH * bandCount - 2 }, () => covered),
    amount(key),
  ];
  lines.push({ id: 'totals', cells: [...spanned(PERSONNEL_TOTAL_ROW, personnel.length), ...spanned(OPERATING_TOTAL_ROW, operating.length)], isTotal: true });
  return finish(table, columns, lines);
}

function singleGrid(table: TableTemplate): GridModel {
  const paths = headerPaths(table);
  const row = table.rows[0]?.key ?? TOTAL_ROW;
  const columns: GridColumn[] = table.columns.map((column, index) => ({
    id: column.key, path: paths[index] ?? [column.label], kind: 'amount', ...(column.number === undefined ? {} : { number: column.number }),
  }));
  const lines: GridLine[] = [{ id: row, cells: table.columns.map(({ key }) => ({ kind: 'amount' as const, table: table.kind, row, column: key })), isTotal: false }];
  return finish(table, columns, lines);
}

/** The grid of one table; `rows` are the document's rows (functional tables list theirs). */
export function buildGrid(table: TableTemplate, rows: readonly TTableRow[], subjectName: (code: string) => string | undefined): GridModel {
  switch (table.rowKind) {
    case 'lines':
      return linesGrid(table);
    case 'functional':
      return functionalGrid(table, rows, subjectName);
    case 'economic':
      return economicGrid(table);
    case 'single':
      return singleGrid(table);
  }
}
