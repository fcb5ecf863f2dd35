// Makes the people and accounts of one review test (run by review-fixtures.ts under tsx) and prints
// them as JSON: a district and department of their own, the department's accountant and the
// district's reviewer, each with a password, and the seed document's figures as the 2021 draft;
// with the argument "correction", those accounts published instead, and a correction of them
// (公务接待费 budgeted 1.60, not 0.60) approved and waiting to be published.
import { randomUUID } from 'node:crypto';
import { createFinalAccounts, recordRevision, saveFinalAccounts } from '../../lib/data/accounts-store';
import { getPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma, getPrisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { submittableDocument } from './setup-document';

async function main() {
  const db = getPrisma();
  const tag = randomUUID().slice(0, 8);
  const departmentName = `审核测试部门 ${tag}`;
  const districtName = `审核测试区 ${tag}`;
  const password = `e2e-${randomUUID()}`;
  const accountant = `e2e-review-accountant-${tag}@test.local`;
  const reviewer = `e2e-reviewer-${tag}@test.local`;
  await db.fiscalYear.upsert({ where: { year: 2021 }, update: {}, create: { year: 2021 } });
  const district = await db.district.create({ data: { code: `E2R-${tag}`, name: districtName, financeBureauName: `${districtName}财政局` } });
  const department = await db.department.create({ data: { districtId: district.id, name: departmentName } });
  const passwordHash = await hashPassword(password);
  await db.user.create({
    data: { email: accountant, displayName: `测试会计 ${tag}`, passwordHash, role: 'ACCOUNTANT', memberships: { create: [{ departmentId: department.id }] } },
  });
  await db.user.create({ data: { email: reviewer, displayName: `测试审核员 ${tag}`, passwordHash, role: 'REVIEWER', districtId: district.id } });
  const document = submittableDocument(departmentName, districtName);
  if (process.argv[2] !== 'correction') {
    const created = await db.$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document, status: 'DRAFT' }));
    console.log(JSON.stringify({ accountant, reviewer, password, departmentName, districtName, finalAccountsId: created.id }));
    return;
  }
  const publishedAt = new Date('2022-05-13T04:00:00Z');
  const id = await db.$transaction(async (tx) => {
    const created = await createFinalAccounts(tx, { departmentId: department.id, document, status: 'PUBLISHED', submittedAt: publishedAt, approvedAt: publishedAt, publishedAt });
    await recordRevision(tx, { finalAccountsId: created.id, version: 1, status: 'PUBLISHED', document, publishedAt });
    return created.id;
  });
  const publicPath = (await getPublishedAccounts(id))?.path;
  // 更正 as the review actions leave it: a draft carrying the reason, then approved (version 4).
  const corrected = structuredClone(document);
  const budget = corrected.tables.threePublicExpensesTable.rows.find((row) => row.row === 'total');
  if (!budget) throw new Error('the seed document changed: its 三公 table has no 合计 line');
  budget.cells.budgetReceptions = '1.60';
  budget.cells.budgetTotal = '1.60';
  await db.$transaction(async (tx) => {
    await tx.finalAccounts.update({ where: { id }, data: { status: 'DRAFT', version: 2, correctionReason: '公务接待费预算数按批复更正为 1.60 万元' } });
    const { version } = await saveFinalAccounts(tx, { id, expectedVersion: 2, document: corrected });
    await tx.finalAccounts.update({ where: { id }, data: { status: 'APPROVED', version: version + 1, approvedAt: new Date() } });
    await recordRevision(tx, { finalAccountsId: id, version: version + 1, status: 'APPROVED', document: corrected });
  });
  console.log(JSON.stringify({ accountant, reviewer, password, departmentName, districtName, finalAccountsId: id, publicPath }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void disconnectPrisma());
