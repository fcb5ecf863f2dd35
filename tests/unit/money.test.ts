import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_PATTERN, canonicalAmountText, divideRounded, formatAmount, formatAmountText, parseAmount, sumCents, toAmountText } from '../../lib/accounts/money';

describe('money in 万元', () => {
  it('gives an interchange amount as printed and as files give it', () => {
    expect(['2882.93', '288.9', '2594.03', '-56.95', '0'].map(formatAmountText)).toEqual(['2,882.93', '288.90', '2,594.03', '-56.95', '0.00']);
    expect(['2882.93', '288.9', '-0.5', '749'].map(canonicalAmountText)).toEqual(['2882.93', '288.90', '-0.50', '749.00']);
    expect(() => formatAmountText('2,882.93')).toThrow(RangeError);
  });

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

  it('reads 16 integer digits exactly and refuses 17, a bare point or a bare sign', () => {
    expect(parseAmount('9999999999999999.99')).toBe(999999999999999999n);
    expect(parseAmount('-1234567890123.45')).toBe(-123456789012345n);
    expect(() => parseAmount('12345678901234567')).toThrow();
    for (const bad of ['1.', '.5', '-', '1.2.3', ' 1', '１']) expect(() => parseAmount(bad)).toThrow();
  });

  it('agrees with the interchange pattern and round-trips on any text', () => {
    fc.assert(fc.property(fc.stringMatching(/^-?\d{0,18}(\.\d{0,3})?$/), (text) => {
      if (!AMOUNT_PATTERN.test(text)) {
        expect(() => parseAmount(text)).toThrow();
        return;
      }
      const cents = parseAmount(text);
      expect(parseAmount(toAmountText(cents))).toBe(cents);
      const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
      const exact = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
      expect(cents).toBe(text.startsWith('-') ? -exact : exact);
    }), { numRuns: 2000 });
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
