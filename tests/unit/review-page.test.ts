// The review page's pure parts on the seed document (武汉市硚口区大数据中心 2021): comment anchors
// named as the tables print them, which changes answer which comments, and the comparisons with
// the budget and the previous year — the same 1,792.56 and 164.4% the narrative prints.
import { describe, expect, it } from 'vitest';
import { anchorLabel, isAnsweredBy, parseAnchor } from '../../app/(review)/review/_lib/anchors';
import { budgetComparison, priorYearComparison } from '../../app/(review)/review/_lib/comparisons';
import { historyAction, historyDetail } from '../../app/(review)/review/_lib/history';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';
import { loadSeed } from './seed-document';

describe('review comment anchors', () => {
  const seed = loadSeed();

  it('names a cell, a table and a paragraph as the document prints them', () => {
    expect(anchorLabel('expenditure:201:basic', HUBEI_2021, seed)).toBe('表3 支出决算表 201 一般公共服务支出 基本支出');
    expect(anchorLabel('threePublicExpensesTable:total:budgetReceptions', HUBEI_2021, seed)).toBe('表7 一般公共预算财政拨款“三公”经费支出决算表 预算数 公务接待费');
    expect(anchorLabel('table:income', HUBEI_2021, seed)).toBe('表2 收入决算表（整表）');
    expect(anchorLabel('narrative[0]', HUBEI_2021, seed)).toBe('情况说明「一、收入支出决算总体情况说明」');
    expect(parseAnchor('procurement.total')).toEqual({ kind: 'path', path: 'procurement.total' });
  });

  it('takes a change as an answer only where the comment points', () => {
    expect(isAnsweredBy('expenditure:201:basic', 'expenditure:201:basic')).toBe(true);
    expect(isAnsweredBy('expenditure:201:basic', 'expenditure:201:total')).toBe(false);
    expect(isAnsweredBy('table:expenditure', 'expenditure:2010350:basic')).toBe(true);
    expect(isAnsweredBy('table:expenditure', 'income:201:total')).toBe(false);
    expect(isAnsweredBy('narrative[2]', 'narrative[2]')).toBe(true);
    expect(isAnsweredBy('narrative[2]', 'narrative[3]')).toBe(false);
    expect(isAnsweredBy('performance.projects[3]', 'performance.projects[3].name')).toBe(true);
  });
});

describe('review comparisons', () => {
  const seed = loadSeed();

  it('sets each class of 一般公共预算财政拨款支出 against its 年初预算, and the total', () => {
    const lines = budgetComparison(seed);
    expect(lines[0]).toEqual({ label: '201 一般公共服务支出', cell: 'generalBudgetExpenditure:201:total', base: '157.44', actual: '214.65', difference: '+57.21', rate: '136.3%' });
    expect(lines.at(-1)).toMatchObject({ base: '2,120.19', actual: '2,882.93', difference: '+762.74', rate: '136.0%' });
  });

  it('sets this year against the prior-year figures, as the narrative does', () => {
    const total = priorYearComparison(seed, undefined).find((line) => line.label === '收、支总计');
    expect(total).toEqual({ label: '收、支总计', cell: 'incomeExpenditureSummary:incomeGrandTotal:income', base: '1,090.37', actual: '2,882.93', difference: '+1,792.56', rate: '+164.4%' });
  });

  it('with last year\'s accounts, also each class of 支出决算表', () => {
    const lines = priorYearComparison(seed, seed);
    expect(lines.find((line) => line.label === '支出 215 资源勘探工业信息等支出')).toMatchObject({ base: '2,594.03', actual: '2,594.03', difference: '0.00', rate: '0.0%' });
  });
});

describe('review history', () => {
  it('says what each audited action was', () => {
    expect(historyAction('finalAccounts.return')).toBe('退回');
    expect(historyDetail('comment.create', null, { version: 2, anchor: 'table:income', body: '请核对' })).toBe('第 2 版，“请核对”');
    expect(historyDetail('finalAccounts.correct', null, { reason: '更正表3' })).toBe('原因：更正表3');
  });
});
