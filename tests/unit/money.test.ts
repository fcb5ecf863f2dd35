import { describe, expect, it } from 'vitest';
import { divideRounded, formatAmount, parseAmount, sumCents, toAmountText } from '../../lib/accounts/money';

describe('money in 万元', () => {
  it('parses printed amounts exactly, to hundredths', () => {
    expect(parseAmount('2882.93')).toBe(288293n);
    expect(parseAmount('288.9')).toBe(28890n);
    expect(parseAmount('749')).toBe(74900n);
    expect(parseAmount('-0.6')).toBe(-60n);
  });

  it('refuses a third decimal, separators and floats in disguise', () => {
    expect(() => parseAmount('288.901')).toThrow(/两位小数/);
    expect(() => parseAmount('2,882.93')).toThrow();
    expect(() => parseAmount('1e3')).toThrow();
    expect(() => parseAmount('')).toThrow();
  });

  it('formats as the tables print, with zh-CN thousands separators', () => {
    expect(formatAmount(288293n)).toBe('2,882.93');
    expect(formatAmount(28890n)).toBe('288.90');
    expect(formatAmount(-179256n)).toBe('-1,792.56');
    expect(toAmountText(28890n)).toBe('288.90');
    expect(formatAmount(0n)).toBe('0.00');
  });

  it('adds the 表2 class 卫生健康支出 from its items without float drift', () => {
    // 9.58 + 16.46 + 0.77 = 26.81 exactly (as floats: 26.810000000000002)
    expect(toAmountText(sumCents(['9.58', '16.46', '0.77'].map(parseAmount)))).toBe('26.81');
  });

  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
  });
});
