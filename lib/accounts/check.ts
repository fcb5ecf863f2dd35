// The check engine: runs every rule over a document and returns its findings, blocking
// ones first. Pure: the web app, the CLI, the importers and the tests all call this.

import { CellGrid } from './cells';
import { evaluateAll, type Finding } from './findings';
import { crossTableRules } from './rules/cross-table';
import { otherFigureRules } from './rules/other-figures';
import { selfEvaluationScores, selfEvaluationWeights } from './rules/self-evaluation';
import { classificationRollups, missingParents, printedIdentities, type RuleContext } from './rules/table-identities';
import type { TFinalAccounts } from './schema';

export type { Finding } from './findings';

export function checkFinalAccounts(doc: TFinalAccounts): Finding[] {
  const ctx: RuleContext = { doc, grid: CellGrid.of(doc) };
  const findings = [
    ...evaluateAll(printedIdentities(ctx)),
    ...evaluateAll(classificationRollups(ctx)),
    ...missingParents(ctx),
    ...evaluateAll(crossTableRules(ctx)),
    ...evaluateAll(otherFigureRules(ctx)),
    ...evaluateAll(selfEvaluationWeights(ctx)),
    ...selfEvaluationScores(ctx),
  ];
  const rank = (f: Finding): number => (f.severity === 'blocking' ? 0 : 1);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'blocking');
}
