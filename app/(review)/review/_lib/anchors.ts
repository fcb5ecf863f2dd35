// What a review comment is attached to, and how it is named to people: a cell ("expenditure:201:basic"
// → 表3 支出决算表 201 一般公共服务支出 基本支出), a whole table ("table:expenditure"), a paragraph of
// 情况说明 ("narrative[2]" → 情况说明「三、…」) or another part of the document by its path. Pure:
// the review page and the accountant's entry page name anchors the same way.
import { findFunctionalSubject } from '@/lib/accounts/classification';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { columnLabel, rowOf, TABLE_KINDS, TOTAL_ROW, type TableKind, type Template } from '@/lib/accounts/templates';

export type Anchor =
  | { kind: 'cell'; table: TableKind; row: string; column: string }
  | { kind: 'table'; table: TableKind }
  | { kind: 'narrative'; index: number }
  | { kind: 'path'; path: string };

const asTable = (text: string | undefined): TableKind | undefined => TABLE_KINDS.find((kind) => kind === text);

export const tableAnchor = (table: TableKind): string => `table:${table}`;
export const narrativeAnchor = (index: number): string => `narrative[${index}]`;

export function parseAnchor(anchor: string): Anchor {
  const tableOnly = /^table:(\w+)$/.exec(anchor);
  const table = asTable(tableOnly?.[1]);
  if (table) return { kind: 'table', table };
  const narrative = /^narrative\[(\d+)\]$/.exec(anchor);
  if (narrative) return { kind: 'narrative', index: Number(narrative[1]) };
  const [kind, row, column, ...rest] = anchor.split(':');
  const cellTable = asTable(kind);
  if (cellTable && row && column && rest.length === 0) return { kind: 'cell', table: cellTable, row, column };
  return { kind: 'path', path: anchor };
}

/** "表3 支出决算表" where the layout numbers its tables, else the title. */
export function tableName(template: Template, kind: TableKind): string {
  const table = template.tables[kind];
  return template.tableReference === 'number' ? `表${table.number} ${table.title}` : table.title;
}

function rowName(template: Template, doc: TFinalAccounts, kind: TableKind, row: string): string {
  const table = template.tables[kind];
  if (table.rowKind !== 'functional') return rowOf(table, row)?.label ?? row;
  if (row === TOTAL_ROW) return '合计';
  const name = doc.tables[kind].rows.find((r) => r.row === row)?.name ?? findFunctionalSubject(doc.fiscalYear, row)?.name;
  return name ? `${row} ${name}` : row;
}

/** The anchor in words, as the comment list shows it. */
export function anchorLabel(anchor: string, template: Template, doc: TFinalAccounts): string {
  const parsed = parseAnchor(anchor);
  switch (parsed.kind) {
    case 'cell': {
      const table = template.tables[parsed.table];
      const single = table.rowKind === 'single' ? '' : ` ${rowName(template, doc, parsed.table, parsed.row)}`;
      return `${tableName(template, parsed.table)}${single} ${columnLabel(table, parsed.column)}`;
    }
    case 'table':
      return `${tableName(template, parsed.table)}（整表）`;
    case 'narrative': {
      const heading = doc.narrative[parsed.index]?.heading;
      return heading ? `情况说明「${heading}」` : `情况说明第 ${parsed.index + 1} 段`;
    }
    case 'path':
      return parsed.path;
  }
}

/** The table an anchor is in, if any: where the page goes to show it. */
export function anchorTable(anchor: string): TableKind | undefined {
  const parsed = parseAnchor(anchor);
  return parsed.kind === 'cell' || parsed.kind === 'table' ? parsed.table : undefined;
}

/**
 * Whether something changed answers a comment: the same cell, any cell of a commented table, the
 * commented paragraph, or a path under the commented path.
 */
export function isAnsweredBy(anchor: string, changed: string): boolean {
  if (anchor === changed) return true;
  const parsed = parseAnchor(anchor);
  if (parsed.kind === 'table') return changed.startsWith(`${parsed.table}:`);
  if (parsed.kind === 'narrative') return changed === 'narrative' || changed.startsWith(`${anchor}.`);
  if (parsed.kind === 'path') return changed.startsWith(`${parsed.path}.`) || changed.startsWith(`${parsed.path}[`);
  return false;
}
