// The public reads the newest published revision: a correction in progress leaves the
// published version in place, and publishing the correction replaces it as a new version; a
// revision stored in format 1 reads in format 2.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalAccounts, recordRevision, saveFinalAccounts } from '../../lib/data/accounts-store';
import { getPublishedAccounts, listPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma, type Prisma } from '../../lib/db';
import { createOrganisation, db, seedDocument, seedDocumentAsFormat1Held } from './fixtures';

afterAll(disconnectPrisma);

describe('corrections as visible versions', () => {
  const original = seedDocument();
  const corrected = seedDocument();
  corrected.agencyOperatingCosts = '12.34';
  const row = corrected.tables.incomeExpenditureSummary.rows.find((r) => r.row === 'incomeTotal');
  if (row) row.cells.income = '2900.00';
  let id = '';
  let departmentName = '';

  beforeAll(async () => {
    const { department, district } = await createOrganisation(2021);
    departmentName = department.name;
    const publishedAt = new Date('2022-05-13T04:00:00Z');
    id = await db().$transaction(async (tx) => {
      const created = await createFinalAccounts(tx, { departmentId: department.id, document: original, status: 'PUBLISHED', publishedAt });
      await recordRevision(tx, { finalAccountsId: created.id, version: 1, status: 'PUBLISHED', document: original, publishedAt });
      return created.id;
    });
    expect(district.name).toMatch(/^测试区/);
  });

  it('a correction in progress does not change what is published', async () => {
    await db().$transaction(async (tx) => {
      await tx.finalAccounts.update({ where: { id }, data: { status: 'DRAFT', version: 2 } });
      await saveFinalAccounts(tx, { id, expectedVersion: 2, document: corrected });
    });
    const published = await getPublishedAccounts(id);
    expect(published?.version).toBe(1);
    expect(published?.document.agencyOperatingCosts).toBe(original.agencyOperatingCosts);
    expect((await listPublishedAccounts({ q: departmentName })).items.filter((item) => item.id === id)).toEqual([
      expect.objectContaining({ version: 1, departmentName, incomeTotal: '2882.93' }),
    ]);
  });

  it('publishing the correction makes it the published version, listed once', async () => {
    const publishedAt = new Date('2022-06-01T04:00:00Z');
    await db().$transaction(async (tx) => {
      await tx.finalAccounts.update({ where: { id }, data: { status: 'PUBLISHED', version: 4, publishedAt } });
      await recordRevision(tx, { finalAccountsId: id, version: 4, status: 'PUBLISHED', document: corrected, publishedAt });
    });
    const published = await getPublishedAccounts(id);
    expect(published).toMatchObject({ version: 4, publishedAt: '2022-06-01T04:00:00.000Z' });
    expect(published?.document.agencyOperatingCosts).toBe('12.34');
    expect((await listPublishedAccounts({ q: departmentName })).items.filter((item) => item.id === id)).toEqual([
      expect.objectContaining({ version: 4, incomeTotal: '2900.00', expenditureTotal: '2882.93' }),
    ]);
    // The first publication stays on record.
    expect(await db().finalAccountsRevision.count({ where: { finalAccountsId: id, status: 'PUBLISHED' } })).toBe(2);
  });
});

describe('a revision stored before format 2', () => {
  it('reads as the format 2 document (revisions are never rewritten, so they are upgraded on read)', async () => {
    const format1: unknown = JSON.parse(readFileSync(new URL('./format1/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8'));
    const { department } = await createOrganisation(2021);
    const publishedAt = new Date('2022-05-13T04:00:00Z');
    const id = await db().$transaction(async (tx) => {
      const created = await createFinalAccounts(tx, { departmentId: department.id, document: seedDocument(), status: 'PUBLISHED', publishedAt });
      await tx.finalAccountsRevision.create({
        data: {
          finalAccountsId: created.id, version: 1, status: 'PUBLISHED', publishedAt,
          document: format1 as Prisma.InputJsonValue, summary: { incomeTotal: '2882.93', expenditureTotal: '2882.93' },
        },
      });
      return created.id;
    });
    const published = await getPublishedAccounts(id);
    expect(published?.document.formatVersion).toBe(2);
    expect(published?.document).toEqual(seedDocumentAsFormat1Held());
    expect(published?.document.tables.incomeExpenditureSummary.rows.find((r) => r.row === 'incomeTotal')?.cells.income).toBe('2882.93');
  });
});
