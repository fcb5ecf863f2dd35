// Makes the people and accounts of one review test (run by review-fixtures.ts under tsx) and prints
// them as JSON: a district and department of their own, the department's accountant and the
// district's reviewer, each with a password, and the seed document's figures as the 2021 draft.
import { randomUUID } from 'node:crypto';
import { createFinalAccounts } from '../../lib/data/accounts-store';
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
  const created = await db.$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: submittableDocument(departmentName, districtName), status: 'DRAFT' }));
  console.log(JSON.stringify({ accountant, reviewer, password, departmentName, districtName, finalAccountsId: created.id }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void disconnectPrisma());
