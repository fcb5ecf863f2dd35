// saveCells with whole sections (概况, 绩效自评, 情况说明 …) beside cell changes: validated with the
// whole document, errors at the document path, old and new values in the one audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { readFinalAccountsFor, saveCells } from '../../lib/data/accounts-write';
import { disconnectPrisma } from '../../lib/db';
import { BASIC_EDIT, departmentWithAccounts, snapshot, type Organisation } from './entry-fixtures';
import { createOrganisation, db, seedDocument } from './fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

const BASIC = { table: 'expenditure', row: '2101102', column: 'basic' } as const;

/** The seed's performance section with the treasury project's 一级指标 weights as its indicators add up (40 + 40). */
function performanceWithWeightsFixed() {
  const performance = structuredClone(seedDocument().performance);
  const evaluation = performance.projects[3]?.selfEvaluation;
  if (!evaluation) throw new Error('seed project 3 missing');
  evaluation.level1Weights = [{ level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' }];
  return performance;
}

describe('saveCells with sections', () => {
  it('saves a section with a cell in one version and one audit row, old and new values of both', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const overview = { ...seedDocument().overview, functions: ['承担全区大数据基础设施建设。'] };
    const result = await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }], sections: { overview } });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const read = await readFinalAccountsFor(accountant, id);
    expect(read.ok && read.data.document.overview).toEqual(overview);
    const events = await db().auditEvent.findMany({ where: { finalAccountsId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toEqual({ version: 1, cells: BASIC_EDIT.before, sections: { overview: seedDocument().overview } });
    expect(events[0]?.after).toEqual({ version: 2, cells: BASIC_EDIT.after, sections: { overview } });
  });

  it('rewrites the projects and indicators SQL reads when the performance section changes, and the blocking findings go', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const performance = performanceWithWeightsFixed();
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { performance } })).toEqual({ ok: true, data: { version: 2 } });
    const read = await readFinalAccountsFor(accountant, id);
    if (!read.ok) throw new Error(read.message);
    expect(read.data.document.performance).toEqual(performance);
    expect(checkFinalAccounts(read.data.document).filter((f) => f.severity === 'blocking')).toEqual([]);
    expect(await db().project.count({ where: { finalAccountsId: id } })).toBe(6);
  });

  it('writes nothing when a section is the same as stored', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const before = await snapshot(id);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { narrative: seedDocument().narrative } }))
      .toEqual({ ok: true, data: { version: 1 } });
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a bad section at its document path, and writes nothing, not even the good cell', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const before = await snapshot(id);
    const overview = { ...seedDocument().overview, functions: [42] };
    const result = await saveCells(accountant, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [{ ...BASIC, amount: '9.60' }, { ...BASIC, column: 'nonsense', amount: '1.00' }],
      sections: { overview, agencyOperatingCosts: '-3.00' },
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    const errors = result.ok ? [] : (result.fieldErrors ?? []);
    // The template's row and column checks run on a well-formed document: the sections' errors come first.
    expect(errors.map((e) => e.path)).toEqual(['overview.functions[0]', 'agencyOperatingCosts']);
    expect(errors[1]?.message).toMatch(/负/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a section the template lacks, a part that is not a section, and an empty save', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const before = await snapshot(id);
    // hubei-2021 prints the 三公 details: a document of it cannot be without them.
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { threePublicExpenses: null } }))
      .toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'threePublicExpenses' }] });
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { tables: seedDocument().tables } }))
      .toMatchObject({ ok: false, code: 'invalid' });
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: {} }))
      .toMatchObject({ ok: false, code: 'invalid', message: '没有要保存的修改' });
    expect(await snapshot(id)).toEqual(before);
  });
});
