// Cells in words for narrative findings, in the layout's own terms: "收入支出决算总表（表1）
// 本年收入合计", "一般公共预算财政拨款支出决算表 2010601 行政运行 合计".

import type { TFinalAccounts } from '../schema';
import { TOTAL_ROW, type TableKind, type Template } from '../templates';

const ORDINAL = /^[一二三四五六七八九十]+、/;

export function tableName(template: Template, kind: TableKind): string {
  const table = template.tables[kind];
  return template.tableReference === 'number' ? `${table.title}（表${table.number}）` : table.title;
}

function rowName(template: Template, doc: TFinalAccounts, kind: TableKind, row: string): string {
  const table = template.tables[kind];
  if (row === TOTAL_ROW && table.rowKind !== 'lines') return table.rowKind === 'single' ? '' : '合计行';
  const definition = table.rows.find((r) => r.key === row);
  if (definition) {
    const label = definition.label.replace(ORDINAL, '');
    if (label === '总计' && definition.side) return definition.side === 'income' ? '收入总计' : '支出总计';
    return table.rowKind === 'economic' && /^\d+$/.test(row) ? `${row} ${label}` : label;
  }
  const printed = doc.tables[kind].rows.find((r) => r.row === row)?.name;
  return `${row}${printed ? ` ${printed}` : ''}`;
}

export function describeCell(template: Template, doc: TFinalAccounts, kind: TableKind, row: string, column: string): string {
  const table = template.tables[kind];
  const definition = table.rows.find((r) => r.key === row);
  const columns = definition?.columns ?? table.columns.map((c) => c.key);
  const columnName = columns.length > 1 ? table.columns.find((c) => c.key === column)?.label ?? column : '';
  return [tableName(template, kind), rowName(template, doc, kind, row), columnName].filter(Boolean).join(' ');
}
