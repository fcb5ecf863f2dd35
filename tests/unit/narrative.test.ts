import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../lib/accounts/money';
import { describeChange, formatPercent, formatPercentAt, percentOf, sharesOf, yearOnYear } from '../../lib/accounts/narrative';

const a = parseAmount;

describe('narrative figures of the seed document (第三部分)', () => {
  it('splits 财政拨款支出 2,882.93 by class into 7.5/0.6/0.9/90.0/1.0, adding to 100.0%', () => {
    // Rounded one by one, 一般公共服务 214.65/2882.93 = 7.445% would print 7.4% and the sum 99.9%.
    const shares = sharesOf(['214.65', '17.61', '26.81', '2594.03', '29.83'].map(a));
    expect(shares.map(formatPercent)).toEqual(['7.5%', '0.6%', '0.9%', '90.0%', '1.0%']);
    expect(shares.reduce((s, v) => s + v, 0n)).toBe(1000n);
  });

  it('splits 支出 into 基本支出 10.0% and 项目支出 90.0%', () => {
    expect(sharesOf([a('288.9'), a('2594.03')]).map(formatPercent)).toEqual(['10.0%', '90.0%']);
  });

  it('gives 100.0% to the only income source and 0.0% to everything when the total is zero', () => {
    expect(sharesOf([a('2882.93'), 0n]).map(formatPercent)).toEqual(['100.0%', '0.0%']);
    expect(sharesOf([0n, 0n]).map(formatPercent)).toEqual(['0.0%', '0.0%']);
  });

  it('computes the year-on-year change of 收、支总计: 增加 1,792.56 万元，增长 164.4%', () => {
    const change = yearOnYear(a('2882.93'), a('1090.37'));
    expect(change.change).toBe(a('1792.56'));
    expect(describeChange(change, formatAmount)).toBe('增加 1,792.56 万元，增长 164.4%');
  });

  it('computes 机关运行经费 25.88 against 21.63: 增长 19.6%', () => {
    expect(describeChange(yearOnYear(a('25.88'), a('21.63')), formatAmount)).toBe('增加 4.25 万元，增长 19.6%');
  });

  it('words a decrease and an unchanged figure', () => {
    expect(describeChange(yearOnYear(0n, a('0.6')), formatAmount)).toBe('减少 0.60 万元，下降 100.0%');
    expect(describeChange(yearOnYear(0n, 0n), formatAmount)).toBe('持平');
    expect(yearOnYear(a('1'), 0n).growth).toBeUndefined();
  });

  it('computes budget completion as printed: 136.0%, 136.3%, 137.4%, 100.0%', () => {
    expect(formatPercent(percentOf(a('2882.93'), a('2120.19')) ?? 0n)).toBe('136.0%');
    expect(formatPercent(percentOf(a('214.65'), a('157.44')) ?? 0n)).toBe('136.3%');
    expect(formatPercent(percentOf(a('2594.03'), a('1888.5')) ?? 0n)).toBe('137.4%');
    expect(formatPercent(percentOf(a('17.61'), a('17.61')) ?? 0n)).toBe('100.0%');
    expect(percentOf(a('1'), 0n)).toBeUndefined();
  });

  it('computes the procurement shares: SMEs 97.7% of the total, small and micro firms 16.2% of SMEs', () => {
    expect(formatPercent(percentOf(a('2502.53'), a('2562.69')) ?? 0n)).toBe('97.7%');
    expect(formatPercent(percentOf(a('406.13'), a('2502.53')) ?? 0n)).toBe('16.2%');
  });
});

describe('narrative figures at two decimals (Shanghai 2024, 财政局)', () => {
  const at2 = (units: bigint) => formatPercentAt(units, 2);

  it('splits 本年收入合计 2,946.25 into 99.79% and 0.21%', () => {
    expect(sharesOf([a('2940.05'), a('6.2')], 2).map(at2)).toEqual(['99.79%', '0.21%']);
  });

  it('gives 2,106.66 of the classes 71.65%, not the printed 71.73%', () => {
    const shares = sharesOf(['2106.66', '326.72', '60.99', '445.69'].map(a), 2);
    expect(shares.map(at2)).toEqual(['71.65%', '11.11%', '2.08%', '15.16%']);
    expect(shares.reduce((s, v) => s + v, 0n)).toBe(10000n);
  });

  it('computes completion 98.20% and a decrease of 1.87%', () => {
    expect(at2(percentOf(a('2940.05'), a('2993.92'), 2) ?? 0n)).toBe('98.20%');
    expect(describeChange(yearOnYear(a('2995.39'), a('3052.34'), 2), (c) => String(c), 2)).toBe('减少 5695 万元，下降 1.87%');
  });

  it('prints whole percentages and keeps formatPercent at one decimal', () => {
    expect(formatPercentAt(0n, 0)).toBe('0%');
    expect(formatPercent(1360n)).toBe('136.0%');
  });
});
