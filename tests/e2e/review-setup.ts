// Makes the people and accounts of one review test (run by review-fixtures.ts under tsx) and prints
// them as JSON: a district and department of their own, the department's accountant and the
// district's reviewer, each with a password, and the seed document's figures as the 2021 draft.
import { randomUUID } from 'node:crypto';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { disconnectPrisma, getPrisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { readSeedDocument } from '../../prisma/seed';

/**
 * The seed document as a draft that submits once its one warning is explained (as entry-setup.ts
 * makes it): project 4's 一级指标 weights agree with its indicators and the narrative is left out,
 * leaving the rounding warning 各项目自评表执行数之和 2,594.02 ≠ 表5 项目支出 2,594.03.
 */
function submittableDocument(departmentName: string, district: string): TFinalAccounts {
  const doc = readSeedDocument();
  doc.department.name = departmentName;
  doc.department.district = district;
  const evaluation = doc.performance.projects[3]?.selfEvaluation;
  if (!evaluation?.level1Weights) throw new Error('the seed document changed: project 4 has no printed 一级指标 weights');
  evaluation.level1Weights = [{ level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' }];
  doc.narrative = [];
  return doc;
}

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
