// What the app's database role (DATABASE_URL, as npm test prepares it) cannot do to published
// accounts and the audit log, whatever the app is made to run; what even the owner cannot do
// (the triggers); and that a published heading outlives a rename of the live rows.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalAccounts, recordAuditEvent, recordRevision } from '../../lib/data/accounts-store';
import { getPublishedAccounts, listPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma } from '../../lib/db';
import { createOrganisation, databaseUrl, db, ownerDatabaseUrl, seedDocument } from './fixtures';

const app = new pg.Client({ connectionString: databaseUrl() });
const owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
const PUBLISHED_AT = new Date('2022-05-13T04:00:00Z');
let accountsId = '';
let revisionId = '';
let departmentId = '';
let districtId = '';
let departmentName = '';
let districtName = '';

/** The SQLSTATE of the error `sql` raises as `client`; undefined when it succeeds. */
async function refusal(client: pg.Client, sql: string, values: unknown[] = []): Promise<{ code?: string; message: string } | undefined> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql, values);
    return undefined;
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
  }
}

/** The published revision and audit row, as stored. */
const stored = async () => ({
  revision: (await owner.query<{ version: number; status: string; document: object; department_name: string }>(
    'SELECT version, status, document, department_name FROM final_accounts_revision WHERE id = $1', [revisionId])).rows,
  accounts: (await owner.query<{ status: string }>('SELECT status FROM final_accounts WHERE id = $1', [accountsId])).rows,
  audit: (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE final_accounts_id = $1', [accountsId])).rows[0],
});

beforeAll(async () => {
  const { department, district } = await createOrganisation(2021);
  ({ id: departmentId, name: departmentName } = department);
  ({ id: districtId, name: districtName } = district);
  accountsId = await db().$transaction(async (tx) => {
    const created = await createFinalAccounts(tx, { departmentId, document: seedDocument(), status: 'PUBLISHED', approvedAt: PUBLISHED_AT, publishedAt: PUBLISHED_AT });
    await recordRevision(tx, { finalAccountsId: created.id, version: 1, status: 'PUBLISHED', document: seedDocument(), publishedAt: PUBLISHED_AT });
    await recordAuditEvent(tx, { actorLabel: 'test', action: 'finalAccounts.publish', entity: 'FinalAccounts', entityId: created.id, finalAccountsId: created.id });
    return created.id;
  });
  revisionId = (await db().finalAccountsRevision.findFirstOrThrow({ where: { finalAccountsId: accountsId } })).id;
  await app.connect();
  await owner.connect();
  // Each attempt runs in a transaction rolled back to a savepoint, so one that wrongly
  // succeeded cannot spoil the next; the stored rows are compared after the commit.
  await app.query('BEGIN');
});

afterAll(async () => {
  await app.query('ROLLBACK').catch(() => undefined);
  await app.end();
  await owner.end();
  await disconnectPrisma();
});

describe("the app's role", () => {
  it('is neither a superuser nor the owner of any table, and may not create roles or databases', async () => {
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 }]);
    const { rows: owners } = await app.query<{ owner: string }>("SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'final_accounts_revision'::regclass");
    expect(owners[0]?.owner).toBe(new URL(ownerDatabaseUrl()).username);
  });

  it('cannot delete, truncate or update a published revision, nor delete its accounts', async () => {
    for (const sql of [
      'DELETE FROM final_accounts_revision WHERE id = $1',
      "UPDATE final_accounts_revision SET document = '{}' WHERE id = $1",
    ]) expect((await refusal(app, sql, [revisionId]))?.message, sql).toMatch(/^permission denied/);
    expect(await refusal(app, 'TRUNCATE final_accounts_revision')).toMatchObject({ code: '42501' });
    expect(await refusal(app, 'TRUNCATE final_accounts CASCADE')).toMatchObject({ code: '42501' });
    // Deleting the accounts would cascade to the revision: the trigger refuses it.
    expect((await refusal(app, 'DELETE FROM final_accounts WHERE id = $1', [accountsId]))?.message).toMatch(/published revision is permanent/);
  });

  it('cannot insert over a published revision', async () => {
    const insert = `INSERT INTO final_accounts_revision (id, final_accounts_id, version, status, document, summary)
                    VALUES (gen_random_uuid(), $1, 1, 'PUBLISHED', '{"forged": true}', '{}')`;
    expect(await refusal(app, insert, [accountsId])).toMatchObject({ code: '23505' });
    expect(await refusal(app, `${insert} ON CONFLICT (final_accounts_id, version, status) DO UPDATE SET document = EXCLUDED.document`, [accountsId]))
      .toMatchObject({ code: '42501' });
  });

  it('cannot delete or truncate the audit log', async () => {
    expect(await refusal(app, 'DELETE FROM audit_event WHERE final_accounts_id = $1', [accountsId])).toMatchObject({ code: '42501' });
    expect(await refusal(app, 'TRUNCATE audit_event')).toMatchObject({ code: '42501' });
  });

  it('cannot alter the protected tables, nor drop, disable or bypass their triggers', async () => {
    for (const sql of [
      'ALTER TABLE final_accounts_revision DISABLE TRIGGER ALL',
      'ALTER TABLE final_accounts_revision DISABLE TRIGGER final_accounts_revision_published_no_delete',
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete',
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_truncate',
      'DROP TRIGGER final_accounts_revision_no_update ON final_accounts_revision',
      'ALTER TABLE final_accounts_revision DROP CONSTRAINT final_accounts_revision_published_heading_check',
      "CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$ BEGIN RETURN NULL; END; $$ LANGUAGE plpgsql",
      'ALTER TABLE final_accounts_revision OWNER TO CURRENT_USER',
      'SET session_replication_role = replica',
      'CREATE FUNCTION forged() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql',
    ]) expect(await refusal(app, sql), sql).toMatchObject({ code: '42501' });
  });

  it('left the published revision and the audit log as they were', async () => {
    await app.query('COMMIT');
    const after = await stored();
    expect(after.revision).toEqual([expect.objectContaining({ version: 1, status: 'PUBLISHED', department_name: departmentName })]);
    expect(after.revision[0]?.document).not.toHaveProperty('forged');
    expect(after.accounts).toEqual([{ status: 'PUBLISHED' }]);
    expect(after.audit).toEqual({ n: 1 });
    await app.query('BEGIN');
  });
});

describe('the owner too', () => {
  it('is refused by the triggers: a published revision is neither updated nor deleted, the table not truncated', async () => {
    await owner.query('BEGIN');
    try {
      expect((await refusal(owner, "UPDATE final_accounts_revision SET document = '{}' WHERE id = $1", [revisionId]))?.message).toMatch(/append-only/);
      expect((await refusal(owner, 'DELETE FROM final_accounts_revision WHERE id = $1', [revisionId]))?.message).toMatch(/published revision is permanent/);
      expect((await refusal(owner, 'TRUNCATE final_accounts_revision'))?.message).toMatch(/append-only/);
      expect((await refusal(owner, 'DELETE FROM audit_event WHERE final_accounts_id = $1', [accountsId]))?.message).toMatch(/append-only/);
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});

describe('a rename after publication', () => {
  it('leaves the public heading as published', async () => {
    await db().department.update({ where: { id: departmentId }, data: { name: `${departmentName}（更名）` } });
    await db().district.update({ where: { id: districtId }, data: { name: `${districtName}（更名）` } });
    const published = await getPublishedAccounts(accountsId);
    expect(published).toMatchObject({ departmentName, district: districtName, publishedAt: PUBLISHED_AT.toISOString(), approvedAt: PUBLISHED_AT.toISOString(), correctionReason: null });
    expect((await listPublishedAccounts({ q: departmentName })).items.filter((item) => item.id === accountsId)).toEqual([expect.objectContaining({ departmentName, district: districtName })]);
  });
});
