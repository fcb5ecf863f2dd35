// The figures the narrative (情况说明) prints: shares of a total that add to exactly 100.0%,
// year-on-year change and growth, budget completion, and the words for a change. Percentages
// are bigint counts of tenths of a percent (1640n = 164.0%), rounded half away from zero.

import { absCents, divideRounded, type Cents } from './money';

export type Tenths = bigint;

export function formatPercent(tenths: Tenths): string {
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  return `${negative ? '-' : ''}${abs / 10n}.${abs % 10n}%`;
}

/** a / b as a percentage to one decimal: completion of budget (2882.93 / 2120.19 → 136.0%). */
export function percentOf(part: Cents, whole: Cents): Tenths | undefined {
  if (whole === 0n) return undefined;
  return divideRounded(part * 1000n, whole);
}

/**
 * Shares of a total to one decimal that add to exactly 100.0%: each share is floored, then
 * the tenths still missing go to the largest remainders (ties: larger value, then order).
 * The published 7.5/0.6/0.9/90.0/1.0 of 2,882.93 come out of exactly this.
 */
export function sharesOf(values: readonly Cents[]): Tenths[] {
  const total = values.reduce((sum, v) => sum + v, 0n);
  if (total === 0n) return values.map(() => 0n);
  const floors = values.map((v) => (v * 1000n) / total);
  const remainders = values.map((v, i) => ({ i, remainder: v * 1000n - (floors[i] ?? 0n) * total, value: v }));
  let missing = 1000n - floors.reduce((sum, f) => sum + f, 0n);
  remainders.sort((a, b) => (b.remainder === a.remainder ? (b.value === a.value ? a.i - b.i : b.value > a.value ? 1 : -1) : b.remainder > a.remainder ? 1 : -1));
  const shares = [...floors];
  for (const { i } of remainders) {
    if (missing <= 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    missing -= 1n;
  }
  return shares;
}

export type ChangeDirection = 'increase' | 'decrease' | 'unchanged';

export interface YearOnYear {
  change: Cents;
  direction: ChangeDirection;
  /** Growth against the prior year; undefined when the prior year was zero. */
  growth: Tenths | undefined;
}

export function yearOnYear(current: Cents, prior: Cents): YearOnYear {
  const change = current - prior;
  const direction: ChangeDirection = change > 0n ? 'increase' : change < 0n ? 'decrease' : 'unchanged';
  return { change, direction, growth: prior === 0n ? undefined : divideRounded(change * 1000n, prior) };
}

const WORDS: Record<ChangeDirection, { amount: string; rate: string }> = {
  increase: { amount: '增加', rate: '增长' },
  decrease: { amount: '减少', rate: '下降' },
  unchanged: { amount: '持平', rate: '持平' },
};

/** "增加 1,792.56 万元，增长 164.4%" / "减少 0.60 万元，下降 100.0%" / "持平". */
export function describeChange(change: YearOnYear, format: (cents: Cents) => string): string {
  const words = WORDS[change.direction];
  if (change.direction === 'unchanged') return words.amount;
  const amount = `${words.amount} ${format(absCents(change.change))} 万元`;
  if (change.growth === undefined) return amount;
  return `${amount}，${words.rate} ${formatPercent(change.growth < 0n ? -change.growth : change.growth)}`;
}
