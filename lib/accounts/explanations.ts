// Explanations (出错说明) of warning findings. A warning does not stop submission once the
// accountant has written why the figures are right; the explanation is stored with the accounts
// and keyed by the finding's rule and anchor, so it stays attached to the same finding while
// other figures change, and lapses when the finding's cells (or sentence) change.
import type { Finding } from './findings';

export interface Explanation {
  rule: string;
  anchor: string;
  text: string;
}

/**
 * Where a finding is: its cells joined with ",". A narrative finding also names its sentence
 * ("narrative[6]@175,…"), since two claims may rest on the same cells.
 */
export function findingAnchor(finding: Pick<Finding, 'cells' | 'location'>): string {
  const cells = finding.cells.join(',');
  if (!finding.location) return cells;
  const sentence = `narrative[${finding.location.section}]@${finding.location.offset}`;
  return cells ? `${sentence},${cells}` : sentence;
}

/** "rule|anchor": one key per explanation, also the path of a submission's field error. */
export function explanationKey(rule: string, anchor: string): string {
  return `${rule}|${anchor}`;
}

export const findingKey = (finding: Finding): string => explanationKey(finding.rule, findingAnchor(finding));

/** The warnings no explanation (with some text) covers yet, in the findings' order. */
export function unexplainedWarnings(findings: readonly Finding[], explanations: readonly Explanation[]): Finding[] {
  const explained = new Set(explanations.filter((e) => e.text.trim() !== '').map((e) => explanationKey(e.rule, e.anchor)));
  return findings.filter((finding) => finding.severity === 'warning' && !explained.has(findingKey(finding)));
}
