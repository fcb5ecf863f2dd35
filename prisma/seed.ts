// Seed data for a new database: the district and its finance bureau, the seed department
// with its own unit, fiscal year 2021 with the classification codes, demo users for local
// use, and the department's published 2021 accounts from the transcribed document.
// Idempotent: running it again changes nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONAL_SUBJECTS_BY_YEAR, functionalLevel } from '../lib/accounts/classification';
import { TABLES } from '../lib/accounts/tables';
import { parseFinalAccounts } from '../lib/accounts/validation';
import { documentWithoutTables, writeFinalAccountsContent } from '../lib/data/accounts-store';
import { createPrismaClient, type Db } from '../lib/db';
import { hashPassword } from '../lib/password';

export const SEED_DOCUMENT = fileURLToPath(new URL('./seed/data/qiaokou-big-data-center-2021.json', import.meta.url));
export const DEMO_PASSWORD = 'juesuan-demo';
export const DEMO_USERS = [
  { email: 'accountant@juesuan.local', displayName: '大数据中心会计', role: 'ACCOUNTANT' },
  { email: 'reviewer@juesuan.local', displayName: '区财政局审核员', role: 'REVIEWER' },
  { email: 'admin@juesuan.local', displayName: '系统管理员', role: 'ADMIN' },
] as const;

const SEED_ACTOR = '系统种子数据';

function readSeedDocument() {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(SEED_DOCUMENT, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取种子数据 ${SEED_DOCUMENT}：${(error as Error).message}`);
  }
  const parsed = parseFinalAccounts(data);
  if (!parsed.ok) throw new Error(`种子数据无效：${parsed.errors.map((e) => `${e.path}：${e.message}`).join('；')}`);
  return parsed.doc;
}

async function seedCatalogues(db: Db, fiscalYear: number): Promise<void> {
  await db.fiscalYear.upsert({ where: { year: fiscalYear }, update: {}, create: { year: fiscalYear } });
  const functional = FUNCTIONAL_SUBJECTS_BY_YEAR[fiscalYear] ?? [];
  await db.functionalSubject.createMany({
    data: functional.map((s) => ({ fiscalYear, code: s.code, name: s.name, level: functionalLevel(s.code) ?? 'class' })),
    skipDuplicates: true,
  });
  const economic = TABLES.T6.rows.filter((r) => /^\d+$/.test(r.row));
  await db.economicSubject.createMany({
    data: economic.map((r) => ({ fiscalYear, code: r.row, name: r.label, level: r.row.length === 3 ? 'class' : 'section' })),
    skipDuplicates: true,
  });
}

export async function seedDatabase(db: Db, log: (line: string) => void = () => undefined): Promise<void> {
  const doc = readSeedDocument();
  await seedCatalogues(db, doc.fiscalYear);
  const district = await db.district.upsert({
    where: { code: '420104' },
    update: {},
    create: { code: '420104', name: doc.department.district, financeBureauName: '武汉市硚口区财政局' },
  });
  const department = await db.department.upsert({
    where: { districtId_code: { districtId: district.id, code: 'QK-DSJZX' } },
    update: {},
    create: { districtId: district.id, code: 'QK-DSJZX', name: doc.department.name },
  });
  await db.unit.upsert({
    where: { departmentId_name: { departmentId: department.id, name: doc.department.name } },
    update: {},
    create: { departmentId: department.id, name: doc.department.name, kind: 'OWN_UNIT' },
  });
  for (const user of DEMO_USERS) {
    const saved = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash: hashPassword(DEMO_PASSWORD) },
    });
    if (user.role === 'ACCOUNTANT') {
      await db.departmentMembership.upsert({
        where: { userId_departmentId: { userId: saved.id, departmentId: department.id } },
        update: {},
        create: { userId: saved.id, departmentId: department.id },
      });
    }
  }

  const existing = await db.finalAccounts.findUnique({
    where: { fiscalYear_departmentId_scope: { fiscalYear: doc.fiscalYear, departmentId: department.id, scope: 'department' } },
  });
  if (existing) {
    log(`种子数据已存在：${doc.department.name} ${doc.fiscalYear} 年度部门决算`);
    return;
  }
  const publishedAt = new Date(`${doc.publishedOn ?? `${doc.fiscalYear + 1}-05-31`}T00:00:00+08:00`);
  await db.$transaction(async (tx) => {
    const accounts = await tx.finalAccounts.create({
      data: {
        departmentId: department.id, level: 'DEPARTMENT', scope: 'department', fiscalYear: doc.fiscalYear,
        status: 'PUBLISHED', version: 1, document: documentWithoutTables(doc),
        submittedAt: publishedAt, approvedAt: publishedAt, publishedAt,
      },
    });
    await writeFinalAccountsContent(tx, accounts.id, doc);
    await tx.finalAccountsRevision.create({
      data: { finalAccountsId: accounts.id, version: 1, status: 'PUBLISHED', document: doc, createdAt: publishedAt },
    });
    await tx.auditEvent.create({
      data: {
        actorLabel: SEED_ACTOR, action: 'finalAccounts.seedPublished', entity: 'FinalAccounts', entityId: accounts.id,
        finalAccountsId: accounts.id, after: { status: 'PUBLISHED', version: 1, source: 'prisma/seed/data/qiaokou-big-data-center-2021.json' },
      },
    });
  });
  log(`已载入种子数据：${doc.department.name} ${doc.fiscalYear} 年度部门决算（已公开）`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('请设置 DATABASE_URL');
    process.exit(2);
  }
  const db = createPrismaClient(url);
  seedDatabase(db, console.log)
    .then(() => db.$disconnect())
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
}
