// Chinese descriptions of cells and sums, so that a finding reads as a sentence. Built only
// for a comparison that fails.

import type { RuleContext } from './rules/context';
import { columnLabel, rowOf } from './templates';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, type TableKind, type TableTemplate, type Template } from './templates/types';

export { columnLabel, rowOf };

/** "表3" where the layout numbers its tables, else the title: "支出决算表". */
export function tableName(template: Template, kind: TableKind): string {
  const table = template.tables[kind];
  return template.tableReference === 'number' ? `表${table.number}` : table.title;
}

const stripOrdinal = (label: string): string => label.replace(/^[一二三四五六七八九十]+、/, '');

export function describeRow(ctx: RuleContext, kind: TableKind, row: string): string {
  const table = ctx.template.tables[kind];
  if (table.rowKind === 'single') return '';
  if (row === TOTAL_ROW) return '合计行';
  const definition = rowOf(table, row);
  if (row === PERSONNEL_TOTAL_ROW || row === OPERATING_TOTAL_ROW) return definition?.label ?? row;
  switch (table.rowKind) {
    case 'lines': {
      const label = stripOrdinal(definition?.label ?? '');
      if (definition?.number) return label ? `第${definition.number}行「${label}」` : `第${definition.number}行`;
      return `「${label || row}」`;
    }
    case 'economic':
      return `${row} ${definition?.label ?? ''}`.trim();
    case 'functional':
      return `${row} ${ctx.subjectName(row) ?? ''}`.trim();
  }
}

/** "表3 合计行 基本支出", "表1 第27行「本年收入合计」", "收入支出决算总表 「本年收入合计」". */
export function describeCell(ctx: RuleContext, kind: TableKind, row: string, column: string): string {
  const table = ctx.template.tables[kind];
  const columns = rowOf(table, row)?.columns ?? table.columns.map((c) => c.key);
  const parts = [tableName(ctx.template, kind), describeRow(ctx, kind, row)];
  if (columns.length > 1 || table.rowKind === 'single') parts.push(columnLabel(table, column));
  return parts.filter(Boolean).join(' ');
}

/** A row as a reader names it: "一般公共预算财政拨款收入", "301 工资福利支出", or "第9行". */
function rowName(table: TableTemplate, row: string): string {
  const definition = rowOf(table, row);
  const label = stripOrdinal(definition?.label ?? '');
  if (table.rowKind === 'economic' && /^\d+$/.test(row)) return `${row} ${label}`.trim();
  return label || (definition?.number ? `第${definition.number}行` : row);
}

/** Signed names: "a、b、c之和", or "a＋b－c" when a term is subtracted. */
function joinNames(names: readonly string[], signs: readonly (1 | -1)[]): string {
  if (signs.some((sign) => sign === -1)) return names.map((name, i) => `${i === 0 ? '' : signs[i] === 1 ? '＋' : '－'}${name}`).join('');
  return `${names.join('、')}之和`;
}

/** The sum of rows in words; a long run is named by its ends: "「一般公共服务支出」至「抗疫特别国债安排的支出」各类之和". */
export function describeRowSum(table: TableTemplate, terms: readonly { key: string; sign: 1 | -1 }[]): string {
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (terms.length > 4 && first && last && terms.every((t) => t.sign === 1)) {
    const at = (key: string) => {
      const number = rowOf(table, key)?.number;
      return number ? `第${number}行「${rowName(table, key)}」` : `「${rowName(table, key)}」`;
    };
    return `${at(first.key)}至${at(last.key)}之和`;
  }
  return joinNames(terms.map((t) => rowName(table, t.key)), terms.map((t) => t.sign));
}

/** The sum of columns in words, without the prefix they share with the target ("预算数 "). */
export function describeColumnSum(table: TableTemplate, target: string, terms: readonly { key: string; sign: 1 | -1 }[]): string {
  const prefix = /^\S+ /.exec(columnLabel(table, target))?.[0] ?? '';
  const names = terms.map((t) => columnLabel(table, t.key)).map((name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name));
  return joinNames(names, terms.map((t) => t.sign));
}
