// The schema of an amount in 万元, and why a given input is not one: an accountant who
// typed "2,882.93" or "28829300元" should read what to type instead, not a regex.

import { z } from 'zod';
import { AMOUNT_PATTERN, toAmountText } from './money';

/** AMOUNT_PATTERN without the minus sign. */
export const NON_NEGATIVE_AMOUNT_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

const AMOUNT_HINT = '金额须为最多两位小数的数字（单位：万元），如 "2882.93"';
const MAX_INTEGER_DIGITS = 16;

const FULL_WIDTH: Record<string, string> = { '．': '.', '－': '-', '，': ',', '＋': '+' };

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．－，＋]/g, (char) => {
    const code = char.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : (FULL_WIDTH[char] ?? char);
  });
}

/** "28829300" 元 as 万元, when that is exact to two decimals. */
function yuanToWan(yuan: string): string | undefined {
  const match = /^(-?)(\d{1,20})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!match) return undefined;
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  if (fen % 10_000n !== 0n) return undefined;
  const text = toAmountText((match[1] ? -fen : fen) / 10_000n);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** The reason a string that looks numeric is not an amount, or undefined. */
function explainDigits(text: string, allowNegative: boolean): string | undefined {
  const match = /^(-?)(\d*)(?:(\.)(\d*))?$/.exec(text);
  if (!match) return undefined;
  const [, minus, whole = '', point, fraction = ''] = match;
  if (minus && !allowNegative) return '不能为负数';
  if (whole === '' && fraction === '') return undefined;
  if (whole.length > MAX_INTEGER_DIGITS) return `金额过大：整数部分最多 ${MAX_INTEGER_DIGITS} 位（单位：万元）`;
  if (fraction.length > 2) return '最多两位小数（单位：万元）';
  if (whole === '') return `小数点前须有数字：写成 "${minus}0.${fraction}"`;
  if (point && fraction === '') return `小数点后须有数字：写成 "${minus}${whole}"`;
  return undefined;
}

function explainText(text: string, allowNegative: boolean): string {
  if (text.trim() === '') return '金额为空：空白单元格请直接省略该栏';
  if (/^[-—–－]+$/.test(text.trim())) return `"${text.trim()}" 表示空白：空白单元格请直接省略该栏，零写成 "0"`;
  const halfWidth = toHalfWidth(text);
  if (halfWidth !== text) {
    const compact = halfWidth.replace(/[\s\u200b\ufeff]/g, '');
    const fixed = explainAmount(compact, { allowNegative }) === undefined ? `：写成 "${compact}"` : '';
    return `含全角数字或符号，请改为半角${compact === halfWidth ? '' : '并删去空格'}${fixed}`;
  }
  if (/[元万亿千¥￥$]|rmb|cny/i.test(text)) {
    const yuan = /^(-?[\d.]+)\s*元$/.exec(text)?.[1];
    const wan = yuan === undefined ? undefined : yuanToWan(yuan);
    if (wan !== undefined) return `只写数字，单位为万元（${yuan} 元即 "${wan}"）`;
    const number = /^(-?[\d.]+)\s*万元?$/.exec(text)?.[1];
    const fixed = number !== undefined && explainAmount(number, { allowNegative }) === undefined ? `：写成 "${number}"` : '';
    return `只写数字，单位为万元${fixed}`;
  }
  if (/[\s\u200b\ufeff]/.test(text)) {
    const compact = text.replace(/[\s\u200b\ufeff]/g, '');
    const fixed = compact && explainAmount(compact, { allowNegative }) === undefined ? `：写成 "${compact}"` : '';
    return `金额中不能有空格${fixed}`;
  }
  if (text.includes('%')) return '金额不能写成百分比';
  if (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    const plain = text.replace(/,/g, '');
    const rest = explainAmount(plain, { allowNegative });
    return rest === undefined ? `去掉千位分隔符，写成 "${plain}"` : `去掉千位分隔符；${rest}`;
  }
  if (/^-?\d+,\d{1,2}$/.test(text)) {
    const point = text.replace(',', '.');
    return explainAmount(point, { allowNegative }) ?? `小数点须用 "."：写成 "${point}"`;
  }
  if (text.startsWith('+')) return '不要写正号 "+"';
  const bracketed = /^[(（](.+)[)）]$/.exec(text)?.[1];
  if (bracketed !== undefined && NON_NEGATIVE_AMOUNT_PATTERN.test(bracketed)) {
    return allowNegative ? `负数写成 "-${bracketed}"，不用括号` : '不能为负数';
  }
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return '不能用科学计数法，请写出全部数字';
  return explainDigits(text, allowNegative) ?? AMOUNT_HINT;
}

/**
 * Why `input` is not an amount in 万元 (interchange form "2882.93"), in words for the
 * person who typed it; undefined when it is one.
 */
export function explainAmount(input: unknown, options: { allowNegative?: boolean } = {}): string | undefined {
  const allowNegative = options.allowNegative ?? true;
  if (typeof input === 'string') {
    if (allowNegative ? AMOUNT_PATTERN.test(input) : NON_NEGATIVE_AMOUNT_PATTERN.test(input)) return undefined;
    return explainText(input, allowNegative);
  }
  if (typeof input === 'number' || typeof input === 'bigint') return '金额须写成字符串，如 "2882.93"（数字会丢失精度）';
  if (input === undefined) return `缺少金额，如 "2882.93"`;
  return '金额须写成字符串，如 "2882.93"';
}

function amountSchema(pattern: RegExp, allowNegative: boolean) {
  const explain = (issue: { input?: unknown }) => explainAmount(issue.input, { allowNegative }) ?? AMOUNT_HINT;
  return z.string({ error: explain }).regex(pattern, { error: explain });
}

/** An amount in 万元: "2882.93", "-0.5", "0". */
export const ZAmount = amountSchema(AMOUNT_PATTERN, true).describe('万元, at most two decimals');

/** An amount in 万元 that cannot be negative. */
export const ZNonNegativeAmount = amountSchema(NON_NEGATIVE_AMOUNT_PATTERN, false).describe('万元, at most two decimals, not negative');
