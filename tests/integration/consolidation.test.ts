// Consolidation (汇总) through lib/data/consolidation.ts on PostgreSQL: a department's own unit
// and subordinate units, a district's departments, each equal to the sum of the documents
// stored, cell by cell, in exact decimals; drill-down, download and who may consolidate what.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variedDepartment } from '../../bench/varied-departments';
import { tableCells } from '../../lib/accounts/cells';
import { sumCells } from '../../lib/accounts/consolidate';
import { toAmountText } from '../../lib/accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import type { ActionResult } from '../../lib/action';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import type { Actor } from '../../lib/data/actor';
import { consolidateDepartment, consolidateDistrict, consolidationContributions, consolidationDownload, type Consolidation } from '../../lib/data/consolidation';
import { disconnectPrisma } from '../../lib/db';
import type { AccountsStatus } from '../../lib/generated/prisma/enums';
import { SHANGHAI_DISTRICT } from '../../prisma/seed';
import { createOrganisation, db, seedDocument, shanghaiDocuments } from './fixtures';

afterAll(disconnectPrisma);

const actor = (role: Actor['role'], districtId: string | null, departmentIds: string[] = []): Actor =>
  ({ id: randomUUID(), email: `${role.toLowerCase()}@example.test`, displayName: role, role, districtId, departmentIds });

function setCell(doc: TFinalAccounts, table: keyof TFinalAccounts['tables'], row: string, column: string, amount: string): void {
  const rows = doc.tables[table].rows;
  const target = rows.find((r) => r.row === row) ?? rows[rows.push({ row, cells: {} }) - 1];
  if (target) target.cells[column] = amount;
}

/** The consolidated document's cells as text by cell key. */
const cellsOf = (doc: TFinalAccounts) => new Map(tableCells(doc).map((c) => [`${c.table}:${c.row}:${c.column}`, toAmountText(c.amount)]));
const expectedSums = (docs: TFinalAccounts[]) => new Map([...sumCells(docs.flatMap((d) => tableCells(d)))].map(([k, v]) => [k, toAmountText(v)]));

function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

const seed = seedDocument();
// Amounts a float would get wrong: 0.1 + 0.2, and beyond 2^53 hundredths.
const own = variedDepartment(seed, 1);
const unitA = variedDepartment(seed, 2);
const unitB = variedDepartment(seed, 3);
setCell(own, 'threePublicExpensesTable', 'total', 'budgetOverseasTrips', '0.10');
setCell(unitA, 'threePublicExpensesTable', 'total', 'budgetOverseasTrips', '0.20');
setCell(own, 'generalBudgetBasicExpenditure', '30199', 'amount', '9999999999999.99');
setCell(unitA, 'generalBudgetBasicExpenditure', '30199', 'amount', '0.00');
setCell(unitB, 'generalBudgetBasicExpenditure', '30199', 'amount', '0.01');
// The district's departments' own accounts (DEPARTMENT level), in several statuses.
const departments: { doc: TFinalAccounts; status: AccountsStatus }[] = [
  { doc: variedDepartment(seed, 4), status: 'APPROVED' },
  { doc: variedDepartment(seed, 5), status: 'PUBLISHED' },
  { doc: variedDepartment(seed, 6), status: 'PUBLISHED' },
  { doc: variedDepartment(seed, 7), status: 'DRAFT' },
];

let districtId = '';
let departmentId = '';
let unitAccountsId = '';
let reviewer: Actor;

beforeAll(async () => {
  const org = await createOrganisation(seed.fiscalYear);
  districtId = org.district.id;
  departmentId = org.department.id;
  reviewer = actor('REVIEWER', districtId);
  const secondSubordinate = await db().unit.create({ data: { departmentId, name: `测试下属单位乙 ${randomUUID().slice(0, 8)}`, kind: 'SUBORDINATE' } });
  const others = await Promise.all(departments.slice(1).map((_, i) => db().department.create({ data: { districtId, name: `测试部门 ${i + 2} ${org.district.code}` } })));
  await db().$transaction(async (tx) => {
    unitAccountsId = (await createFinalAccounts(tx, { departmentId, unitId: org.ownUnit.id, document: own })).id;
    await createFinalAccounts(tx, { departmentId, unitId: org.subordinate.id, document: unitA });
    await createFinalAccounts(tx, { departmentId, unitId: secondSubordinate.id, document: unitB });
    for (const [i, { doc, status }] of departments.entries()) {
      await createFinalAccounts(tx, { departmentId: i === 0 ? departmentId : (others[i - 1]?.id ?? ''), document: doc, status });
    }
  }, { timeout: 30_000 }); // seven accounts with their derived rows: slow on a busy machine
});

describe('a department: its own unit and subordinate units', () => {
  let result: Consolidation;
  beforeAll(async () => {
    result = data(await consolidateDepartment(actor('ACCOUNTANT', null, [departmentId]), { finalAccountsId: unitAccountsId }));
  });

  it('equals the sum of the three unit documents in every cell, in exact decimals', () => {
    const expected = expectedSums([own, unitA, unitB]);
    const sums = cellsOf(result.document);
    expect(sums.size).toBe(expected.size);
    for (const [key, amount] of expected) expect(sums.get(key), key).toBe(amount);
    expect(sums.get('threePublicExpensesTable:total:budgetOverseasTrips')).toBe('0.30');
    expect(sums.get('generalBudgetBasicExpenditure:30199:amount')).toBe('10000000000000.00');
    // 本年收入合计 2,882.93 × (2 + 3 + 4).
    expect(sums.get('incomeExpenditureSummary:incomeTotal:income')).toBe('25946.37');
  });

  it('lists the own unit first and counts two subordinate units, leaving out the department-level accounts', () => {
    expect(result.members).toHaveLength(3);
    expect(result.members[0]?.ownUnit).toBe(true);
    expect(result.members.every((m) => m.unitName !== null)).toBe(true);
    expect(result.document.overview.subordinateUnitCount).toBe(2);
    expect(result.document.department.name).toMatch(/（汇总）$/);
  });

  it('is a valid document of the members’ template that the check engine passes on its tables', () => {
    expect(ZFinalAccounts.safeParse(result.document).success).toBe(true);
    expect(result.document.template).toBe(seed.template);
    // The 30199 cell set above breaks 表6's 合计, on purpose: the engine sees the sum.
    expect(result.findings.filter((f) => f.severity === 'blocking').flatMap((f) => f.cells)).toContain('generalBudgetBasicExpenditure:30199:amount');
  });

  it('drills down to each unit’s figure of a cell, own unit included', async () => {
    const rows = data(await consolidationContributions(reviewer, { kind: 'department', finalAccountsId: unitAccountsId, cellKey: 'generalBudgetBasicExpenditure:30199:amount' }));
    expect(rows.map((r) => [r.ownUnit, r.amount])).toEqual([[true, '9999999999999.99'], [false, '0.01'], [false, '0.00']]);
  });

  it('is refused to a reviewer of another district as not found', async () => {
    const stranger = actor('REVIEWER', (await createOrganisation(seed.fiscalYear)).district.id);
    expect(await consolidateDepartment(stranger, { finalAccountsId: unitAccountsId })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('a district: the sum of its departments', () => {
  const approved = departments.filter((d) => d.status !== 'DRAFT').map((d) => d.doc);

  it('sums the approved and published departments by default, cell by cell', async () => {
    const result = data(await consolidateDistrict(reviewer, { fiscalYear: seed.fiscalYear }));
    expect(result.members.map((m) => m.status).sort()).toEqual(['approved', 'published', 'published']);
    const expected = expectedSums(approved);
    const sums = cellsOf(result.document);
    expect(sums.size).toBe(expected.size);
    for (const [key, amount] of expected) expect(sums.get(key), key).toBe(amount);
    // 2,882.93 × (5 + 6 + 7): the unit-level accounts are not counted again.
    expect(sums.get('incomeExpenditureSummary:incomeTotal:income')).toBe('51892.74');
    expect(result.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('includes the draft when asked for every status', async () => {
    const result = data(await consolidateDistrict(reviewer, { fiscalYear: seed.fiscalYear, statuses: ['draft', 'approved', 'published'] }));
    expect(result.members).toHaveLength(4);
    const sums = cellsOf(result.document);
    for (const [key, amount] of expectedSums(departments.map((d) => d.doc))) expect(sums.get(key), key).toBe(amount);
  });

  it('drills down to each department’s figure of a cell, which add up to the consolidated one', async () => {
    const cell = 'incomeExpenditureSummary:incomeTotal:income';
    const rows = data(await consolidationContributions(reviewer, { kind: 'district', fiscalYear: seed.fiscalYear, cellKey: cell }));
    expect(rows.map((r) => r.amount)).toEqual(['20180.51', '17297.58', '14414.65']);
    expect(new Set(rows.map((r) => r.departmentId)).size).toBe(3);
    expect(await consolidationContributions(reviewer, { kind: 'district', fiscalYear: seed.fiscalYear, cellKey: 'nonsense' })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('downloads as interchange JSON that parses back to the same document', async () => {
    const download = data(await consolidationDownload(reviewer, { kind: 'district', fiscalYear: seed.fiscalYear }));
    const parsed = ZFinalAccounts.parse(JSON.parse(download.json));
    expect(cellsOf(parsed)).toEqual(expectedSums(approved));
    expect(download.fileName).toBe(`${parsed.department.name}-${seed.fiscalYear}.json`);
  });

  it('finds nothing to consolidate in a year without accounts', async () => {
    expect(await consolidateDistrict(reviewer, { fiscalYear: 2030 })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await consolidateDistrict(reviewer, { fiscalYear: '2021' })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('is for reviewers and admins only, each of their own district', async () => {
    expect(await consolidateDistrict(actor('ACCOUNTANT', null, [departmentId]), { fiscalYear: seed.fiscalYear })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await consolidateDistrict(null, { fiscalYear: seed.fiscalYear })).toMatchObject({ ok: false, code: 'unauthenticated' });
    const stranger = actor('ADMIN', (await createOrganisation(seed.fiscalYear)).district.id);
    expect(await consolidateDistrict(stranger, { fiscalYear: seed.fiscalYear })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('the seeded district 上海市普陀区', () => {
  it('gives, for its three published departments of 2024, the sum of their documents in every cell', async () => {
    const district = await db().district.findUniqueOrThrow({ where: { code: SHANGHAI_DISTRICT.code } });
    const result = data(await consolidateDistrict(actor('REVIEWER', district.id), { fiscalYear: 2024, statuses: ['published'] }));
    const expected = expectedSums(shanghaiDocuments());
    const sums = cellsOf(result.document);
    expect(sums.size).toBe(expected.size);
    for (const [key, amount] of expected) expect(sums.get(key), key).toBe(amount);
    // 本年收入合计: 财政局 2,946.25 + 社会工作部 307.82 + 规划和自然资源局 9,746.50.
    expect(sums.get('incomeExpenditureSummary:incomeTotal:income')).toBe('13000.57');
    expect(result.document.template).toBe('shanghai-2024');
  });
});
