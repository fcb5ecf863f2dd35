// The migrations apply to an empty database through the WebAssembly schema engine, record
// their history as `prisma migrate deploy` does, and match prisma/schema.prisma.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSnapshot, SCHEMA_PATH, SNAPSHOTS_DIR } from '../../scripts/create-migration';
import { withDatabase } from '../../scripts/database';
import { migrateDatabase } from '../../scripts/migrate';
import { diffSchemas, MIGRATIONS_DIR } from '../../scripts/schema-engine';
import { ownerDatabaseUrl } from './fixtures';

const TABLES = [
  'district', 'department', 'unit', 'fiscal_year', 'functional_subject', 'economic_subject', 'app_user',
  'department_membership', 'final_accounts', 'figure', 'final_accounts_revision', 'project', 'indicator',
  'review_comment', 'check_explanation', 'audit_event',
];

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const migrationSql = (name: string) => readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations on an empty database', () => {
  const name = `juesuan_migrate_${randomUUID().slice(0, 8)}`;
  const url = withDatabase(ownerDatabaseUrl(), name);

  beforeAll(async () => {
    await query(ownerDatabaseUrl(), `CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await query(ownerDatabaseUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('creates every table and records each migration with its checksum', async () => {
    expect(await migrateDatabase(url)).toEqual(migrationNames);

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...TABLES, '_prisma_migrations']));

    const history = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url, 'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at');
    expect(history.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of history) {
      expect(row.checksum).toBe(createHash('sha256').update(migrationSql(row.migration_name)).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it('includes the hand-written triggers and constraints', async () => {
    const triggers = await query<{ tgname: string }>(url, 'SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname');
    expect(triggers.map((t) => t.tgname)).toEqual([
      'audit_event_no_truncate', 'audit_event_no_update_or_delete', 'final_accounts_revision_heading',
      'final_accounts_revision_no_truncate', 'final_accounts_revision_no_update', 'final_accounts_revision_published_no_delete',
    ]);
    const checks = await query<{ conname: string }>(url, "SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY conname");
    expect(checks.map((c) => c.conname)).toEqual([
      'department_slug_format', 'district_slug_format',
      'figure_table_code_check', 'final_accounts_revision_published_heading_check', 'final_accounts_scope_check', 'final_accounts_version_check',
    ]);
  });
});

describe('the committed migrations', () => {
  it('have a schema snapshot each and a lock file for PostgreSQL', () => {
    expect(readdirSync(SNAPSHOTS_DIR).sort()).toEqual(migrationNames.map((n) => `${n}.prisma`));
    expect(readFileSync(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('each start with the SQL that turns the previous snapshot into theirs', async () => {
    let previous: string | undefined;
    for (const name of migrationNames) {
      const snapshot = readFileSync(join(SNAPSHOTS_DIR, `${name}.prisma`), 'utf8');
      expect(migrationSql(name).startsWith(await diffSchemas(previous, snapshot)), name).toBe(true);
      previous = snapshot;
    }
  });

  it('leave nothing of schema.prisma unmigrated (else: npm run db:migration -- <name>)', async () => {
    const sql = await diffSchemas(lastSnapshot()?.schema, readFileSync(SCHEMA_PATH, 'utf8'));
    expect(sql.replace(/--.*$/gm, '').trim()).toBe('');
  });
});
