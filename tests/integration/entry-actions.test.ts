// Every entry action called directly, as the 'use server' wrappers call them, on a real
// database: who may do what (no session, another department, a reviewer), a stale or failed
// write leaving nothing behind, and the audit log holding every change with old and new values.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFinalAccountsFor, saveCells } from '../../lib/data/accounts-write';
import type { Actor } from '../../lib/data/actor';
import { readEntry, saveExplanation, startYear, submitFinalAccounts } from '../../lib/data/entry';
import { disconnectPrisma } from '../../lib/db';
import { BASIC_EDIT, createActor, departmentWithAccounts, notFound, snapshot, unauthenticated, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';

afterAll(disconnectPrisma);

const BASIC = { table: 'expenditure', row: '2101102', column: 'basic' } as const;
// A warning of the seed: the six projects' executed amounts add to 2,594.02, 表5 prints 2,594.03.
const EXECUTION_RULE = 'performance.projects';
const EXECUTION_ANCHOR = [0, 1, 2, 3, 4, 5].map((i) => `performance.projects[${i}].selfEvaluation.execution.executed`).concat('generalBudgetExpenditure:total:project').join(',');

/** One call of every action on the accounts `id` of department `departmentId`, as `actor`. */
function everyAction(actor: Actor | null, id: string, departmentId: string) {
  return {
    readEntry: () => readEntry(actor, id),
    readFinalAccounts: () => readFinalAccountsFor(actor, id),
    saveCells: () => saveCells(actor, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] }),
    saveSection: () => saveCells(actor, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { agencyOperatingCosts: '1.00' } }),
    saveExplanation: () => saveExplanation(actor, { finalAccountsId: id, rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: '舍位误差' }),
    submit: () => submitFinalAccounts(actor, { finalAccountsId: id, expectedVersion: 1 }),
    startYear: () => startYear(actor, { departmentId, fiscalYear: 2022 }),
  };
}

let orgA: Organisation;
let orgB: Organisation;

beforeAll(async () => {
  orgA = await createOrganisation(2021);
  orgB = await createOrganisation(2021);
});

describe('entry actions: who may act', () => {
  it('refuses every action without a session, and writes nothing', async () => {
    const { id, departmentId } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    for (const [name, act] of Object.entries(everyAction(null, id, departmentId))) {
      expect([name, await act()]).toEqual([name, unauthenticated]);
    }
    expect(await snapshot(id)).toEqual(before);
    expect(await db().finalAccounts.count({ where: { departmentId } })).toBe(1);
  });

  it('lets an accountant of department A neither read nor change department B: not found, nothing written', async () => {
    const { accountant: accountantA } = await departmentWithAccounts(orgA);
    const { id: idB, departmentId: departmentB } = await departmentWithAccounts(orgB);
    const before = await snapshot(idB);
    for (const [name, act] of Object.entries(everyAction(accountantA, idB, departmentB))) {
      const result = await act();
      expect([name, result.ok ? 'ok' : result.code]).toEqual([name, 'not_found']);
      if (name !== 'startYear') expect(result).toEqual(notFound);
    }
    expect(await startYear(accountantA, { departmentId: departmentB, fiscalYear: 2022 })).toEqual({ ok: false, code: 'not_found', message: '没有找到该部门，或您无权访问' });
    expect(await readEntry(accountantA, randomUUID())).toEqual(notFound);
    expect(await snapshot(idB)).toEqual(before);
    expect(await db().finalAccounts.count({ where: { departmentId: departmentB } })).toBe(1);
  });

  it('lets a reviewer or admin of the district read, but not edit figures, explain, submit or start a year', async () => {
    const { id, departmentId } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    for (const actor of [await createActor('REVIEWER', orgA), await createActor('ADMIN', orgA)]) {
      const actions = everyAction(actor, id, departmentId);
      expect(await actions.readEntry()).toMatchObject({ ok: true, data: { accounts: { id, version: 1, status: 'DRAFT' } } });
      for (const name of ['saveCells', 'saveSection', 'saveExplanation', 'submit', 'startYear'] as const) {
        const result = await actions[name]();
        expect([name, result.ok ? 'ok' : result.code]).toEqual([name, 'forbidden']);
      }
    }
    const otherReviewer = await createActor('REVIEWER', orgB);
    expect(await readEntry(otherReviewer, id)).toEqual(notFound);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('entry actions: what a refused write leaves', () => {
  it('refuses a stale save, section, explanation-free submit, and overwrites nothing', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] })).toEqual({ ok: true, data: { version: 2 } });
    const before = await snapshot(id);
    const stale = { ok: false, code: 'stale', message: '该决算已被他人修改，请刷新后重试' };
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] })).toEqual(stale);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { agencyOperatingCosts: '1.00' } })).toEqual(stale);
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 1 })).toEqual(stale);
    expect(await snapshot(id)).toEqual(before);
    expect(before.figures['expenditure:2101102:basic']).toBe('9.60');
  });

  it('leaves figures, version, skeleton and audit count as they were after a failed save', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountant, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [{ ...BASIC, amount: '9.60' }, { table: 'expenditure', row: '2101102', column: 'total', amount: '9.601' }],
      sections: { agencyOperatingCosts: '22.00' },
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'changes[1].amount' }] });
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('entry actions: explanations are bounded', () => {
  it('refuses an anchor longer than any the core makes, as bad input, not as an internal error', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveExplanation(accountant, { finalAccountsId: id, rule: EXECUTION_RULE, anchor: '表'.repeat(3_000), text: '舍位误差' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.fieldErrors?.map((e) => [e.path, e.message.slice(0, 4)])).toEqual([['anchor', '位置过长']]);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('entry actions: the audit log', () => {
  it('holds every change, cells, sections and explanations, with old and new values, in order', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] });
    await saveCells(accountant, { finalAccountsId: id, expectedVersion: 2, changes: [{ ...BASIC, amount: '9.58' }], sections: { agencyOperatingCosts: '21.00' } });
    await saveExplanation(accountant, { finalAccountsId: id, rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: '各项目执行数四舍五入所致' });
    await saveExplanation(accountant, { finalAccountsId: id, rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: '  ' });
    const events = await db().auditEvent.findMany({ where: { finalAccountsId: id }, orderBy: { id: 'asc' } });
    const who = { actorId: accountant.id, actorLabel: accountant.email, entity: 'FinalAccounts', entityId: id };
    expect(events.map(({ actorId, actorLabel, entity, entityId, action, before, after }) => ({ actorId, actorLabel, entity, entityId, action, before, after }))).toEqual([
      { ...who, action: 'figure.update', before: { version: 1, cells: BASIC_EDIT.before }, after: { version: 2, cells: BASIC_EDIT.after } },
      {
        // Back from 9.60 to 9.58: every cell it fed returns to the seed's figure.
        ...who, action: 'figure.update',
        before: { version: 2, cells: BASIC_EDIT.after, sections: { agencyOperatingCosts: '25.88' } },
        after: { version: 3, cells: BASIC_EDIT.before, sections: { agencyOperatingCosts: '21.00' } },
      },
      { ...who, action: 'explanation.update', before: { rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: null }, after: { rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: '各项目执行数四舍五入所致' } },
      { ...who, action: 'explanation.update', before: { rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: '各项目执行数四舍五入所致' }, after: { rule: EXECUTION_RULE, anchor: EXECUTION_ANCHOR, text: null } },
    ]);
    expect((await snapshot(id)).explanations).toEqual([]);
  });
});
