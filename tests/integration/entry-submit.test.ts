// Submitting the seed department's accounts: refused while its two blocking findings stand,
// then while any of its nine warnings is unexplained; accepted once all are explained, after
// which the accounts are read-only for the accountant, with a revision and an audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { explanationKey, findingAnchor } from '../../lib/accounts/explanations';
import { saveCells } from '../../lib/data/accounts-write';
import { readEntry, saveExplanation, startYear, submitFinalAccounts } from '../../lib/data/entry';
import { disconnectPrisma } from '../../lib/db';
import { departmentWithAccounts, snapshot, type Organisation } from './entry-fixtures';
import { createOrganisation, db, seedDocument, shanghaiDocuments } from './fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

/** The treasury project's 一级指标 weights as its indicators add up (printed 70 and 10; they add to 40 and 40). */
function fixedPerformance() {
  const performance = seedDocument().performance;
  const evaluation = performance.projects[3]?.selfEvaluation;
  if (!evaluation) throw new Error('seed project 3 missing');
  evaluation.level1Weights = [{ level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' }];
  return performance;
}

describe('submitFinalAccounts', () => {
  it('refuses blocking findings, then unexplained warnings, and submits once every warning is explained', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const initial = await snapshot(id);

    const blocked = await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 1 });
    expect(blocked).toMatchObject({ ok: false, code: 'conflict' });
    expect(!blocked.ok && blocked.message).toMatch(/^还有 2 个必须修正的问题，不能上报。第一个：项目「国库集中支付结转资金/);
    expect(!blocked.ok && blocked.fieldErrors?.map((e) => e.path.split('|')[0])).toEqual(['selfEvaluation.weights', 'selfEvaluation.weights']);
    expect(await snapshot(id)).toEqual(initial);

    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { performance: fixedPerformance() } }))
      .toEqual({ ok: true, data: { version: 2 } });
    const entry = await readEntry(accountant, id);
    if (!entry.ok) throw new Error(entry.message);
    const warnings = checkFinalAccounts(entry.data.accounts.document).filter((f) => f.severity === 'warning');
    expect(warnings).toHaveLength(9);

    const unexplained = await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 2 });
    expect(unexplained).toMatchObject({ ok: false, code: 'invalid', message: '还有 9 个提示没有写出错说明，写明原因后方可上报' });
    expect(!unexplained.ok && unexplained.fieldErrors?.map((e) => e.path)).toEqual(warnings.map((f) => explanationKey(f.rule, findingAnchor(f, entry.data.accounts.document))));

    for (const warning of warnings.slice(0, 8)) {
      expect(await saveExplanation(accountant, { finalAccountsId: id, rule: warning.rule, anchor: findingAnchor(warning, entry.data.accounts.document), text: '预算为零、上年为零，按惯例写作 0.0%' }))
        .toMatchObject({ ok: true, data: { explanation: { rule: warning.rule } } });
    }
    const oneLeft = await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 2 });
    expect(!oneLeft.ok && oneLeft.fieldErrors).toEqual([{ path: explanationKey(warnings[8]?.rule ?? '', findingAnchor(warnings[8]!, entry.data.accounts.document)), message: warnings[8]?.message }]);
    const beforeSubmit = await snapshot(id);
    expect(beforeSubmit).toMatchObject({ version: 2, status: 'DRAFT', revisions: 0 });

    const last = warnings[8]!;
    await saveExplanation(accountant, { finalAccountsId: id, rule: last.rule, anchor: findingAnchor(last, entry.data.accounts.document), text: '四舍五入所致' });
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 2 })).toEqual({ ok: true, data: { version: 3, status: 'SUBMITTED' } });

    const after = await snapshot(id);
    expect(after).toMatchObject({ version: 3, status: 'SUBMITTED', revisions: 1, figures: beforeSubmit.figures });
    expect(after.submittedAt).toBeInstanceOf(Date);
    const revision = await db().finalAccountsRevision.findFirstOrThrow({ where: { finalAccountsId: id } });
    expect(revision).toMatchObject({ version: 3, status: 'SUBMITTED' });
    expect((revision.document as { performance: unknown }).performance).toEqual(fixedPerformance());
    const submitted = await db().auditEvent.findFirstOrThrow({ where: { finalAccountsId: id, action: 'finalAccounts.submit' } });
    expect(submitted).toMatchObject({ actorId: accountant.id, before: { status: 'DRAFT', version: 2 }, after: { status: 'SUBMITTED', version: 3 } });
    expect((submitted.after as { explanations: unknown[] }).explanations).toHaveLength(9);
  });

  it('makes the accounts read-only for the accountant once submitted: saves, explanations and a second submit are conflicts', async () => {
    const { id, accountant } = await departmentWithAccounts(org, { status: 'SUBMITTED' });
    const before = await snapshot(id);
    const conflict = { ok: false, code: 'conflict', message: '已上报的决算不能修改；退回后方可修改' };
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ table: 'expenditure', row: '2101102', column: 'basic', amount: '9.60' }] })).toEqual(conflict);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { performance: fixedPerformance() } })).toEqual(conflict);
    expect(await saveExplanation(accountant, { finalAccountsId: id, rule: 'performance.projects', anchor: 'x', text: '说明' })).toEqual(conflict);
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 1 })).toEqual(conflict);
    expect(await snapshot(id)).toEqual(before);
    expect(await readEntry(accountant, id)).toMatchObject({ ok: true, data: { accounts: { status: 'SUBMITTED' } } });
  });

  it('submits returned accounts again', async () => {
    const document = { ...seedDocument(), performance: fixedPerformance() };
    const { id, accountant } = await departmentWithAccounts(org, { status: 'RETURNED', document });
    for (const warning of checkFinalAccounts(document).filter((f) => f.severity === 'warning')) {
      await saveExplanation(accountant, { finalAccountsId: id, rule: warning.rule, anchor: findingAnchor(warning, document), text: '已核实' });
    }
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 1 })).toEqual({ ok: true, data: { version: 2, status: 'SUBMITTED' } });
  });

  it('checks the year join against last year’s approved accounts: an adjusted opening balance needs an explanation', async () => {
    const shanghai = await createOrganisation(2024);
    const [financeBureau] = shanghaiDocuments();
    const { accountant, departmentId } = await departmentWithAccounts(shanghai, { status: 'PUBLISHED', document: financeBureau });
    const started = await startYear(accountant, { departmentId, fiscalYear: 2025 });
    if (!started.ok) throw new Error(started.message);
    const id = started.data.finalAccountsId;
    // 2024 closed with 55.34 (财政拨款 21.63): open with 50.00 instead, and close both years' balances so the totals balance.
    expect(await saveCells(accountant, {
      finalAccountsId: id, expectedVersion: 1, changes: [
        { table: 'incomeExpenditureSummary', row: 'openingBalance', column: 'income', amount: '50.00' },
        { table: 'incomeExpenditureSummary', row: 'closingBalance', column: 'expenditure', amount: '50.00' },
        { table: 'appropriationSummary', row: 'closingBalance', column: 'generalBudget', amount: '21.63' },
      ],
    })).toEqual({ ok: true, data: { version: 2 } });
    const anchor = 'incomeExpenditureSummary:openingBalance:income,previousYear:incomeExpenditureSummary:closingBalance:expenditure';
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 2 })).toEqual({
      ok: false, code: 'invalid', message: '还有 1 个提示没有写出错说明，写明原因后方可上报',
      fieldErrors: [{
        path: `yearJoin.openingBalance|${anchor}`,
        message: '2025 年 收入支出决算总表 「年初结转和结余」 50.00 与 2024 年 收入支出决算总表 「年末结转和结余」 55.34 不一致，差 5.34；如有调整，请说明原因',
      }],
    });
    await saveExplanation(accountant, { finalAccountsId: id, rule: 'yearJoin.openingBalance', anchor, text: '2024 年决算批复后收回结余资金 5.34 万元' });
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 2 })).toEqual({ ok: true, data: { version: 3, status: 'SUBMITTED' } });
  });
});
