// Consolidation (汇总) is a SQL sum over figures grouped by cell. This proves the storage
// supports it exactly: numeric(18,2) sums, no float anywhere. The consolidation functions
// themselves come later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCells, cellKey } from '../../lib/accounts/cells';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { disconnectPrisma } from '../../lib/db';
import { SHANGHAI_DISTRICT } from '../../prisma/seed';
import { createOrganisation, db, seedDocument, shanghaiDocuments } from './fixtures';

afterAll(disconnectPrisma);

function setCell(doc: TFinalAccounts, table: keyof TFinalAccounts['tables'], row: string, column: string, amount: string): void {
  const rows = doc.tables[table].rows;
  const target = rows.find((r) => r.row === row) ?? rows[rows.push({ row, cells: {} }) - 1];
  if (target) target.cells[column] = amount;
}

describe('summing two units cell by cell in SQL', () => {
  const own = seedDocument();
  const subordinate = seedDocument();
  // Amounts a float would get wrong: 0.1 + 0.2, and large ones beyond 2^53 hundredths.
  setCell(own, 'threePublicExpensesTable', 'total', 'budgetOverseasTrips', '0.10');
  setCell(subordinate, 'threePublicExpensesTable', 'total', 'budgetOverseasTrips', '0.20');
  setCell(own, 'generalBudgetBasicExpenditure', '30199', 'amount', '9999999999999.99');
  setCell(subordinate, 'generalBudgetBasicExpenditure', '30199', 'amount', '0.01');
  let ids: string[] = [];

  beforeAll(async () => {
    const { department, ownUnit, subordinate: sub } = await createOrganisation(own.fiscalYear);
    ids = await db().$transaction(async (tx) => [
      (await createFinalAccounts(tx, { departmentId: department.id, unitId: ownUnit.id, document: own })).id,
      (await createFinalAccounts(tx, { departmentId: department.id, unitId: sub.id, document: subordinate })).id,
    ]);
  });

  async function consolidated(): Promise<Map<string, string>> {
    const rows = await db().$queryRaw<{ table_code: string; row_key: string; column_key: string; amount: string }[]>`
      SELECT table_code, row_key, column_key, SUM(amount)::text AS amount
      FROM figure
      WHERE final_accounts_id = ANY(${ids}::uuid[])
      GROUP BY table_code, row_key, column_key`;
    return new Map(rows.map((r) => [`${r.table_code}:${r.row_key}:${r.column_key}`, r.amount]));
  }

  it('gives exact decimals', async () => {
    const sums = await consolidated();
    expect(sums.get('incomeExpenditureSummary:incomeTotal:income')).toBe('5765.86'); // 2882.93 + 2882.93
    expect(sums.get('expenditure:total:basic')).toBe('577.80'); // 288.90 + 288.90
    expect(sums.get('threePublicExpensesTable:total:budgetOverseasTrips')).toBe('0.30');
    expect(sums.get('generalBudgetBasicExpenditure:30199:amount')).toBe('10000000000000.00');
  });

  it('equals the sum of the two documents in every cell', async () => {
    const expected = new Map<string, bigint>();
    for (const cell of [...tableCells(own), ...tableCells(subordinate)]) {
      const key = cellKey(cell.table, cell.row, cell.column);
      expected.set(key, (expected.get(key) ?? 0n) + cell.amount);
    }
    const sums = await consolidated();
    expect(sums.size).toBe(expected.size);
    for (const [key, amount] of expected) expect(sums.get(key), key).toBe(toAmountText(amount));
  });

  it('consolidates one cell across a whole department with a join, as the department view will', async () => {
    const [row] = await db().$queryRaw<{ amount: string }[]>`
      SELECT SUM(f.amount)::text AS amount
      FROM figure f JOIN final_accounts a ON a.id = f.final_accounts_id
      WHERE a.id = ANY(${ids}::uuid[]) AND a.level = 'UNIT'
        AND f.table_code = 'incomeExpenditureSummary' AND f.row_key = 'incomeTotal' AND f.column_key = 'income'`;
    expect(row && parseAmount(row.amount)).toBe(576586n);
  });
});

describe('summing a district’s published accounts', () => {
  it('gives, for the three 上海市普陀区 departments of 2024, the sum of their documents in every cell', async () => {
    const expected = new Map<string, bigint>();
    for (const cell of shanghaiDocuments().flatMap((doc) => tableCells(doc))) {
      const key = cellKey(cell.table, cell.row, cell.column);
      expected.set(key, (expected.get(key) ?? 0n) + cell.amount);
    }
    const rows = await db().$queryRaw<{ cell: string; amount: string }[]>`
      SELECT f.table_code || ':' || f.row_key || ':' || f.column_key AS cell, SUM(f.amount)::text AS amount
      FROM figure f
      JOIN final_accounts a ON a.id = f.final_accounts_id
      JOIN department d ON d.id = a.department_id
      JOIN district r ON r.id = d.district_id
      WHERE r.code = ${SHANGHAI_DISTRICT.code} AND a.fiscal_year = 2024 AND a.level = 'DEPARTMENT' AND a.status = 'PUBLISHED'
      GROUP BY f.table_code, f.row_key, f.column_key`;
    const sums = new Map(rows.map((r) => [r.cell, r.amount]));
    expect(sums.size).toBe(expected.size);
    for (const [key, amount] of expected) expect(sums.get(key), key).toBe(toAmountText(amount));
    // 本年收入合计: 财政局 2,946.25 + 社会工作部 307.82 + 规划和自然资源局 9,746.50.
    expect(sums.get('incomeExpenditureSummary:incomeTotal:income')).toBe('13000.57');
  });
});
