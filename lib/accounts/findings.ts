// A comparison between two sums, and the finding it yields when it fails. Every rule of
// the check engine produces comparisons; this file is the one place that decides whether
// a difference is a rounding difference and how the finding reads.

import { absCents, formatAmount, toAmountText, type Cents } from './money';

export type Severity = 'blocking' | 'warning';
export type Quantity = 'amount' | 'points' | 'count';

/** A label is built only when a comparison fails: most pass, and words cost more than sums. */
export type Label = string | (() => string);

export interface Operand {
  /** Chinese description a reader understands without the formula: "支出决算表（表3） 合计行 基本支出". */
  label: Label;
  /** Signed terms summed into the operand; `ref` is a cell key ("T3:total:2") or a document path. */
  terms: readonly { ref: string; value: Cents; sign: 1 | -1 }[];
}

export interface Comparison {
  rule: string;
  severity: Severity;
  citation: string;
  /** eq: left = right; le: left ≤ right. */
  relation: 'eq' | 'le';
  quantity: Quantity;
  left: Operand;
  right: Operand;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  expected: string;
  actual: string;
  difference: string;
  withinRounding: boolean;
  cells: string[];
  citation: string;
  /** Narrative findings: the sentence the claim is in. */
  location?: NarrativeLocation;
}

export interface NarrativeLocation {
  /** Index into doc.narrative, its heading, and the claim's character offset in its text. */
  section: number;
  heading: string;
  offset: number;
  sentence: string;
}

export const single = (label: Label, ref: string, value: Cents): Operand => ({ label, terms: [{ ref, value, sign: 1 }] });

const operandValue = (operand: Operand): Cents =>
  operand.terms.reduce((sum, term) => sum + (term.sign === 1 ? term.value : -term.value), 0n);

/**
 * Printed amounts are rounded to 0.01 万元, so a sum of n printed terms may drift by 0.01 × n.
 * Only non-blank terms count; one figure printed twice must match exactly.
 */
function roundingTolerance(comparison: Comparison): Cents {
  if (comparison.quantity !== 'amount') return 0n;
  const { left, right } = comparison;
  if (left.terms.length === 1 && right.terms.length === 1) return 0n;
  const summed = left.terms.length >= right.terms.length ? left : right;
  return BigInt(summed.terms.filter((term) => term.value !== 0n).length);
}

export function formatQuantity(value: Cents, quantity: Quantity): string {
  if (quantity === 'amount') return formatAmount(value);
  const text = toAmountText(value).replace(/\.?0+$/, '');
  return quantity === 'points' ? `${text} 分` : text;
}

/** Interchange form of a value: amounts and points as decimal strings, counts as integers. */
function plain(value: Cents, quantity: Quantity): string {
  return quantity === 'count' ? (value / 100n).toString() : toAmountText(value);
}

const labelText = (label: Label): string => (typeof label === 'string' ? label : label());

export function evaluate(comparison: Comparison): Finding | undefined {
  const actual = operandValue(comparison.left);
  const expected = operandValue(comparison.right);
  const difference = actual - expected;
  const fails = comparison.relation === 'eq' ? difference !== 0n : difference > 0n;
  if (!fails) return undefined;
  const withinRounding = absCents(difference) <= roundingTolerance(comparison);
  const { quantity } = comparison;
  const verb = comparison.relation === 'eq' ? '≠' : '大于';
  const gap = comparison.relation === 'eq' ? '差' : '超出';
  const message =
    `${labelText(comparison.left.label)} ${formatQuantity(actual, quantity)} ${verb} ${labelText(comparison.right.label)} ` +
    `${formatQuantity(expected, quantity)}，${gap} ${formatQuantity(absCents(difference), quantity)}` +
    (withinRounding ? '，属舍位误差' : '');
  return {
    rule: comparison.rule,
    // A rounding difference does not forbid submission; it needs a written explanation.
    severity: withinRounding ? 'warning' : comparison.severity,
    message,
    expected: plain(expected, quantity),
    actual: plain(actual, quantity),
    difference: plain(difference, quantity),
    withinRounding,
    cells: [...new Set([...comparison.left.terms, ...comparison.right.terms].map((term) => term.ref))],
    citation: comparison.citation,
  };
}

export function evaluateAll(comparisons: Iterable<Comparison>): Finding[] {
  const findings: Finding[] = [];
  for (const comparison of comparisons) {
    const finding = evaluate(comparison);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** How many findings block submission, and how many are warnings (to be explained). */
export function countFindings(findings: readonly Pick<Finding, 'severity'>[]): { blocking: number; warnings: number } {
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  return { blocking, warnings: findings.length - blocking };
}
