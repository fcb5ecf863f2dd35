// Optimistic locking refuses a stale write, and the database itself keeps the audit log
// append-only and revisions unchanged, whoever connects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFinalAccounts, readFinalAccounts, recordAuditEvent, recordRevision, saveFinalAccounts, StaleVersionError,
} from '../../lib/data/accounts-store';
import { disconnectPrisma } from '../../lib/db';
import { createOrganisation, db, seedDocument } from './fixtures';

afterAll(disconnectPrisma);

async function newDraft(): Promise<string> {
  const { department } = await createOrganisation(2021);
  const created = await db().$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: seedDocument() }));
  return created.id;
}

function withAgencyCosts(amount: string) {
  const doc = seedDocument();
  doc.agencyOperatingCosts = amount;
  const row = doc.tables.incomeExpenditureSummary.rows.find((r) => r.row === 'generalBudgetAppropriation');
  if (row) row.cells.income = amount;
  return doc;
}

describe('optimistic locking', () => {
  it('an update WHERE version = old touches no row once someone else bumped the version', async () => {
    const id = await newDraft();
    await db().finalAccounts.update({ where: { id }, data: { version: { increment: 1 } } });
    const stale = await db().finalAccounts.updateMany({ where: { id, version: 1 }, data: { status: 'SUBMITTED' } });
    expect(stale.count).toBe(0);
    expect(await db().finalAccounts.findUnique({ where: { id }, select: { version: true, status: true } })).toEqual({ version: 2, status: 'DRAFT' });
  });

  it('saveFinalAccounts refuses a stale version and keeps the other writer’s figures', async () => {
    const id = await newDraft();
    await db().$transaction((tx) => saveFinalAccounts(tx, { id, expectedVersion: 1, document: withAgencyCosts('1.11') }));
    await expect(db().$transaction((tx) => saveFinalAccounts(tx, { id, expectedVersion: 1, document: withAgencyCosts('2.22') })))
      .rejects.toBeInstanceOf(StaleVersionError);
    const stored = await readFinalAccounts(db(), id);
    expect(stored?.version).toBe(2);
    expect(stored?.document.agencyOperatingCosts).toBe('1.11');
    expect(stored?.document.tables.incomeExpenditureSummary.rows.find((r) => r.row === 'generalBudgetAppropriation')?.cells.income).toBe('1.11');
  });

  it('of two simultaneous saves from the same version, exactly one wins', async () => {
    const id = await newDraft();
    const results = await Promise.allSettled(['3.33', '4.44'].map((amount) =>
      db().$transaction((tx) => saveFinalAccounts(tx, { id, expectedVersion: 1, document: withAgencyCosts(amount) }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(StaleVersionError);
    const stored = await readFinalAccounts(db(), id);
    expect(stored?.version).toBe(2);
    expect(await db().figure.count({ where: { finalAccountsId: id, table: 'incomeExpenditureSummary', row: 'generalBudgetAppropriation' } })).toBe(1);
  });
});

// The app's role has no right to change these rows (scripts/database-roles.ts); under it the
// privilege check refuses before the append-only trigger would (db-roles.test.ts covers both).
const APP_REFUSED = /append-only|permission denied/;

describe('append-only in the database', () => {
  let eventId: bigint;
  let accountsId: string;

  beforeAll(async () => {
    accountsId = await newDraft();
    await db().$transaction(async (tx) => {
      await recordAuditEvent(tx, { actorLabel: 'test', action: 'finalAccounts.create', entity: 'FinalAccounts', entityId: accountsId, finalAccountsId: accountsId, after: { version: 1 } });
      await recordRevision(tx, { finalAccountsId: accountsId, version: 1, status: 'SUBMITTED', document: seedDocument() });
    });
    eventId = (await db().auditEvent.findFirstOrThrow({ where: { finalAccountsId: accountsId } })).id;
  });

  it('refuses to update an audit row', async () => {
    await expect(db().auditEvent.update({ where: { id: eventId }, data: { action: 'forged' } })).rejects.toThrow(APP_REFUSED);
    await expect(db().$executeRaw`UPDATE audit_event SET actor_label = 'forged' WHERE id = ${eventId}`).rejects.toThrow(APP_REFUSED);
  });

  it('refuses to delete or truncate audit rows', async () => {
    await expect(db().auditEvent.delete({ where: { id: eventId } })).rejects.toThrow(APP_REFUSED);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(APP_REFUSED);
    await expect(db().$executeRawUnsafe('TRUNCATE audit_event')).rejects.toThrow(APP_REFUSED);
    expect(await db().auditEvent.findUnique({ where: { id: eventId } })).toMatchObject({ action: 'finalAccounts.create', actorLabel: 'test' });
  });

  it('still appends', async () => {
    const before = await db().auditEvent.count();
    await db().$transaction((tx) => recordAuditEvent(tx, { actorLabel: 'test', action: 'finalAccounts.save', entity: 'FinalAccounts', entityId: accountsId }));
    expect(await db().auditEvent.count()).toBe(before + 1);
  });

  it('refuses to change a revision', async () => {
    await expect(db().finalAccountsRevision.updateMany({ where: { finalAccountsId: accountsId }, data: { version: 99 } })).rejects.toThrow(APP_REFUSED);
  });
});
