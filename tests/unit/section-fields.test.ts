// The section editors read typed input with the server's rules: a value a field passes on is one
// the schema accepts, a value it refuses the schema refuses too, with the same words for amounts.
import { describe, expect, it } from 'vitest';
import {
  parseAmountText, parseCountText, parseOptionalAmountText, parsePointsText,
} from '@/app/(entry)/entry/[id]/_components/sections/parse';
import { sumAmounts, sumPoints, trimPoints } from '@/app/(entry)/entry/[id]/_components/sections/figures';
import { ZNonNegativeAmount, ZPoints, ZStaff } from '@/lib/accounts/schema';

const AMOUNTS = ['2882.93', '166.6', '0', '2,882.93', '2882.939', '-0.5', '28829300元', '２８８２.９３', '25.', '.5', '12345678901234567', '1e3', '(5)', ' 5 '];

describe('amount fields', () => {
  it.each(AMOUNTS)('accepts "%s" exactly when the schema does, with its message', (text) => {
    const parsed = parseAmountText(text);
    const server = ZNonNegativeAmount.safeParse(text);
    expect(parsed.ok).toBe(server.success);
    if (!parsed.ok && !server.success) expect(parsed.message).toBe(server.error.issues[0]?.message);
  });

  it('says what to type for the published figure with separators', () => {
    expect(parseAmountText('2,562.69')).toEqual({ ok: false, message: '去掉千位分隔符，写成 "2562.69"' });
  });

  it('asks for a figure in a required field left blank, and reads blank as absent where the figure is optional', () => {
    expect(parseAmountText('')).toEqual({ ok: false, message: '请填写金额（万元），没有则填 0' });
    expect(parseOptionalAmountText('  ')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalAmountText('-1', true)).toEqual({ ok: true, value: '-1' });
  });
});

describe('count fields', () => {
  it.each(['16', '0', '-1', '3.5', '16人', '１６', ''])('accepts "%s" exactly when the schema would take the number', (text) => {
    const parsed = parseCountText(text);
    const number = text.trim() === '' ? undefined : Number(text);
    expect(parsed.ok).toBe(ZStaff.shape.employed.safeParse(number).success);
  });

  it('says why, in the schema\'s words', () => {
    expect(parseCountText('-1')).toEqual({ ok: false, message: '不能为负数' });
    expect(parseCountText('3.5')).toEqual({ ok: false, message: '须为整数' });
    expect(parseCountText('16')).toEqual({ ok: true, value: 16 });
  });
});

describe('points fields', () => {
  it.each(['20', '2.5', '19.60', '100', '1000', '2.555', '-1', 'abc'])('accepts "%s" exactly when ZPoints does', (text) => {
    const parsed = parsePointsText(text);
    const server = ZPoints.safeParse(text);
    expect(parsed.ok).toBe(server.success);
    if (!parsed.ok && !server.success) expect(parsed.message).toBe(server.error.issues[0]?.message);
  });
});

describe('sums shown beside the fields', () => {
  it('adds the seed procurement parts and a self-evaluation\'s weights exactly', () => {
    expect(sumAmounts(['572.76', '166.6', '1823.33'])).toBe('2,562.69');
    // 部门整体绩效自评表: 预算执行 20 + goal weights 11 + 8 + …; here the first goal's indicators.
    expect(sumPoints(['1', '1', '1', '3', '5'])).toBe('11');
    expect(sumPoints(['0.1', '0.2'])).toBe('0.3');
    expect(trimPoints('100')).toBe('100');
  });
});
