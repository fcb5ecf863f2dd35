// The seed loads the seed department, and what is stored reads back as the seed document:
// through the published revision (the public pages) and through the figures (entry, review).
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONAL_SUBJECTS_BY_YEAR } from '../../lib/accounts/classification';
import { tableCells } from '../../lib/accounts/cells';
import { createFinalAccounts, readFinalAccounts } from '../../lib/data/accounts-store';
import { getPublishedAccounts, listPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma } from '../../lib/db';
import { verifyPassword } from '../../lib/password';
import { DEMO_PASSWORD, DEMO_USERS, seedDatabase, SEED_DISTRICT } from '../../prisma/seed';
import { createOrganisation, db, seedDocument, withCanonicalAmounts } from './fixtures';

afterAll(disconnectPrisma);

async function seedAccountsId(): Promise<string> {
  const accounts = await db().finalAccounts.findFirstOrThrow({
    where: { fiscalYear: 2021, level: 'DEPARTMENT', department: { name: '武汉市硚口区大数据中心', district: { code: SEED_DISTRICT.code } } },
    select: { id: true },
  });
  return accounts.id;
}

describe('the seed', () => {
  it('loads the district, the department with its own unit, the catalogues and the demo users', async () => {
    const department = await db().department.findFirstOrThrow({
      where: { name: '武汉市硚口区大数据中心' },
      include: { district: true, units: true, memberships: { include: { user: true } } },
    });
    expect(department.district).toMatchObject({ name: '武汉市硚口区', financeBureauName: '武汉市硚口区财政局' });
    expect(department.units).toEqual([expect.objectContaining({ kind: 'OWN_UNIT' })]);
    expect(department.memberships.map((m) => m.user.email)).toEqual(['accountant@juesuan.local']);

    expect(await db().functionalSubject.count({ where: { fiscalYear: 2021 } })).toBe(FUNCTIONAL_SUBJECTS_BY_YEAR[2021]?.length);
    expect(await db().economicSubject.findUnique({ where: { fiscalYear_code: { fiscalYear: 2021, code: '30101' } } }))
      .toMatchObject({ name: '基本工资', level: 'section' });

    for (const demo of DEMO_USERS) {
      const user = await db().user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user.role).toBe(demo.role);
      expect(verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
      expect(verifyPassword('wrong', user.passwordHash)).toBe(false);
    }
  });

  it('stores the 2021 accounts as published version 1, with a revision and audit rows', async () => {
    const id = await seedAccountsId();
    const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(accounts).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect(accounts.publishedAt?.toISOString()).toBe('2022-05-13T04:00:00.000Z'); // noon, 2022-05-13, in China
    expect(accounts.revisions).toEqual([expect.objectContaining({ version: 1, status: 'PUBLISHED' })]);
    expect(await db().figure.count({ where: { finalAccountsId: id } })).toBe(tableCells(seedDocument()).length);
    expect(await db().project.count({ where: { finalAccountsId: id } })).toBe(seedDocument().performance.projects.length);
    const audit = await db().auditEvent.findMany({ where: { finalAccountsId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => [e.actorLabel, e.action])).toEqual([['system seed', 'finalAccounts.create'], ['system seed', 'finalAccounts.publish']]);
  });

  it('is idempotent', async () => {
    const counts = async () => Promise.all([db().finalAccounts.count(), db().figure.count(), db().user.count(), db().auditEvent.count(), db().unit.count()]);
    const before = await counts();
    expect(await seedDatabase(db())).toBe(await seedAccountsId());
    expect(await counts()).toEqual(before);
  });
});

describe('reading the seed accounts back', () => {
  it('getPublishedAccounts returns the seed document', async () => {
    const id = await seedAccountsId();
    const published = await getPublishedAccounts(id);
    expect(published).toMatchObject({
      id, departmentName: '武汉市硚口区大数据中心', district: '武汉市硚口区', fiscalYear: 2021, version: 1,
      publishedAt: '2022-05-13T04:00:00.000Z',
    });
    expect(published?.document).toEqual(withCanonicalAmounts(seedDocument()));
  });

  it('the figures and the stored document assemble into the seed document', async () => {
    const stored = await readFinalAccounts(db(), await seedAccountsId());
    expect(stored?.document).toEqual(withCanonicalAmounts(seedDocument()));
  });

  it('listPublishedAccounts gives the totals as decimal strings', async () => {
    const id = await seedAccountsId();
    expect((await listPublishedAccounts()).find((item) => item.id === id)).toEqual({
      id, departmentName: '武汉市硚口区大数据中心', district: '武汉市硚口区', fiscalYear: 2021, version: 1,
      publishedAt: '2022-05-13T04:00:00.000Z', incomeTotal: '2882.93', expenditureTotal: '2882.93',
    });
  });

  it('a malformed, unknown or unpublished id reads as not found', async () => {
    expect(await getPublishedAccounts('not-a-uuid')).toBeNull();
    expect(await getPublishedAccounts("1' OR '1'='1")).toBeNull();
    expect(await getPublishedAccounts('00000000-0000-4000-8000-000000000000')).toBeNull();
    const { department } = await createOrganisation(2021);
    const draft = await db().$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: seedDocument() }));
    expect(await getPublishedAccounts(draft.id)).toBeNull();
    expect((await listPublishedAccounts()).some((item) => item.id === draft.id)).toBe(false);
  });
});
