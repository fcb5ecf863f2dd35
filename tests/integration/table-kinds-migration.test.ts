// The table_kinds migration on a database written before it: the seed department's accounts as
// format 1 stored them (figures under "T1".."T9" and printed 行次/栏次, the document in format 1,
// a published revision in format 1). After the migration every figure is under its format 2 key
// with the same amount, the live document is what upgradeDocument makes of it, the revision is
// untouched, and reading either gives the format 2 seed document.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, tableCells, type Cell } from '../../lib/accounts/cells';
import { parseAmount } from '../../lib/accounts/money';
import { FORMAT1_TABLE_CODES, upgradeColumnKey, upgradeDocument, upgradeRowKey } from '../../lib/accounts/upgrade';
import { assembleDocument } from '../../lib/data/accounts-store';
import { withDatabase } from '../../scripts/database';
import { migrateDatabase } from '../../scripts/migrate';
import { MIGRATIONS_DIR } from '../../scripts/schema-engine';
import { ownerDatabaseUrl, seedDocument, seedDocumentAsFormat1Held, withCanonicalAmounts } from './fixtures';

const TABLE_KINDS_MIGRATION = '20261128161848_table_kinds';

type Format1Row = { row: string; cells: Record<string, string> };
type Format1Document = { formatVersion: 1; fiscalYear: number; tables: Record<string, { rows: Format1Row[] }> };

/** The seed document as format 1 held it (the seed file before its migration to format 2). */
const format1 = JSON.parse(readFileSync(new URL('./format1/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8')) as Format1Document;

/** What final_accounts.document held in format 1: the document with every cell left out. */
const format1Skeleton = {
  ...format1,
  tables: Object.fromEntries(Object.entries(format1.tables).map(([code, table]) => [
    code, { ...table, rows: table.rows.map((row) => ({ ...row, cells: {} })) },
  ])),
};

/** Every non-blank cell of the format 1 document: [table code, 行次, 栏次, amount]. */
const format1Figures = Object.entries(format1.tables).flatMap(([code, table]) =>
  table.rows.flatMap((row) => Object.entries(row.cells).map(([column, amount]) => [code, row.row, column, amount] as const)));

/** Migrations up to, not including, table_kinds: the database as it was before. */
function migrationsBefore(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-migrations-'));
  cpSync(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
  for (const entry of readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name < name) cpSync(join(MIGRATIONS_DIR, entry.name), join(dir, entry.name), { recursive: true });
  }
  return dir;
}

describe('the table_kinds migration on format 1 data', () => {
  const name = `juesuan_kinds_${randomUUID().slice(0, 8)}`;
  const url = withDatabase(ownerDatabaseUrl(), name);
  const accountsId = randomUUID();
  const client = new pg.Client({ connectionString: url });
  let earlier = '';

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ownerDatabaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    earlier = migrationsBefore(TABLE_KINDS_MIGRATION);
    expect(await migrateDatabase(url, () => undefined, earlier)).not.toContain(TABLE_KINDS_MIGRATION);

    await client.connect();
    const districtId = randomUUID();
    const departmentId = randomUUID();
    await client.query('INSERT INTO fiscal_year (year) VALUES ($1)', [format1.fiscalYear]);
    await client.query("INSERT INTO district (id, code, name, finance_bureau_name) VALUES ($1, '420104', '武汉市硚口区', '武汉市硚口区财政局')", [districtId]);
    await client.query("INSERT INTO department (id, district_id, name) VALUES ($1, $2, '武汉市硚口区大数据中心')", [departmentId, districtId]);
    await client.query(
      `INSERT INTO final_accounts (id, department_id, level, scope, fiscal_year, status, version, document, updated_at, published_at)
       VALUES ($1, $2, 'DEPARTMENT', 'department', $3, 'PUBLISHED', 1, $4, now(), now())`,
      [accountsId, departmentId, format1.fiscalYear, JSON.stringify(format1Skeleton)],
    );
    for (const [code, row, column, amount] of format1Figures) {
      await client.query('INSERT INTO figure (final_accounts_id, table_code, row_key, column_key, amount) VALUES ($1, $2, $3, $4, $5)', [accountsId, code, row, column, amount]);
    }
    await client.query(
      `INSERT INTO final_accounts_revision (id, final_accounts_id, version, status, document, summary, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', $3, '{"incomeTotal": "2882.93", "expenditureTotal": "2882.93"}', now())`,
      [randomUUID(), accountsId, JSON.stringify(format1)],
    );

    // table_kinds first, then whatever came after it.
    expect((await migrateDatabase(url))[0]).toBe(TABLE_KINDS_MIGRATION);
  });

  afterAll(async () => {
    await client.end();
    rmSync(earlier, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: ownerDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  async function storedCells(): Promise<Cell[]> {
    const { rows } = await client.query<{ table_code: string; row_key: string; column_key: string; amount: string }>(
      'SELECT table_code, row_key, column_key, amount::text AS amount FROM figure WHERE final_accounts_id = $1', [accountsId]);
    return rows.map((r) => ({ table: r.table_code as Cell['table'], row: r.row_key, column: r.column_key, amount: parseAmount(r.amount) }));
  }

  it('finds every figure under its new key with the same amount, and nothing else', async () => {
    const expected = format1Figures.map(([code, row, column, amount]) => {
      const kind = FORMAT1_TABLE_CODES[code];
      if (!kind) throw new Error(`format 1 table ${code}`);
      return `${cellKey(kind, upgradeRowKey(kind, row), upgradeColumnKey(kind, column))}=${parseAmount(amount)}`;
    });
    const stored = (await storedCells()).map((cell) => `${cellKey(cell.table, cell.row, cell.column)}=${cell.amount}`);
    expect(stored).toHaveLength(format1Figures.length);
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('the migrated figures are the cells of the format 2 seed document', async () => {
    const stored = new Map((await storedCells()).map((cell) => [cellKey(cell.table, cell.row, cell.column), cell.amount]));
    const seedCells = tableCells(seedDocument());
    expect(stored.size).toBe(seedCells.length);
    for (const cell of seedCells) expect(stored.get(cellKey(cell.table, cell.row, cell.column)), cellKey(cell.table, cell.row, cell.column)).toBe(cell.amount);
    expect(stored.get('incomeExpenditureSummary:incomeTotal:income')).toBe(288293n);
    expect(stored.get('expenditure:total:basic')).toBe(28890n);
    expect(stored.get('threePublicExpensesTable:total:budgetTotal')).toBe(60n);
  });

  it('rewrites the live document as upgradeDocument does, and it assembles into the seed document', async () => {
    const { rows } = await client.query<{ document: unknown }>('SELECT document FROM final_accounts WHERE id = $1', [accountsId]);
    const document = rows[0]?.document;
    expect(document).toEqual(upgradeDocument(format1Skeleton));
    expect(assembleDocument(document, await storedCells())).toEqual(withCanonicalAmounts(seedDocumentAsFormat1Held()));
  });

  it('leaves the revision as it was: format 1, read through upgradeDocument', async () => {
    const { rows } = await client.query<{ document: unknown }>('SELECT document FROM final_accounts_revision WHERE final_accounts_id = $1', [accountsId]);
    expect(rows[0]?.document).toEqual(format1);
    expect(upgradeDocument(rows[0]?.document)).toEqual(seedDocumentAsFormat1Held());
  });

  it('refuses a figure under a format 1 table code from now on', async () => {
    await expect(client.query("INSERT INTO figure (final_accounts_id, table_code, row_key, column_key, amount) VALUES ($1, 'T1', '99', '1', 1)", [accountsId]))
      .rejects.toThrow(/figure_table_code_check/);
  });
});
