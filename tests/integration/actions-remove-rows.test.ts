// Removing classification rows through saveCells: a row she emptied and removed is gone after a
// reload (the stored document's row list is rewritten), while a row with figures, one with rows
// under it, or a fixed line is refused at its place in the request and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFinalAccountsFor, saveCells } from '../../lib/data/accounts-write';
import { disconnectPrisma } from '../../lib/db';
import { departmentWithAccounts, snapshot, type Organisation } from './entry-fixtures';
import { createOrganisation, db, seedDocument } from './fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

// The seed's one 项 of 资源勘探工业信息等支出: 2150502 一般行政管理事务, 项目支出 2,594.03.
const PROJECT = { table: 'expenditure', row: '2150502', column: 'project' } as const;
const lineage = ['2150502', '21505', '215'];

async function expenditureRows(accountant: Parameters<typeof readFinalAccountsFor>[0], id: string): Promise<string[]> {
  const read = await readFinalAccountsFor(accountant, id);
  if (!read.ok) throw new Error(read.message);
  return read.data.document.tables.expenditure.rows.map((r) => r.row);
}

describe('saveCells removedRows', () => {
  it('removes emptied 项, 款 and 类 rows for good, with the removal in the audit row', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const overview = { ...seedDocument().overview, functions: ['承担全区大数据基础设施建设。'] };
    // Cleared with a section change, so the stored row list is rewritten: the rows stay listed, empty.
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...PROJECT, amount: null }], sections: { overview } }))
      .toEqual({ ok: true, data: { version: 2 } });
    const read = await readFinalAccountsFor(accountant, id);
    const emptied = read.ok ? read.data.document.tables.expenditure.rows.filter((r) => lineage.includes(r.row)) : [];
    expect(emptied.map((r) => [r.row, r.cells])).toEqual([['215', {}], ['21505', {}], ['2150502', {}]]);

    const removedRows = lineage.map((row) => ({ table: 'expenditure' as const, row }));
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 2, changes: [], removedRows })).toEqual({ ok: true, data: { version: 3 } });
    const rows = await expenditureRows(accountant, id);
    for (const code of lineage) expect(rows).not.toContain(code);
    expect(rows).toEqual(seedDocument().tables.expenditure.rows.map((r) => r.row).filter((row) => !lineage.includes(row)));
    const last = await db().auditEvent.findFirst({ where: { finalAccountsId: id }, orderBy: { id: 'desc' } });
    expect(last?.after).toMatchObject({ version: 3, sections: { removedRows } });
  });

  it('refuses a row with figures, a row with rows under it and the 合计 line, naming each, and writes nothing', async () => {
    const { id, accountant } = await departmentWithAccounts(org);
    const before = await snapshot(id);
    const result = await saveCells(accountant, {
      finalAccountsId: id, expectedVersion: 1, changes: [],
      removedRows: [{ table: 'expenditure', row: '2010350' }, { table: 'expenditure', row: '20103' }, { table: 'expenditure', row: 'total' }],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual([
      { path: 'removedRows[0]', message: '支出决算表 2010350 行：该科目还有数字或下级科目，请先清空后再删除' },
      { path: 'removedRows[1]', message: '支出决算表 20103 行：该科目还有数字或下级科目，请先清空后再删除' },
      { path: 'removedRows[2]', message: '支出决算表 total 行：只能删除支出功能分类科目行' },
    ]);
    expect(await snapshot(id)).toEqual(before);
  });
});
