// The check engine: runs every rule of a document's template over it and returns its findings,
// blocking ones first. Pure: the web app, the CLI, the importers and the tests all call this.
// A template's fixed comparisons are compiled once; a check sums cells and builds words only
// for what fails.

import { CellGrid } from './cells';
import { findFunctionalSubject } from './classification';
import { evaluateAll, type Finding } from './findings';
import { checkNarrative } from './narrative-check';
import { evaluateAllCells, type CellComparison } from './rules/compiled';
import type { RuleContext } from './rules/context';
import { compileCrossTable, generalBudgetWithinExpenditure } from './rules/cross-table';
import { otherFigureRules } from './rules/other-figures';
import { selfEvaluationScores, selfEvaluationWeights } from './rules/self-evaluation';
import { classificationRollups, compileFixedIdentities, functionalColumnIdentities, missingParents } from './rules/table-identities';
import { yearJoinFindings } from './rules/year-join';
import type { TFinalAccounts } from './schema';
import { templateFor } from './templates';
import type { Template } from './templates/types';

export type { Finding } from './findings';

interface CompiledTemplate {
  fixed: CellComparison[];
  /** The document being checked, for the words of a failing compiled comparison. */
  current: { ctx?: RuleContext };
}

const compiledTemplates = new WeakMap<Template, CompiledTemplate>();

function compiled(template: Template): CompiledTemplate {
  let entry = compiledTemplates.get(template);
  if (!entry) {
    const current: { ctx?: RuleContext } = {};
    const describe = (): RuleContext => {
      if (!current.ctx) throw new Error('compiled rule described outside a check');
      return current.ctx;
    };
    entry = { fixed: [...compileFixedIdentities(template, describe), ...compileCrossTable(template, describe)], current };
    compiledTemplates.set(template, entry);
  }
  return entry;
}

export function ruleContext(doc: TFinalAccounts, grid: CellGrid = CellGrid.of(doc)): RuleContext {
  const template = templateFor(doc.template);
  const printed = new Map<string, string>();
  for (const kind of template.order) {
    for (const row of doc.tables[kind].rows) if (row.name && !printed.has(row.row)) printed.set(row.row, row.name);
  }
  for (const line of doc.comparisons.initialBudget.bySubject) if (line.name && !printed.has(line.code)) printed.set(line.code, line.name);
  return { doc, template, grid, subjectName: (code) => findFunctionalSubject(doc.fiscalYear, code)?.name ?? printed.get(code) };
}

export interface CheckOptions {
  /** Last year's approved (or published) accounts: adds the year-join findings (rules/year-join.ts). */
  previousYear?: TFinalAccounts;
}

export function checkFinalAccounts(doc: TFinalAccounts, options: CheckOptions = {}): Finding[] {
  const ctx = ruleContext(doc);
  const { fixed, current } = compiled(ctx.template);
  const findings: Finding[] = [];
  current.ctx = ctx;
  try {
    evaluateAllCells(fixed, ctx.grid, findings);
    functionalColumnIdentities(ctx, findings);
    classificationRollups(ctx, findings);
    missingParents(ctx, findings);
    generalBudgetWithinExpenditure(ctx, findings);
  } finally {
    current.ctx = undefined;
  }
  if (options.previousYear) findings.push(...yearJoinFindings(ctx, ruleContext(options.previousYear)));
  findings.push(
    ...evaluateAll(otherFigureRules(ctx)),
    ...evaluateAll(selfEvaluationWeights(ctx)),
    ...selfEvaluationScores(ctx),
    ...checkNarrative(doc, ctx.template, ctx.grid),
  );
  const rank = (f: Finding): number => (f.severity === 'blocking' ? 0 : 1);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'blocking');
}
