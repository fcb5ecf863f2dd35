// Shared set-up for the integration tests: the database at DATABASE_URL (npm test prepares a
// fresh, migrated and seeded `juesuan_test`), and organisations of their own, so the test
// files neither depend on each other nor on the order they run in.
import { randomUUID } from 'node:crypto';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import { getPrisma } from '../../lib/db';
import { readSeedDocument, SHANGHAI_DOCUMENTS } from '../../prisma/seed';

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('集成测试需要 DATABASE_URL：用 npm test 运行（它会准备 juesuan_test 数据库）');
  return url;
}

/** The owner's URL (npm test sets MIGRATION_DATABASE_URL): it may create databases, the app's role may not. */
export function ownerDatabaseUrl(): string {
  const url = process.env.MIGRATION_DATABASE_URL;
  if (!url) throw new Error('此测试需要 MIGRATION_DATABASE_URL（数据表所有者的连接）：用 npm test 运行');
  return url;
}

export const db = () => {
  databaseUrl();
  return getPrisma();
};

/** The seed document as the schema parses it (a fresh copy each call). */
export function seedDocument(): TFinalAccounts {
  return ZFinalAccounts.parse(structuredClone(readSeedDocument()));
}

/**
 * The seed document as the format 1 file held it: the same figures, without the statements
 * under its empty tables, which were transcribed after format 2 arrived.
 */
export function seedDocumentAsFormat1Held(): TFinalAccounts {
  const doc = seedDocument();
  for (const table of Object.values(doc.tables)) delete table.statement;
  return doc;
}

/** The three Shanghai 2024 documents the seed publishes, in SHANGHAI_DOCUMENTS order (fresh copies). */
export function shanghaiDocuments(): TFinalAccounts[] {
  return SHANGHAI_DOCUMENTS.map((path) => ZFinalAccounts.parse(structuredClone(readSeedDocument(path))));
}

/** What storage hands back: the same document, every table amount with two decimals. */
export function withCanonicalAmounts(doc: TFinalAccounts): TFinalAccounts {
  const copy = structuredClone(doc);
  for (const table of Object.values(copy.tables)) {
    for (const row of table.rows) {
      row.cells = Object.fromEntries(Object.entries(row.cells).map(([column, text]) => [column, toAmountText(parseAmount(text))]));
    }
  }
  return copy;
}

/** A district of its own with one department holding an own unit and a subordinate unit. */
export async function createOrganisation(fiscalYear: number) {
  const tag = randomUUID().slice(0, 8);
  await db().fiscalYear.upsert({ where: { year: fiscalYear }, update: {}, create: { year: fiscalYear } });
  const district = await db().district.create({ data: { code: `T-${tag}`, name: `测试区 ${tag}`, financeBureauName: `测试区财政局 ${tag}` } });
  const department = await db().department.create({ data: { districtId: district.id, name: `测试部门 ${tag}` } });
  const ownUnit = await db().unit.create({ data: { departmentId: department.id, name: `测试部门 ${tag}（本级）`, kind: 'OWN_UNIT' } });
  const subordinate = await db().unit.create({ data: { departmentId: department.id, name: `测试下属单位 ${tag}`, kind: 'SUBORDINATE' } });
  return { district, department, ownUnit, subordinate };
}
