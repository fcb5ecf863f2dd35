// Seed data: the classification catalogues of every fiscal year that has them; the district
// 武汉市硚口区 with its finance bureau and the seed department's published 2021 accounts (Hubei
// layout); the district 上海市普陀区 with its finance bureau and three departments' published 2024
// accounts (Shanghai layout), each from its transcribed document; demo users for local use.
// Idempotent: what exists is left alone. `npm run db:seed` runs it against DATABASE_URL;
// scripts/database.ts calls seedDatabase() when it prepares an empty database (the app's only
// when JUESUAN_SEED is not "off": the demo users have a known password).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogueFor, CATALOGUE_KINDS, subjectLevel } from '../lib/accounts/catalogue';
import { parseJsonText } from '../lib/accounts/json-text';
import { parseFinalAccounts } from '../lib/accounts/validation';
import type { TFinalAccounts } from '../lib/accounts/schema';
import { DEPARTMENT_SCOPE } from '../lib/data/accounts-store';
import { storePublishedRecord } from '../lib/data/published-record';
import { createPrismaClient, type Db } from '../lib/db';
import { hashPassword } from '../lib/password';

const dataFile = (name: string) => fileURLToPath(new URL(`./seed/data/${name}`, import.meta.url));

export const SEED_DOCUMENT = dataFile('qiaokou-big-data-center-2021.json');
export const SEED_DISTRICT = { code: '420104', name: '武汉市硚口区', slug: 'qiaokou', financeBureauName: '武汉市硚口区财政局' } as const;
export const SHANGHAI_DISTRICT = { code: '310107', name: '上海市普陀区', slug: 'putuo', financeBureauName: '上海市普陀区财政局' } as const;
/** The seed departments' names in public addresses (/2021/qiaokou/big-data-center). */
export const SEED_DEPARTMENT_SLUGS: Readonly<Record<string, string>> = {
  武汉市硚口区大数据中心: 'big-data-center',
  上海市普陀区财政局: 'finance-bureau',
  中共上海市普陀区委社会工作部: 'social-work-department',
  上海市普陀区规划和自然资源局: 'planning-natural-resources',
};
/** The three Shanghai departments' documents, transcribed from their published 2024 final accounts. */
export const SHANGHAI_DOCUMENTS = [
  '2024-shanghai-putuo-finance-bureau.json',
  '2024-shanghai-putuo-social-work-department.json',
  '2024-shanghai-putuo-planning-natural-resources.json',
].map(dataFile);
/** The years whose shipped catalogues are loaded into functional_subject and economic_subject. */
export const CATALOGUE_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
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
  // The strict reader: a transcription with a key typed twice is an error, not a silent overwrite.
  const json = parseJsonText(text);
  if (!json.ok) throw new Error(`种子数据 ${path} 不是有效的 JSON：${json.error.message}`);
  const parsed = parseFinalAccounts(json.value);
  if (!parsed.ok) throw new Error(`种子数据 ${path} 无效：${parsed.errors.map((e) => `${e.path}：${e.message}`).join('；')}`);
  return parsed.doc;
}

/** Every year of CATALOGUE_YEARS with its subjects, for each catalogue it has. */
async function seedCatalogues(db: Db, log: (line: string) => void): Promise<void> {
  for (const year of CATALOGUE_YEARS) {
    const catalogues = CATALOGUE_KINDS.flatMap((kind) => {
      const catalogue = catalogueFor(year, kind);
      return catalogue ? [catalogue] : [];
    });
    if (catalogues.length === 0) continue;
    await db.fiscalYear.upsert({ where: { year }, update: {}, create: { year } });
    for (const catalogue of catalogues) {
      const data = catalogue.subjects.map((s) => ({ fiscalYear: year, code: s.code, name: s.name, level: subjectLevel(catalogue.kind, s.code) ?? 'class' }));
      const target = catalogue.kind === 'functional' ? db.functionalSubject : db.economicSubject;
      const { count } = await target.createMany({ data, skipDuplicates: true });
      if (count > 0) log(`已载入 ${year} 年度${catalogue.kind === 'functional' ? '支出功能分类' : '支出经济分类'}科目 ${count} 个`);
    }
  }
}

type SeedDistrict = { code: string; name: string; slug: string; financeBureauName: string };

// Slugs are set on existing rows too: a database made before slugs existed has random ones.
async function seedDepartment(db: Db, districtInput: SeedDistrict, doc: TFinalAccounts) {
  const district = await db.district.upsert({ where: { code: districtInput.code }, update: { slug: districtInput.slug }, create: districtInput });
  const slug = SEED_DEPARTMENT_SLUGS[doc.department.name];
  const department = await db.department.upsert({
    where: { districtId_name: { districtId: district.id, name: doc.department.name } },
    update: slug ? { slug } : {},
    create: { districtId: district.id, name: doc.department.name, code: doc.department.code ?? null, ...(slug ? { slug } : {}) },
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
      create: { ...user, districtId: user.role === 'ACCOUNTANT' ? null : districtId, passwordHash: await hashPassword(DEMO_PASSWORD) },
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

/**
 * The department's accounts for the document's year, published as version 1 with its revision
 * and audit rows (storePublishedRecord: on the date the document prints, else now), unless they exist.
 */
async function seedPublishedAccounts(db: Db, departmentId: string, doc: TFinalAccounts, source: string, log: (line: string) => void): Promise<string> {
  const what = `${doc.department.name} ${doc.fiscalYear} 年度部门决算`;
  const key = { fiscalYear: doc.fiscalYear, departmentId, scope: DEPARTMENT_SCOPE };
  const existing = await db.finalAccounts.findUnique({ where: { fiscalYear_departmentId_scope: key }, select: { id: true } });
  if (existing) {
    log(`种子数据已存在：${what}`);
    return existing.id;
  }
  const { id } = await db.$transaction(
    (tx) => storePublishedRecord(tx, { departmentId, document: doc, actor: { label: SEED_ACTOR }, source }),
    { timeout: 30_000 },
  );
  log(`已载入种子数据：${what}（已公开）`);
  return id;
}

const relativeSource = (path: string) => `prisma/seed/data/${path.split('/').pop() ?? path}`;

/**
 * Loads the seed; returns the id of the seed department's (硚口区大数据中心) published accounts.
 * A Shanghai document that is missing or invalid is skipped with a log line saying why; the
 * seed department's document must load.
 */
export async function seedDatabase(db: Db, log: (line: string) => void = () => undefined): Promise<string> {
  const doc = readSeedDocument();
  await seedCatalogues(db, log);
  const { district, department } = await seedDepartment(db, SEED_DISTRICT, doc);
  await seedDemoUsers(db, district.id, department.id);
  const id = await seedPublishedAccounts(db, department.id, doc, relativeSource(SEED_DOCUMENT), log);

  for (const path of SHANGHAI_DOCUMENTS) {
    let shanghai: TFinalAccounts;
    try {
      shanghai = readSeedDocument(path);
    } catch (error) {
      log(`跳过种子数据 ${relativeSource(path)}：${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (shanghai.department.district !== SHANGHAI_DISTRICT.name) {
      log(`跳过种子数据 ${relativeSource(path)}：所属地区为“${shanghai.department.district}”，不是${SHANGHAI_DISTRICT.name}`);
      continue;
    }
    const { department: shanghaiDepartment } = await seedDepartment(db, SHANGHAI_DISTRICT, shanghai);
    await seedPublishedAccounts(db, shanghaiDepartment.id, shanghai, relativeSource(path), log);
  }
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
