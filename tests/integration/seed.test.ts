// The seed loads the catalogues, the seed department (Hubei 2021) and the three Shanghai 2024
// departments, and what is stored reads back as each document: through the published revision
// (the public pages) and through the figures (entry, review).
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueFor } from '../../lib/accounts/catalogue';
import { tableCells } from '../../lib/accounts/cells';
import { summarizeFinalAccounts } from '../../lib/accounts/summary';
import { createFinalAccounts, readFinalAccounts } from '../../lib/data/accounts-store';
import { getPublishedAccounts, listPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma } from '../../lib/db';
import { verifyPassword } from '../../lib/password';
import { CATALOGUE_YEARS, DEMO_PASSWORD, DEMO_USERS, seedDatabase, SEED_DISTRICT, SHANGHAI_DISTRICT } from '../../prisma/seed';
import { createOrganisation, db, seedDocument, shanghaiDocuments, withCanonicalAmounts } from './fixtures';

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
      where: { name: '武汉市硚口区大数据中心', district: { code: SEED_DISTRICT.code } },
      include: { district: true, units: true, memberships: { include: { user: true } } },
    });
    expect(department.district).toMatchObject({ name: '武汉市硚口区', financeBureauName: '武汉市硚口区财政局' });
    expect(department.units).toEqual([expect.objectContaining({ kind: 'OWN_UNIT' })]);
    expect(department.memberships.map((m) => m.user.email)).toEqual(['accountant@juesuan.local']);

    expect(await db().economicSubject.findUnique({ where: { fiscalYear_code: { fiscalYear: 2021, code: '30101' } } }))
      .toMatchObject({ name: '基本工资', level: 'section' });

    for (const demo of DEMO_USERS) {
      const user = await db().user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user.role).toBe(demo.role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
      expect(await verifyPassword('wrong', user.passwordHash)).toBe(false);
    }
  });

  it('loads the functional and economic catalogues of every year that has them', async () => {
    for (const year of CATALOGUE_YEARS) {
      const functional = catalogueFor(year, 'functional');
      const economic = catalogueFor(year, 'economic');
      expect(functional ?? economic, `${year}`).toBeDefined();
      expect(await db().functionalSubject.count({ where: { fiscalYear: year } }), `${year}`).toBe(functional?.subjects.length ?? 0);
      expect(await db().economicSubject.count({ where: { fiscalYear: year } }), `${year}`).toBe(economic?.subjects.length ?? 0);
    }
    expect(await db().functionalSubject.findUnique({ where: { fiscalYear_code: { fiscalYear: 2024, code: '201' } } }))
      .toMatchObject({ name: '一般公共服务支出', level: 'class' });
  });

  it('loads 上海市普陀区 with its finance bureau and the three departments, each with its own unit', async () => {
    const district = await db().district.findUniqueOrThrow({
      where: { code: SHANGHAI_DISTRICT.code },
      include: { departments: { include: { units: true }, orderBy: { name: 'asc' } } },
    });
    expect(district).toMatchObject({ name: '上海市普陀区', financeBureauName: '上海市普陀区财政局' });
    expect(district.departments.map((d) => d.name).sort()).toEqual(shanghaiDocuments().map((doc) => doc.department.name).sort());
    for (const department of district.departments) {
      expect(department.units).toEqual([expect.objectContaining({ name: department.name, kind: 'OWN_UNIT' })]);
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
    expect((await listPublishedAccounts({ district: 'qiaokou', year: 2021 })).items.find((item) => item.id === id)).toEqual({
      id, departmentName: '武汉市硚口区大数据中心', district: '武汉市硚口区', fiscalYear: 2021, version: 1,
      publishedAt: '2022-05-13T04:00:00.000Z', approvedAt: '2022-05-13T04:00:00.000Z', correctionReason: null,
      incomeTotal: '2882.93', expenditureTotal: '2882.93',
      districtSlug: 'qiaokou', departmentSlug: 'big-data-center', financeBureauName: '武汉市硚口区财政局', path: '/2021/qiaokou/big-data-center',
    });
  });

  it('each Shanghai department’s published 2024 accounts read back as its document, through the revision and the figures', async () => {
    const { items: listed } = await listPublishedAccounts({ district: 'putuo' });
    for (const doc of shanghaiDocuments()) {
      const accounts = await db().finalAccounts.findFirstOrThrow({
        where: { fiscalYear: 2024, level: 'DEPARTMENT', department: { name: doc.department.name, district: { code: SHANGHAI_DISTRICT.code } } },
        select: { id: true, status: true, version: true },
      });
      expect(accounts, doc.department.name).toMatchObject({ status: 'PUBLISHED', version: 1 });
      const published = await getPublishedAccounts(accounts.id);
      expect(published).toMatchObject({ departmentName: doc.department.name, district: '上海市普陀区', fiscalYear: 2024, version: 1 });
      expect(published?.document.template).toBe('shanghai-2024');
      expect(published?.document).toEqual(withCanonicalAmounts(doc));
      expect((await readFinalAccounts(db(), accounts.id))?.document).toEqual(withCanonicalAmounts(doc));
      expect(await db().figure.count({ where: { finalAccountsId: accounts.id } })).toBe(tableCells(doc).length);
      const summary = summarizeFinalAccounts(doc);
      expect(listed.find((item) => item.id === accounts.id)).toMatchObject({ incomeTotal: summary.incomeTotal, expenditureTotal: summary.expenditureTotal });
    }
    // The finance bureau's 收入支出决算总表, as printed: 本年收入合计 2,946.25, 本年支出合计 2,940.05.
    expect(listed.find((item) => item.departmentName === '上海市普陀区财政局')).toMatchObject({ incomeTotal: '2946.25', expenditureTotal: '2940.05' });
  });

  it('lists the 2024 Shanghai accounts before the 2021 Hubei ones', async () => {
    // Every page, in order: the test database holds other tests' published accounts too.
    const all = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
      const listing = await listPublishedAccounts({ page, pageSize: 100 });
      all.push(...listing.items);
      pageCount = listing.pageCount;
    }
    // By address name: other tests' districts may bear these names (the text import's do).
    const districts = all.filter((item) => item.districtSlug === SEED_DISTRICT.slug || item.districtSlug === SHANGHAI_DISTRICT.slug);
    expect(districts.map((item) => `${item.fiscalYear} ${item.district}`)).toEqual([
      '2024 上海市普陀区', '2024 上海市普陀区', '2024 上海市普陀区', '2021 武汉市硚口区',
    ]);
  });

  it('a malformed, unknown or unpublished id reads as not found', async () => {
    expect(await getPublishedAccounts('not-a-uuid')).toBeNull();
    expect(await getPublishedAccounts("1' OR '1'='1")).toBeNull();
    expect(await getPublishedAccounts('00000000-0000-4000-8000-000000000000')).toBeNull();
    const { department } = await createOrganisation(2021);
    const draft = await db().$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: seedDocument() }));
    expect(await getPublishedAccounts(draft.id)).toBeNull();
    expect((await listPublishedAccounts({ q: department.name })).items.some((item) => item.id === draft.id)).toBe(false);
  });
});
