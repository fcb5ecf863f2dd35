// Makes a draft for one entry test (run by entry-fixtures.ts under tsx) and prints it as JSON:
// a district and department of their own, an accountant of the department with a password, and
// the seed document's figures as the department's 2021 draft.
import { randomUUID } from 'node:crypto';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { disconnectPrisma, getPrisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { readSeedDocument } from '../../prisma/seed';

/**
 * The seed document as a draft that can be submitted once its one warning is explained: the
 * published document prints project 4's 一级指标 weights as 70 and 10 where its indicators sum
 * to 40 and 40 (a blocking finding, kept as printed in the seed), and its narrative's claims
 * about 三公 give eight warnings; here the weights are made to agree and the narrative is left
 * out, leaving the rounding warning 各项目自评表执行数之和 2,594.02 ≠ 表5 项目支出 2,594.03.
 */
function submittableDocument(departmentName: string): TFinalAccounts {
  const doc = readSeedDocument();
  doc.department.name = departmentName;
  const evaluation = doc.performance.projects[3]?.selfEvaluation;
  if (!evaluation?.level1Weights) throw new Error('the seed document changed: project 4 has no printed 一级指标 weights');
  evaluation.level1Weights = [{ level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' }];
  doc.narrative = [];
  return doc;
}

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
