// The figures the narrative (情况说明) prints: shares of a total that add to exactly 100%,
// year-on-year change and growth, budget completion, and the words for a change. Percentages
// are bigint counts of units at a precision: at 1 decimal (the default) 1640n = 164.0%, at 2
// decimals 9979n = 99.79%; rounded half away from zero. The draft of a whole narrative from
// the figures is generateNarrative (narrative-check/draft.ts), in the template's wording.

import { absCents, divideRounded, type Cents } from './money';

export { generateNarrative } from './narrative-check/draft';


/** A percentage in units of 10^-decimals percent. */
export type PercentUnits = bigint;
/** The one-decimal case: 1360n = 136.0%. */
export type Tenths = PercentUnits;

const scale = (decimals: number): bigint => 10n ** BigInt(decimals);

/** One decimal, as the Hubei layout prints: "136.0%". Unary, so `shares.map(formatPercent)` works. */
export function formatPercent(tenths: Tenths): string {
  return formatPercentAt(tenths, 1);
}

/** At a precision: formatPercentAt(9979n, 2) is "99.79%", formatPercentAt(0n, 0) is "0%". */
export function formatPercentAt(units: PercentUnits, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const unit = scale(decimals);
  const fraction = decimals === 0 ? '' : `.${(abs % unit).toString().padStart(decimals, '0')}`;
  return `${negative ? '-' : ''}${abs / unit}${fraction}%`;
}

/** a / b as a percentage: completion of budget (2882.93 / 2120.19 → 136.0%, or 135.98% at 2 decimals). */
export function percentOf(part: Cents, whole: Cents, decimals = 1): PercentUnits | undefined {
  if (whole === 0n) return undefined;
  return divideRounded(part * 100n * scale(decimals), whole);
}

/**
 * Shares of a total that add to exactly 100%: each share is floored, then the units still
 * missing go to the largest remainders (ties: larger value, then order). The published
 * 7.5/0.6/0.9/90.0/1.0 of 2,882.93 come out of exactly this.
 */
export function sharesOf(values: readonly Cents[], decimals = 1): PercentUnits[] {
  const total = values.reduce((sum, v) => sum + v, 0n);
  if (total === 0n) return values.map(() => 0n);
  const hundred = 100n * scale(decimals);
  const floors = values.map((v) => (v * hundred) / total);
  const remainders = values.map((v, i) => ({ i, remainder: v * hundred - (floors[i] ?? 0n) * total, value: v }));
  let missing = hundred - floors.reduce((sum, f) => sum + f, 0n);
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
  growth: PercentUnits | undefined;
}

export function yearOnYear(current: Cents, prior: Cents, decimals = 1): YearOnYear {
  const change = current - prior;
  const direction: ChangeDirection = change > 0n ? 'increase' : change < 0n ? 'decrease' : 'unchanged';
  return { change, direction, growth: prior === 0n ? undefined : divideRounded(change * 100n * scale(decimals), prior) };
}

export const CHANGE_WORDS: Readonly<Record<ChangeDirection, { amount: string; rate: string }>> = {
  increase: { amount: '增加', rate: '增长' },
  decrease: { amount: '减少', rate: '下降' },
  unchanged: { amount: '持平', rate: '持平' },
};

/** "增加 1,792.56 万元，增长 164.4%" / "减少 0.60 万元，下降 100.0%" / "持平". */
export function describeChange(change: YearOnYear, format: (cents: Cents) => string, decimals = 1): string {
  const words = CHANGE_WORDS[change.direction];
  if (change.direction === 'unchanged') return words.amount;
  const amount = `${words.amount} ${format(absCents(change.change))} 万元`;
  if (change.growth === undefined) return amount;
  return `${amount}，${words.rate} ${formatPercentAt(change.growth < 0n ? -change.growth : change.growth, decimals)}`;
}
