// The scoring rules printed under every self-evaluation table (备注 2 and 3):
//   higher-is-better: score = weight × B/A; lower-is-better: weight × A/B; both capped at the weight;
//   qualitative: achieved 100–80% of the weight (80 included), partly 80–50% (50 included), not 50–0%;
//   budget execution: weight (20) × B/A.
// Arithmetic is exact: values are rationals of bigints, never floats.

import { parseAmount, type Cents } from './money';
import type { TIndicator } from './schema';

export interface Rational {
  num: bigint;
  den: bigint;
}

export const rational = (num: bigint, den: bigint = 1n): Rational => (den < 0n ? { num: -num, den: -den } : { num, den });
const multiply = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
const divide = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const compare = (a: Rational, b: Rational): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left < right ? -1 : 1;
};
const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);

/** Points text ("2.5") as a rational. */
export function pointsOf(text: string): Rational {
  return rational(parseAmount(text), 100n);
}

/** The first number printed in a target or actual value: "≤4 小时" → 4, "99.0%" → 99. */
export function numberIn(text: string): Rational | undefined {
  const match = /\d+(?:\.\d+)?/.exec(text.replace(/,/g, ''));
  if (!match) return undefined;
  const [whole = '0', fraction = ''] = match[0].split('.');
  return rational(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

export type Expectation =
  | { kind: 'exact'; score: Rational; explanation: string }
  | { kind: 'range'; min: Rational; max: Rational; maxExcluded: boolean; explanation: string }
  | { kind: 'unreadable'; explanation: string };

const BANDS = {
  achieved: { min: rational(80n, 100n), max: rational(1n), maxExcluded: false, label: '达成预期指标，应得该指标分值的 100%–80%' },
  // "80-50%（含50%）": 80% itself belongs to the band above, so these two exclude their maximum.
  partlyAchieved: { min: rational(50n, 100n), max: rational(80n, 100n), maxExcluded: true, label: '部分达成预期指标，应得该指标分值的 80%（不含）–50%' },
  notAchieved: { min: rational(0n), max: rational(50n, 100n), maxExcluded: true, label: '未达成预期指标，应得该指标分值的 50%（不含）–0%' },
} as const;

export function expectedIndicatorScore(indicator: TIndicator): Expectation {
  const weight = pointsOf(indicator.weight);
  if (indicator.direction === 'qualitative') {
    const band = indicator.band ?? (indicator.actual.trim() === indicator.target.trim() ? 'achieved' : undefined);
    if (band === undefined) return { kind: 'range', min: rational(0n), max: weight, maxExcluded: false, explanation: '定性指标未注明达成程度，得分应在 0 与分值之间' };
    const { min: low, max: high, maxExcluded, label } = BANDS[band];
    return { kind: 'range', min: multiply(weight, low), max: multiply(weight, high), maxExcluded, explanation: label };
  }
  // A blank value is not yet entered (a new year's draft carries last year's targets): say so plainly.
  if (indicator.target.trim() === '' || indicator.actual.trim() === '') {
    return { kind: 'unreadable', explanation: indicator.target.trim() === '' ? '尚未填写年初目标值' : '尚未填写实际完成值' };
  }
  const target = numberIn(indicator.target);
  const actual = numberIn(indicator.actual);
  if (target === undefined || actual === undefined) {
    return { kind: 'unreadable', explanation: `定量指标的目标值“${indicator.target}”或实际值“${indicator.actual}”中读不出数值` };
  }
  const higher = indicator.direction === 'higherIsBetter';
  const [numerator, denominator] = higher ? [actual, target] : [target, actual];
  if (denominator.num === 0n) return { kind: 'exact', score: weight, explanation: higher ? '目标值为 0，得满分' : '实际值为 0，得满分' };
  const score = min(weight, multiply(weight, divide(numerator, denominator)));
  const formula = higher ? '正向指标：得分＝权重×B/A' : '反向指标：得分＝权重×A/B';
  return { kind: 'exact', score, explanation: `${formula}，不超过权重` };
}

/** 预算执行率 B/A and the 20-point score, capped at the weight. */
export function expectedExecution(weightText: string, budget: Cents, executed: Cents): { rate: Rational; score: Rational } | undefined {
  if (budget === 0n) return undefined;
  const rate = rational(executed, budget);
  const weight = pointsOf(weightText);
  return { rate, score: min(weight, multiply(weight, rate)) };
}

/**
 * Whether a printed value lies within half a unit of the exact one, the unit being 10^-decimals
 * (default: the printed precision). Scores are compared at 0.01 whatever their printing, so a
 * "20" cannot hide 19.6.
 */
export function matchesPrinted(printed: string, exact: Rational, decimals: number = printed.split('.')[1]?.length ?? 0): boolean {
  const printedDecimals = printed.split('.')[1]?.length ?? 0;
  const value = rational(BigInt(printed.replace('.', '')), 10n ** BigInt(printedDecimals));
  // |value − exact| ≤ ½·10^-decimals  ⇔  2·10^decimals·|value.num·exact.den − exact.num·value.den| ≤ value.den·exact.den
  const gap = value.num * exact.den - exact.num * value.den;
  const absGap = gap < 0n ? -gap : gap;
  return 2n * absGap * 10n ** BigInt(decimals) <= exact.den * value.den;
}

/** Rounds a rational to `decimals` places, half away from zero, as text. */
export function formatRational(value: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const negative = value.num < 0n;
  const abs = negative ? -value.num : value.num;
  const scaled = (abs * scale * 2n + value.den) / (2n * value.den);
  const whole = (scaled / scale).toString();
  const fraction = decimals > 0 ? `.${(scaled % scale).toString().padStart(decimals, '0')}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}
