// Makes a draft for one entry test (run by entry-fixtures.ts under tsx) and prints it as JSON:
// a district and department of their own, an accountant of the department with a password, and
// the seed document's figures as the department's 2021 draft.
import { randomUUID } from 'node:crypto';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { disconnectPrisma, getPrisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { submittableDocument } from './setup-document';

async function main() {
  const db = getPrisma();
  const tag = randomUUID().slice(0, 8);
  const departmentName = `端到端测试部门 ${tag}`;
  const password = `e2e-${randomUUID()}`;
  const email = `e2e-accountant-${tag}@test.local`;
  await db.fiscalYear.upsert({ where: { year: 2021 }, update: {}, create: { year: 2021 } });
  const district = await db.district.create({ data: { code: `E2E-${tag}`, name: `测试区 ${tag}`, financeBureauName: `测试区财政局 ${tag}` } });
  const department = await db.department.create({ data: { districtId: district.id, name: departmentName } });
  await db.user.create({
    data: {
      email, displayName: `测试会计 ${tag}`, passwordHash: await hashPassword(password), role: 'ACCOUNTANT',
      memberships: { create: [{ departmentId: department.id }] },
    },
  });
  const created = await db.$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: submittableDocument(departmentName), status: 'DRAFT' }));
  console.log(JSON.stringify({ email, password, departmentName, finalAccountsId: created.id }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void disconnectPrisma());
