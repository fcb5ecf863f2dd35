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

/** "第1～8行之和", "第27、28、29行之和", "第1栏＋第2栏－第3栏". */
export function describeSum(keys: readonly { key: string; sign: 1 | -1 }[], unit: '行' | '栏'): string {
  if (keys.some((k) => k.sign === -1)) {
    return keys.map((k, i) => `${i === 0 ? '' : k.sign === 1 ? '＋' : '－'}第${k.key}${unit}`).join('');
  }
  const numbers = keys.map((k) => Number(k.key));
  const consecutive = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
  if (consecutive && numbers.length > 3 && numbers.every(Number.isInteger)) {
    return `第${numbers[0]}～${numbers[numbers.length - 1]}${unit}之和`;
  }
  return `第${keys.map((k) => k.key).join('、')}${unit}之和`;
}
