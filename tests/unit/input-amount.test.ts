// Amounts in 万元: what the schema accepts, and the reason it gives for what it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { explainAmount, ZAmount, ZNonNegativeAmount } from '../../lib/accounts/amount-schema';
import { AMOUNT_PATTERN } from '../../lib/accounts/money';

function issueOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted: ${JSON.stringify(input)}`);
  expect(result.error.issues).toHaveLength(1);
  return result.error.issues[0];
}

describe('ZAmount', () => {
  it.each(['2882.93', '288.9', '0', '0.00', '-0.5', '-2594.03', '9999999999999999.99'])('accepts %j', (text) => {
    expect(ZAmount.parse(text)).toBe(text);
    expect(explainAmount(text)).toBeUndefined();
  });

  it.each([
    [2882.93, '金额须写成字符串，如 "2882.93"（数字会丢失精度）'],
    ['2,882.93', '去掉千位分隔符，写成 "2882.93"'],
    ['-1,234,567.5', '去掉千位分隔符，写成 "-1234567.5"'],
    ['2,882.934', '去掉千位分隔符；最多两位小数（单位：万元）'],
    ['2882.934', '最多两位小数（单位：万元）'],
    ['12345678901234567', '金额过大：整数部分最多 16 位（单位：万元）'],
    ['12345678901234567.123', '金额过大：整数部分最多 16 位（单位：万元）'],
    ['28829300元', '只写数字，单位为万元（28829300 元即 "2882.93"）'],
    ['28829301元', '只写数字，单位为万元'],
    ['2882.93万元', '只写数字，单位为万元：写成 "2882.93"'],
    ['2882.93 万元', '只写数字，单位为万元：写成 "2882.93"'],
    ['¥2882.93', '只写数字，单位为万元'],
    ['２８８２．９３', '含全角数字或符号，请改为半角：写成 "2882.93"'],
    ['２８８２　．９３', '含全角数字或符号，请改为半角并删去空格：写成 "2882.93"'],
    ['2882.93 ', '金额中不能有空格：写成 "2882.93"'],
    ['2 882.93', '金额中不能有空格：写成 "2882.93"'],
    ['2882.93\u3000', '金额中不能有空格：写成 "2882.93"'],
    ['2882,93', '小数点须用 "."：写成 "2882.93"'],
    ['', '金额为空：空白单元格请直接省略该栏'],
    ['   ', '金额为空：空白单元格请直接省略该栏'],
    ['-', '"-" 表示空白：空白单元格请直接省略该栏，零写成 "0"'],
    ['——', '"——" 表示空白：空白单元格请直接省略该栏，零写成 "0"'],
    ['+5', '不要写正号 "+"'],
    ['(5.00)', '负数写成 "-5.00"，不用括号'],
    ['1e3', '不能用科学计数法，请写出全部数字'],
    ['.5', '小数点前须有数字：写成 "0.5"'],
    ['5.', '小数点后须有数字：写成 "5"'],
    ['12%', '金额不能写成百分比'],
    ['abc', '金额须为最多两位小数的数字（单位：万元），如 "2882.93"'],
    [null, '金额须写成字符串，如 "2882.93"'],
    [true, '金额须写成字符串，如 "2882.93"'],
  ])('refuses %j: %s', (input, message) => {
    expect(explainAmount(input)).toBe(message);
    expect(issueOf(ZAmount, input)?.message).toBe(message);
  });

  it('says a missing amount is missing', () => {
    expect(explainAmount(undefined)).toContain('缺少金额');
  });

  it('publishes the interchange pattern in its JSON Schema', () => {
    expect(z.toJSONSchema(ZAmount)).toMatchObject({ type: 'string', pattern: AMOUNT_PATTERN.source });
  });
});

describe('ZNonNegativeAmount', () => {
  it('accepts what ZAmount accepts without a minus sign', () => {
    expect(ZNonNegativeAmount.parse('2882.93')).toBe('2882.93');
    expect(explainAmount('0', { allowNegative: false })).toBeUndefined();
  });

  it.each([['-5'], ['-0.01'], ['(5.00)']])('refuses %j as negative', (text) => {
    expect(explainAmount(text, { allowNegative: false })).toBe('不能为负数');
    expect(issueOf(ZNonNegativeAmount, text)?.message).toBe('不能为负数');
  });

  it('gives the other reasons as ZAmount does', () => {
    expect(issueOf(ZNonNegativeAmount, '2,882.93')?.message).toBe('去掉千位分隔符，写成 "2882.93"');
    expect(issueOf(ZNonNegativeAmount, 5)?.message).toContain('数字会丢失精度');
  });
});

describe('explainAmount and the pattern', () => {
  // Strings near amounts: digits, signs, separators, units, spaces, full-width forms.
  const nearAmount = fc.string({ unit: fc.constantFrom(...'0123456789.,-+ 元万e()０５．，　'.split('')), maxLength: 24 });

  it('explains exactly the strings the pattern refuses, and never with an empty reason', () => {
    fc.assert(fc.property(fc.oneof(nearAmount, fc.string()), fc.boolean(), (text, allowNegative) => {
      const reason = explainAmount(text, { allowNegative });
      const valid = AMOUNT_PATTERN.test(text) && (allowNegative || !text.startsWith('-'));
      expect(reason === undefined).toBe(valid);
      if (reason !== undefined) expect(reason.length).toBeGreaterThan(0);
      expect(ZAmount.safeParse(text).success).toBe(AMOUNT_PATTERN.test(text));
    }), { numRuns: 2000 });
  });

  it('suggests only amounts the schema accepts', () => {
    fc.assert(fc.property(nearAmount, fc.boolean(), (text, allowNegative) => {
      const suggested = /写成 "([^"]*)"/.exec(explainAmount(text, { allowNegative }) ?? '')?.[1];
      if (suggested !== undefined) expect(explainAmount(suggested, { allowNegative })).toBeUndefined();
    }), { numRuns: 5000 });
    // Counterexamples found before: the suggestion must itself be an amount.
    expect(explainAmount('.000')).toBe('最多两位小数（单位：万元）');
    expect(explainAmount('()')).toBe('金额须为最多两位小数的数字（单位：万元），如 "2882.93"');
    expect(explainAmount('-0,5', { allowNegative: false })).toBe('不能为负数');
  });
});
