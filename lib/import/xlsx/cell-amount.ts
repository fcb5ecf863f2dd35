// One cell of an uploaded workbook as an amount, whatever Excel or WPS left in it: a number, a
// numeric string ("1,234.50"), a blank, "-" for blank, a formula with or without its result, a
// date, an error value. The reasons reuse explainCellAmount, so a cell reads as the entry grid's.
import type ExcelJS from 'exceljs';
import { explainCellAmount } from '../../accounts/cells';
import { canonicalAmountText } from '../../accounts/money';

export type CellAmount = { ok: true; amount: string | null } | { ok: false; message: string };

const WHAT_TO_TYPE = '填写金额（单位：万元），如 2882.93；无数留空';

/** The digits a double stands for when it is a two-decimal amount, allowing the noise of Excel's arithmetic (0.1+0.2). */
function numberText(value: number): string {
  const fixed = value.toFixed(2);
  const close = Math.abs(value) < 1e13 && Math.abs(Number(fixed) - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return close ? fixed : String(value);
}

function fromText(text: string, row: string, column: string): CellAmount {
  const trimmed = text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (trimmed === '' || /^[-—–－]+$/.test(trimmed)) return { ok: true, amount: null };
  // "1,234.50" as WPS and Excel show a formatted number; other commas are explained below.
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  const reason = explainCellAmount(row, column, plain);
  if (reason === undefined) return { ok: true, amount: canonicalAmountText(plain) };
  return { ok: false, message: /^-?[\d.]+$/.test(plain) ? reason : `不是数字：${reason}` };
}

/** The amount in a cell (null for blank), or why it is not one. `row` and `column` say whether it may be negative. */
export function cellAmount(value: ExcelJS.CellValue, row: string, column: string): CellAmount {
  if (value === null || value === undefined) return { ok: true, amount: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `不是数字：请${WHAT_TO_TYPE}` };
    const reason = explainCellAmount(row, column, numberText(value));
    return reason === undefined ? { ok: true, amount: canonicalAmountText(numberText(value)) } : { ok: false, message: reason };
  }
  if (typeof value === 'string') return fromText(value, row, column);
  if (typeof value === 'boolean') return { ok: false, message: `不是数字（是${value ? 'TRUE' : 'FALSE'}）：请${WHAT_TO_TYPE}` };
  if (value instanceof Date) return { ok: false, message: `不是数字（是日期）：请把单元格格式设为“数值”后${WHAT_TO_TYPE}` };
  if ('error' in value) return { ok: false, message: `不是数字（是错误值 ${String(value.error)}）：请${WHAT_TO_TYPE}` };
  if ('richText' in value) return fromText(Array.isArray(value.richText) ? value.richText.map((part) => part?.text ?? '').join('') : '', row, column);
  if ('hyperlink' in value) return typeof value.text === 'string' ? fromText(value.text, row, column) : { ok: false, message: `不是数字：请${WHAT_TO_TYPE}` };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) return { ok: false, message: '公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再上传，或直接填写数字' };
    if (typeof result === 'object' && result !== null && !(result instanceof Date) && ('formula' in result || 'sharedFormula' in result)) {
      return { ok: false, message: `不是数字：请${WHAT_TO_TYPE}` };
    }
    const read = cellAmount(result, row, column);
    return read.ok ? read : { ok: false, message: `公式的结果${read.message}` };
  }
  return { ok: false, message: `不是数字：请${WHAT_TO_TYPE}` };
}

/** A cell's text as typed (a code cell): numbers as their digits, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return Array.isArray(value.richText) ? value.richText.map((part) => part?.text ?? '').join('') : '';
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  const result = (value as { result?: ExcelJS.CellValue }).result;
  return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date) && !('richText' in result)) ? '' : cellText(result);
}
