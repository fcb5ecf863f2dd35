// Chinese descriptions of cells and sums, so that a finding reads as a sentence.

import { findFunctionalSubject } from './classification';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TABLES, TOTAL_ROW, columnLabel, rowDefinition, type TableCode } from './tables';

export function describeRow(table: TableCode, row: string, fiscalYear: number): string {
  const definition = TABLES[table];
  if (row === TOTAL_ROW) return '合计行';
  if (row === PERSONNEL_TOTAL_ROW || row === OPERATING_TOTAL_ROW) return rowDefinition(table, row)?.label ?? row;
  if (definition.rowKind === 'numbered') {
    const label = rowDefinition(table, row)?.label.replace(/^[一二三四五六七八九十]+、/, '');
    return label ? `第${row}行「${label}」` : `第${row}行`;
  }
  if (definition.rowKind === 'economic') return `${row} ${rowDefinition(table, row)?.label ?? ''}`.trim();
  if (definition.rowKind === 'single') return '';
  return `${row} ${findFunctionalSubject(fiscalYear, row)?.name ?? ''}`.trim();
}

/** "表3 合计行 基本支出", "表1 第27行「本年收入合计」", "表7 决算数 公务接待费". */
export function describeCell(table: TableCode, row: string, column: string, fiscalYear: number): string {
  const definition = TABLES[table];
  const columns = rowDefinition(table, row)?.columns ?? definition.columns.map((c) => c.column);
  const parts = [`表${definition.number}`, describeRow(table, row, fiscalYear)];
  if (columns.length > 1) parts.push(columnLabel(table, column));
  return parts.filter(Boolean).join(' ');
}

const stripOrdinal = (label: string): string => label.replace(/^[一二三四五六七八九十]+、/, '');

/** A row as a reader names it: "一般公共预算财政拨款收入", "301 工资福利支出", or "第9行" when unlabelled. */
function rowName(table: TableCode, row: string): string {
  const label = stripOrdinal(rowDefinition(table, row)?.label ?? '');
  if (TABLES[table].rowKind === 'economic' && /^\d+$/.test(row)) return `${row} ${label}`.trim();
  return label || `第${row}行`;
}

/** Signed names: "a、b、c之和", or "a＋b－c" when a term is subtracted. */
function joinNames(names: readonly string[], signs: readonly (1 | -1)[]): string {
  if (signs.some((sign) => sign === -1)) return names.map((name, i) => `${i === 0 ? '' : signs[i] === 1 ? '＋' : '－'}${name}`).join('');
  return `${names.join('、')}之和`;
}

/**
 * The sum of rows in words: "本年收入合计、使用非财政拨款结余、年初结转和结余之和", or for a long
 * run "第1行「一般公共预算财政拨款收入」至第8行「其他收入」之和".
 */
export function describeRowSum(table: TableCode, terms: readonly { key: string; sign: 1 | -1 }[]): string {
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (terms.length > 4 && first && last && terms.every((t) => t.sign === 1)) {
    return `第${first.key}行「${rowName(table, first.key)}」至第${last.key}行「${rowName(table, last.key)}」之和`;
  }
  return joinNames(terms.map((t) => rowName(table, t.key)), terms.map((t) => t.sign));
}

/** The sum of columns in words, without the prefix they share with the target ("预算数 "). */
export function describeColumnSum(table: TableCode, target: string, terms: readonly { key: string; sign: 1 | -1 }[]): string {
  const prefix = /^\S+ /.exec(columnLabel(table, target))?.[0] ?? '';
  const names = terms.map((t) => columnLabel(table, t.key)).map((name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name));
  return joinNames(names, terms.map((t) => t.sign));
}
