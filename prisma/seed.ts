// Seed data: the district 武汉市硚口区 and its finance bureau, the seed department with its
// own unit, the fiscal year with its classification codes, demo users for local use, and the
// department's published 2021 accounts from the transcribed document.
// Idempotent: what exists is left alone. `npm run db:seed` runs it against DATABASE_URL;
// scripts/database.ts calls seedDatabase() when it prepares an empty database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONAL_SUBJECTS_BY_YEAR, functionalLevel } from '../lib/accounts/classification';
import { TABLES } from '../lib/accounts/tables';
import { parseFinalAccounts } from '../lib/accounts/validation';
import type { TFinalAccounts } from '../lib/accounts/schema';
import { createFinalAccounts, DEPARTMENT_SCOPE, recordAuditEvent, recordRevision } from '../lib/data/accounts-store';
import { createPrismaClient, type Db } from '../lib/db';
import { hashPassword } from '../lib/password';

export const SEED_DOCUMENT = fileURLToPath(new URL('./seed/data/qiaokou-big-data-center-2021.json', import.meta.url));
export const SEED_DISTRICT = { code: '420104', name: '武汉市硚口区', financeBureauName: '武汉市硚口区财政局' } as const;
export const SEED_ACTOR = 'system seed';
export const DEMO_PASSWORD = 'juesuan-demo';
export const DEMO_USERS = [
  { email: 'accountant@juesuan.local', displayName: '大数据中心会计（演示）', role: 'ACCOUNTANT' },
  { email: 'reviewer@juesuan.local', displayName: '区财政局审核员（演示）', role: 'REVIEWER' },
  { email: 'admin@juesuan.local', displayName: '系统管理员（演示）', role: 'ADMIN' },
] as const;

export function readSeedDocument(path: string = SEED_DOCUMENT): TFinalAccounts {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message;
    throw new Error(`无法读取种子数据 ${path}：${reason}（它是公开文本的转录，应随代码一起提交）`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`种子数据 ${path} 不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = parseFinalAccounts(data);
  if (!parsed.ok) throw new Error(`种子数据 ${path} 无效：${parsed.errors.map((e) => `${e.path}：${e.message}`).join('；')}`);
  return parsed.doc;
}

async function seedCatalogues(db: Db, fiscalYear: number): Promise<void> {
  await db.fiscalYear.upsert({ where: { year: fiscalYear }, update: {}, create: { year: fiscalYear } });
  await db.functionalSubject.createMany({
    data: (FUNCTIONAL_SUBJECTS_BY_YEAR[fiscalYear] ?? []).map((s) => ({ fiscalYear, code: s.code, name: s.name, level: functionalLevel(s.code) ?? 'class' })),
    skipDuplicates: true,
  });
  await db.economicSubject.createMany({
    data: TABLES.T6.rows
      .filter((r) => /^\d{3}(\d{2})?$/.test(r.row))
      .map((r) => ({ fiscalYear, code: r.row, name: r.label, level: r.row.length === 3 ? 'class' : 'section' })),
    skipDuplicates: true,
  });
}

async function seedOrganisation(db: Db, doc: TFinalAccounts) {
  const district = await db.district.upsert({ where: { code: SEED_DISTRICT.code }, update: {}, create: SEED_DISTRICT });
  const department = await db.department.upsert({
    where: { districtId_name: { districtId: district.id, name: doc.department.name } },
    update: {},
    create: { districtId: district.id, name: doc.department.name, code: doc.department.code ?? null },
  });
  await db.unit.upsert({
    where: { departmentId_name: { departmentId: department.id, name: doc.department.name } },
    update: {},
    create: { departmentId: department.id, name: doc.department.name, kind: 'OWN_UNIT' },
  });
  return { district, department };
}

async function seedDemoUsers(db: Db, districtId: string, departmentId: string): Promise<void> {
  for (const user of DEMO_USERS) {
    const saved = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, districtId: user.role === 'ACCOUNTANT' ? null : districtId, passwordHash: hashPassword(DEMO_PASSWORD) },
    });
    if (user.role === 'ACCOUNTANT') {
      await db.departmentMembership.upsert({
        where: { userId_departmentId: { userId: saved.id, departmentId } },
        update: {},
        create: { userId: saved.id, departmentId },
      });
    }
  }
}

/** Loads the seed; returns the id of the seed department's published accounts. */
export async function seedDatabase(db: Db, log: (line: string) => void = () => undefined): Promise<string> {
  const doc = readSeedDocument();
  await seedCatalogues(db, doc.fiscalYear);
  const { district, department } = await seedOrganisation(db, doc);
  await seedDemoUsers(db, district.id, department.id);

  const key = { fiscalYear: doc.fiscalYear, departmentId: department.id, scope: DEPARTMENT_SCOPE };
  const existing = await db.finalAccounts.findUnique({ where: { fiscalYear_departmentId_scope: key }, select: { id: true } });
  if (existing) {
    log(`种子数据已存在：${doc.department.name} ${doc.fiscalYear} 年度部门决算`);
    return existing.id;
  }
  // The document gives a date only: noon in China reads as that date in any time zone a
  // page might format it in (UTC included).
  const publishedAt = new Date(`${doc.publishedOn ?? `${doc.fiscalYear + 1}-05-31`}T12:00:00+08:00`);
  const id = await db.$transaction(async (tx) => {
    const accounts = await createFinalAccounts(tx, {
      departmentId: department.id, document: doc, status: 'PUBLISHED',
      submittedAt: publishedAt, approvedAt: publishedAt, publishedAt,
    });
    await recordRevision(tx, { finalAccountsId: accounts.id, version: accounts.version, status: 'PUBLISHED', document: doc, publishedAt });
    const audit = { actorLabel: SEED_ACTOR, entity: 'FinalAccounts', entityId: accounts.id, finalAccountsId: accounts.id };
    await recordAuditEvent(tx, { ...audit, action: 'finalAccounts.create', after: { status: 'PUBLISHED', version: 1, source: 'prisma/seed/data/qiaokou-big-data-center-2021.json' } });
    await recordAuditEvent(tx, { ...audit, action: 'finalAccounts.publish', after: { status: 'PUBLISHED', version: 1, publishedAt: publishedAt.toISOString() } });
    return accounts.id;
  }, { timeout: 30_000 });
  log(`已载入种子数据：${doc.department.name} ${doc.fiscalYear} 年度部门决算（已公开）`);
  return id;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('请设置 DATABASE_URL（npm start 会自动准备并填充数据库）');
    process.exit(2);
  }
  const db = createPrismaClient(url);
  seedDatabase(db, console.log)
    .then(async () => {
      await db.$disconnect();
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
