// Explanations of the seed's warnings: each of its 9 warnings has an anchor of its own, stable
// while unrelated figures change, and submission is held until every one is explained.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { explanationKey, findingAnchor, unexplainedWarnings } from '../../lib/accounts/explanations';
import { loadSeed, setCell } from './seed-document';

const findings = checkFinalAccounts(loadSeed());
const warnings = findings.filter((f) => f.severity === 'warning');

describe('findingAnchor on the seed’s findings', () => {
  it('has 11 findings, 9 of them warnings, each with a distinct (rule, anchor)', () => {
    expect(findings).toHaveLength(11);
    expect(warnings).toHaveLength(9);
    expect(new Set(findings.map((f) => explanationKey(f.rule, findingAnchor(f)))).size).toBe(11);
  });

  it('joins a table finding’s cells: the project execution sum against 表5 项目支出', () => {
    const execution = findings.find((f) => f.rule === 'performance.projects');
    expect(execution && findingAnchor(execution)).toBe([
      ...[0, 1, 2, 3, 4, 5].map((i) => `performance.projects[${i}].selfEvaluation.execution.executed`),
      'generalBudgetExpenditure:total:project',
    ].join(','));
  });

  it('names a narrative finding’s section and offset before its cells', () => {
    const completion = findings.filter((f) => f.rule === 'narrative.completion').map(findingAnchor);
    expect(completion[0]).toBe('narrative[6]@175,threePublicExpensesTable:total:actualOverseasTrips,threePublicExpensesTable:total:budgetOverseasTrips');
    expect(completion.every((anchor) => anchor.startsWith('narrative[6]@'))).toBe(true);
  });

  it('keeps the anchors of the other warnings when a figure changes, and gives the new warning its own', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2101102', 'basic', '9.60'); // 款 21011 basic now 0.02 short of its 项: a rounding warning
    const after = checkFinalAccounts(doc).filter((f) => f.severity === 'warning').map(findingAnchor);
    expect(after).toEqual([
      'expenditure:21011:basic,expenditure:2101102:basic,expenditure:2101103:basic,expenditure:2101199:basic',
      ...warnings.map(findingAnchor),
    ]);
  });
});

describe('unexplainedWarnings', () => {
  const explain = (f: (typeof findings)[number], text = '预算为零，按惯例写作 0.0%') => ({ rule: f.rule, anchor: findingAnchor(f), text });

  it('lists every warning, and no blocking finding, while nothing is explained', () => {
    expect(unexplainedWarnings(findings, [])).toEqual(warnings);
  });

  it('drops exactly the explained warnings; blank text or another rule explains nothing', () => {
    const [first, second, third] = warnings;
    if (!first || !second || !third) throw new Error('seed warnings missing');
    const left = unexplainedWarnings(findings, [
      explain(first), explain(second, '   '), { ...explain(third), rule: 'narrative.other' },
    ]);
    expect(left).toEqual(warnings.slice(1));
    expect(unexplainedWarnings(findings, warnings.map((w) => explain(w)))).toEqual([]);
  });
});
