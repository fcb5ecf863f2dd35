// Each claim against the figure it names: amounts and counts, shares, year-on-year change and
// its words, budget completion and the comparison with the budget. A claim whose figure the
// document does not hold (no prior year, a 全年预算 the accounts do not record) is skipped.

import type { Finding } from '../findings';
import { absCents, divideRounded, formatAmount, toAmountText, type Cents } from '../money';
import { percentOf } from '../narrative';
import type { Claim, SectionText } from './extract';
import type { Fact, FactBook, Figure } from './facts';
import { amountGap, finding, percentText, plainPercent, plainQuantity, quantityText, said, type Draft } from './report';
import { atDecimals, tenTo } from './text';

type Check = (claim: Claim, fact: Fact, book: FactBook, context: ClaimContext) => Draft | undefined;

export interface ClaimContext {
  /** Subjects that state a 全年预算: there an unqualified 预算数 means that budget, which the accounts do not hold. */
  fullYearBudget: ReadonlySet<string>;
}

/** A printed figure against the exact one; a coarser print that rounds to it is a rounding difference. */
function compareFigure(claim: Claim, figure: Figure | undefined, unit: string): Draft | undefined {
  const printed = claim.printed;
  if (!figure || !printed) return undefined;
  const decimals = figure.quantity === 'count' ? 0 : 2;
  const exact = figure.quantity === 'count' ? figure.value / 100n : figure.value;
  const precision = Math.max(decimals, printed.decimals);
  const scaledPrinted = atDecimals(printed, precision);
  const scaledExact = precision === decimals ? exact : exact * tenTo(precision - decimals);
  if (scaledPrinted === scaledExact) return undefined;
  const printedValue = figure.quantity === 'count' ? printed.units * 100n : atDecimals(printed, 2);
  const roundedExact = printed.decimals < decimals ? divideRounded(exact, tenTo(decimals - printed.decimals)) : undefined;
  const withinRounding = roundedExact === printed.units;
  const difference = printedValue - figure.value;
  return {
    rule: 'amount',
    severity: withinRounding ? 'warning' : 'blocking',
    message: `${said(claim)}，${figure.describe()} 为 ${quantityText(figure.value, figure, unit)}${figure.quantity === 'amount' ? amountGap(difference) : ''}${withinRounding ? '，属舍位误差' : ''}`,
    expected: plainQuantity(figure.value, figure),
    actual: plainQuantity(printedValue, figure),
    difference: plainQuantity(difference, figure),
    withinRounding,
    refs: figure.refs,
  };
}

/** The cells of two figures, for a finding: built only when there is one. */
const refsOf = (first: Figure, second: Figure): string[] => [...first.refs, ...second.refs];

/** printed vs exact part/whole·100%: equal to the expected rounding, within one printed unit, or wrong. */
function percentDraft(rule: Draft['rule'], claim: Claim, expected: bigint, part: Cents, whole: Cents, message: () => string, first: Figure, second: Figure): Draft | undefined {
  const printed = claim.printed;
  if (!printed || printed.units === expected) return undefined;
  const { decimals } = printed;
  const scaledPart = part * 100n * tenTo(decimals);
  const withinRounding = absCents(printed.units * whole - scaledPart) < absCents(whole);
  return {
    rule,
    severity: withinRounding ? 'warning' : 'blocking',
    message: `${message()}${withinRounding ? '，属舍位差异' : ''}`,
    expected: plainPercent(expected, decimals),
    actual: plainPercent(printed.units, decimals),
    difference: plainPercent(printed.units - expected, decimals),
    withinRounding,
    refs: refsOf(first, second),
  };
}

const share: Check = (claim, fact, book) => {
  const part = fact.current;
  const base = fact.shareOf;
  const decimals = claim.printed?.decimals ?? 0;
  if (!part || !base || !claim.printed) return undefined;
  if (fact.shareSet) {
    const set = book.shareSet(fact.shareSet);
    const index = set.members.findIndex((m) => m.key === fact.key);
    const { total } = set;
    const expected = book.shares(fact.shareSet, decimals)[index] ?? 0n;
    return percentDraft('share', claim, expected, part.value, total,
      () => `${said(claim)}，${part.describe()} ${formatAmount(part.value)} 万元占各项合计 ${formatAmount(total)} 万元，按最大余额法保留 ${decimals} 位小数应为 ${percentText(expected, decimals)}`,
      part, base);
  }
  const expected = percentOf(part.value, base.value, decimals) ?? 0n;
  return percentDraft('share', claim, expected, part.value, base.value,
    () => `${said(claim)}，${part.describe()} ${formatAmount(part.value)} 万元÷${base.describe()} ${formatAmount(base.value)} 万元应为 ${percentText(expected, decimals)}`,
    part, base);
};

const signOf = (word: string | undefined): 1n | -1n => (word === '减少' || word === '下降' ? -1n : 1n);
const directionWord = (change: Cents, amount: boolean): string => (change > 0n ? (amount ? '增加' : '增长') : change < 0n ? (amount ? '减少' : '下降') : '持平');

/** "本年 … 万元（…），上年 … 万元（…）", for a message. */
const bothYears = (current: Figure, prior: Figure): string =>
  `本年 ${formatAmount(current.value)} 万元（${current.describe()}），上年 ${formatAmount(prior.value)} 万元（${prior.describe()}）`;

/** "决算 … 万元（…），预算 … 万元（…）", for a message. */
const actualAndBudget = (actual: Figure, budget: Figure): string =>
  `决算 ${formatAmount(actual.value)} 万元（${actual.describe()}），预算 ${formatAmount(budget.value)} 万元（${budget.describe()}）`;

function yearOnYear(claim: Claim, fact: Fact): Draft | undefined {
  const { current, prior } = fact;
  if (!current || !prior) return undefined;
  const change = current.value - prior.value;
  if (claim.kind === 'unchanged') {
    const tolerance = claim.roughly ? absCents(prior.value) / 100n : 0n;
    if (absCents(change) <= tolerance) return undefined;
    return { rule: 'direction', severity: 'blocking', message: `${said(claim)}，但${bothYears(current, prior)}，${directionWord(change, true)} ${formatAmount(absCents(change))} 万元`, expected: toAmountText(change), actual: '0.00', difference: toAmountText(-change), refs: refsOf(current, prior) };
  }
  const printed = claim.printed;
  if (!printed) return undefined;
  if (claim.kind === 'change') {
    const stated = signOf(claim.word) * atDecimals(printed, 2);
    if (printed.decimals <= 2 && atDecimals(printed, 2) !== absCents(change)) {
      const withinRounding = printed.decimals < 2 && divideRounded(absCents(change), tenTo(2 - printed.decimals)) === printed.units;
      const actually = change === 0n ? '两年持平' : `${directionWord(change, true)} ${formatAmount(absCents(change))} 万元`;
      return { rule: 'change', severity: withinRounding ? 'warning' : 'blocking', message: `${said(claim)}，${bothYears(current, prior)}，${actually}${withinRounding ? '，属舍位误差' : ''}`, expected: toAmountText(change), actual: toAmountText(stated), difference: toAmountText(stated - change), withinRounding, refs: refsOf(current, prior) };
    }
    if (change !== 0n && signOf(claim.word) * change < 0n) {
      return { rule: 'direction', severity: 'blocking', message: `${said(claim)}，但${bothYears(current, prior)}，应为${directionWord(change, true)}`, expected: toAmountText(change), actual: toAmountText(stated), difference: toAmountText(stated - change), refs: refsOf(current, prior) };
    }
    return undefined;
  }
  if (prior.value === 0n) {
    return { rule: 'change', severity: 'warning', message: `${said(claim)}，但上年数为 0（${prior.describe()}），对零基数不能计算${claim.word ?? '增长'}率`, actual: plainPercent(printed.units, printed.decimals), refs: refsOf(current, prior) };
  }
  const expected = divideRounded(absCents(change) * 100n * tenTo(printed.decimals), absCents(prior.value));
  const rate = percentDraft('change', claim, expected, absCents(change), absCents(prior.value), () => `${said(claim)}，${bothYears(current, prior)}，增减率应为 ${percentText(expected, printed.decimals)}`, current, prior);
  if (rate) return rate;
  if (change !== 0n && signOf(claim.word) * change < 0n) {
    return { rule: 'direction', severity: 'blocking', message: `${said(claim)}，但${bothYears(current, prior)}，应为${directionWord(change, false)}`, refs: refsOf(current, prior) };
  }
  if (claim.percentSign === false) {
    return { rule: 'change', severity: 'warning', message: `${said(claim)}，增减率缺少“%”`, expected: plainPercent(expected, printed.decimals), actual: plainPercent(printed.units, printed.decimals), difference: '0', refs: refsOf(current, prior) };
  }
  return undefined;
}

/** The budget a claim compares with, unless it means a 全年预算 the accounts do not hold. */
export function budgetOf(claim: Claim, fact: Fact, context: ClaimContext): Figure | undefined {
  if (claim.qualifier === '全年' || (!claim.qualifier && context.fullYearBudget.has(claim.subject))) return undefined;
  return fact.budget;
}

const completion: Check = (claim, fact, _book, context) => {
  const budget = budgetOf(claim, fact, context);
  const actual = fact.current;
  const printed = claim.printed;
  if (!budget || !actual || !printed) return undefined;
  if (budget.value === 0n) {
    return { rule: 'completion', severity: 'warning', message: `${said(claim)}，但${budget.describe()}为 0，预算为零不能计算完成预算的百分比（决算 ${formatAmount(actual.value)} 万元）`, actual: plainPercent(printed.units, printed.decimals), refs: refsOf(actual, budget) };
  }
  const expected = percentOf(actual.value, budget.value, printed.decimals) ?? 0n;
  return percentDraft('completion', claim, expected, actual.value, budget.value,
    () => `${said(claim)}，${actual.describe()} ${formatAmount(actual.value)} 万元÷${budget.describe()} ${formatAmount(budget.value)} 万元应为 ${percentText(expected, printed.decimals)}`, actual, budget);
};

const RELATIONS: Readonly<Record<string, (difference: Cents) => boolean>> = {
  大于: (d) => d > 0n, 超过: (d) => d > 0n, 高于: (d) => d > 0n, 小于: (d) => d < 0n, 低于: (d) => d < 0n, 等于: (d) => d === 0n, 持平: (d) => d === 0n,
};

const comparison: Check = (claim, fact, _book, context) => {
  const budget = budgetOf(claim, fact, context);
  const actual = fact.current;
  if (!budget || !actual) return undefined;
  const difference = actual.value - budget.value;
  if (claim.kind === 'budgetDifference') {
    const printed = claim.printed;
    if (!printed) return undefined;
    const stated = signOf(claim.word) * atDecimals(printed, 2);
    if (stated === difference || (difference === 0n && printed.units === 0n)) return undefined;
    return { rule: 'comparison', severity: 'blocking', message: `${said(claim)}，${actualAndBudget(actual, budget)}，决算比预算${directionWord(difference, true)} ${formatAmount(absCents(difference))} 万元`, expected: toAmountText(difference), actual: toAmountText(stated), difference: toAmountText(stated - difference), refs: refsOf(actual, budget) };
  }
  const holds = claim.roughly ? absCents(difference) <= absCents(budget.value) / 100n : RELATIONS[claim.word ?? '']?.(difference) ?? true;
  if (holds) return undefined;
  const truth = difference > 0n ? '大于' : difference < 0n ? '小于' : '等于';
  return { rule: 'comparison', severity: 'blocking', message: `${said(claim)}，但${actualAndBudget(actual, budget)}，决算数${truth}预算数`, expected: toAmountText(difference), refs: refsOf(actual, budget) };
};

const none: Check = (claim, fact) => {
  const nonZero = (fact.none ?? []).filter((figure) => figure.value !== 0n);
  if (nonZero.length === 0) return undefined;
  return {
    rule: 'amount',
    severity: 'blocking',
    message: `${said(claim)}，但${nonZero.map((f) => `${f.describe()} 为 ${formatAmount(f.value)} 万元`).join('，')}`,
    expected: toAmountText(nonZero[0]?.value ?? 0n),
    actual: '0.00',
    difference: toAmountText(-(nonZero[0]?.value ?? 0n)),
    refs: nonZero.flatMap((f) => f.refs),
  };
};

const CHECKS: Readonly<Record<Claim['kind'], Check>> = {
  amount: (claim, fact) => compareFigure(claim, fact.current, ''),
  actual: (claim, fact) => compareFigure(claim, fact.current, ''),
  budget: (claim, fact, _book, context) => compareFigure(claim, budgetOf(claim, fact, context), ''),
  count: (claim, fact) => compareFigure(claim, fact.count, unitOf(claim.quote)),
  score: (claim, fact) => compareFigure(claim, fact.score, ''),
  share,
  change: (claim, fact) => yearOnYear(claim, fact),
  growth: (claim, fact) => yearOnYear(claim, fact),
  unchanged: (claim, fact) => yearOnYear(claim, fact),
  completion,
  comparison,
  budgetDifference: comparison,
  none,
};

const UNIT = /(辆|台\(套\)|台|套|个)$/;
const unitOf = (quote: string): string => UNIT.exec(quote)?.[1] ?? '';

/** What the claims of one narrative tell about each other: the subjects that state a 全年预算. */
export function claimContext(claims: readonly Claim[]): ClaimContext {
  return { fullYearBudget: new Set(claims.filter((c) => c.kind === 'budget' && c.qualifier === '全年').map((c) => c.subject)) };
}

/** One claim against its fact: the finding's draft, undefined where it agrees (or its figures are not held). */
export function checkClaim(claim: Claim, fact: Fact, book: FactBook, context: ClaimContext): Draft | undefined {
  return CHECKS[claim.kind](claim, fact, book, context);
}

export function checkClaims(claims: readonly Claim[], book: FactBook, sections: readonly SectionText[]): Finding[] {
  const context = claimContext(claims);
  const findings: Finding[] = [];
  for (const claim of claims) {
    const fact = book.fact(claim.subject);
    const section = sections[claim.section];
    if (!fact || !section) continue;
    const draft = checkClaim(claim, fact, book, context);
    if (draft) findings.push(finding(section, claim.offset, draft));
  }
  return findings;
}

