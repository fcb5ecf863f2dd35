// The check panel's groups, from the seed document's own findings and from a figure changed in 表3.
import { describe, expect, it } from 'vitest';
import { currentYearCells, findingTarget, groupFindings, groupOf, highlightsOf } from '../../app/(entry)/entry/[id]/_lib/finding-groups';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';
import { loadSeed, setCell } from './seed-document';

describe('groupFindings', () => {
  it('lists the seed document\'s findings under 绩效 and 情况说明, blocking first', () => {
    const groups = groupFindings(checkFinalAccounts(loadSeed()), HUBEI_2021);
    expect(groups.map((g) => [g.label, g.blocking, g.findings.length])).toEqual([['绩效', 2, 3], ['情况说明', 0, 8]]);
    expect(groups[0]?.findings.map((f) => f.severity)).toEqual(['blocking', 'blocking', 'warning']);
  });

  it('puts a finding on 表3 under 表3 and points its link at the table', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2010350', 'basic', '215.65'); // 1 more than printed: 行 no longer adds up
    const findings = checkFinalAccounts(doc);
    const groups = groupFindings(findings, HUBEI_2021);
    const table3 = groups.find((g) => g.key === 'expenditure');
    expect(table3?.label).toBe('表3 支出决算表');
    expect(table3?.blocking).toBeGreaterThan(0);
    const first = table3?.findings[0];
    expect(first && findingTarget(first)).toBe('expenditure');
    expect(first?.cells).toContain('expenditure:2010350:basic');
    // Tables come in printed order, before the other parts.
    const keys = groups.map((g) => g.key);
    expect(keys.indexOf('expenditure')).toBeLessThan(keys.indexOf('performance'));
  });
});

describe('where a finding points', () => {
  it('goes to the section of a document path, and leaves out last year\'s cells', () => {
    expect(findingTarget({ rule: 'procurement.parts', cells: ['procurement.total', 'procurement.goods'] })).toBe('procurement');
    expect(groupOf({ rule: 'budget.bySubject', cells: ['comparisons.initialBudget.bySubject[0].amount'] })).toBe('comparisons');
    expect(findingTarget({ rule: 'performance.projects', cells: ['performance.projects[0].selfEvaluation.execution.executed', 'generalBudgetExpenditure:total:project'] })).toBe('performance');
    const yearJoin = { rule: 'yearJoin.openingBalance', cells: ['previousYear:incomeExpenditureSummary:closingBalance:expenditure', 'incomeExpenditureSummary:openingBalance:income'] };
    expect(groupOf(yearJoin)).toBe('yearJoin');
    expect(findingTarget(yearJoin)).toBe('incomeExpenditureSummary');
    expect(currentYearCells(yearJoin)).toEqual(['incomeExpenditureSummary:openingBalance:income']);
    expect(groupOf({ rule: 'x', cells: [] })).toBe('other');
  });

  it('sends a narrative claim to its sentence in 情况说明', () => {
    const claim = checkFinalAccounts(loadSeed()).find((f) => f.rule.startsWith('narrative.') && f.location);
    expect(claim && findingTarget(claim)).toBe('narrative');
    expect(claim && highlightsOf(claim)[0]).toMatch(/^narrative\[\d+\]@\d+$/);
  });
});
