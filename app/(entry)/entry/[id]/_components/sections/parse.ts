// Reading what is typed into a section field, with the server's own rules and messages: amounts
// through explainAmount, points through ZPoints, counts as the schema's non-negative integers.
import { explainAmount } from '@/lib/accounts/amount-schema';
import { ZPoints } from '@/lib/accounts/schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T,>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T,>(message: string): Parsed<T> => ({ ok: false, message });

export function parseAmountText(text: string, allowNegative = false): Parsed<string> {
  if (text.trim() === '') return fail('请填写金额（万元），没有则填 0');
  const message = explainAmount(text, { allowNegative });
  return message === undefined ? ok(text) : fail(message);
}

export function parseOptionalAmountText(text: string, allowNegative = false): Parsed<string | undefined> {
  return text.trim() === '' ? ok(undefined) : parseAmountText(text, allowNegative);
}

export function parseCountText(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('请填写，没有则填 0');
  if (/[０-９]/.test(trimmed)) return fail('请用半角数字');
  if (/^-\d+(\.\d*)?$/.test(trimmed)) return fail('不能为负数');
  if (/^\d+\.\d*$/.test(trimmed)) return fail('须为整数');
  if (!/^\d+$/.test(trimmed)) return fail('须为整数，如 "16"');
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? ok(value) : fail('数字过大');
}

export function parseOptionalCountText(text: string): Parsed<number | undefined> {
  return text.trim() === '' ? ok(undefined) : parseCountText(text);
}

export function parsePointsText(text: string): Parsed<string> {
  if (text.trim() === '') return fail('请填写分值，没有则填 0');
  const result = ZPoints.safeParse(text);
  return result.success ? ok(result.data) : fail(result.error.issues[0]?.message ?? '分值须为最多两位小数的非负数');
}

export function parseOptionalPointsText(text: string): Parsed<string | undefined> {
  return text.trim() === '' ? ok(undefined) : parsePointsText(text);
}

export function parseRequiredText(text: string): Parsed<string> {
  return text.trim() === '' ? fail('不能为空') : ok(text);
}

export const parseAnyText = (text: string): Parsed<string> => ok(text);
