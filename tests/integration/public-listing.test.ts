// The public listing pages in SQL (search, filters, pages) and reads published accounts by
// their readable address: a district of its own with 23 published departments over two years,
// one draft, and the seed's districts beside it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalAccounts, recordRevision } from '../../lib/data/accounts-store';
import {
  getDistrictPublisher, getPublishedAccountsByPath, getPublishedDistrict, listPublicFacets, listPublishedAccounts, listPublishedYears, parsePublicPath,
} from '../../lib/data/public-accounts';
import { disconnectPrisma } from '../../lib/db';
import { db, seedDocument } from './fixtures';

afterAll(disconnectPrisma);

const tag = randomUUID().slice(0, 8);
const districtSlug = `list-${tag}`;
const names = Array.from({ length: 22 }, (_, i) => `列表部门${String(i + 1).padStart(2, '0')} ${tag}`);
const PUBLISHED_AT = new Date('2022-05-13T04:00:00Z');

async function publish(departmentId: string, fiscalYear: number) {
  const doc = { ...seedDocument(), fiscalYear, template: fiscalYear === 2022 ? 'hubei-2022' : 'hubei-2021' };
  return db().$transaction(async (tx) => {
    const created = await createFinalAccounts(tx, { departmentId, document: doc, status: 'PUBLISHED', publishedAt: PUBLISHED_AT });
    await recordRevision(tx, { finalAccountsId: created.id, version: 1, status: 'PUBLISHED', document: doc, publishedAt: PUBLISHED_AT });
    return created.id;
  });
}

beforeAll(async () => {
  for (const year of [2021, 2022]) await db().fiscalYear.upsert({ where: { year }, update: {}, create: { year } });
  const district = await db().district.create({ data: { code: `L-${tag}`, name: `列表区 ${tag}`, slug: districtSlug, financeBureauName: `列表区财政局 ${tag}` } });
  for (const [i, name] of names.entries()) {
    const department = await db().department.create({ data: { districtId: district.id, name, slug: `dept-${i + 1}` } });
    await publish(department.id, 2021);
    // The first department has published two years.
    if (i === 0) await publish(department.id, 2022);
  }
  const drafting = await db().department.create({ data: { districtId: district.id, name: `列表部门草稿 ${tag}`, slug: 'drafting' } });
  await db().$transaction((tx) => createFinalAccounts(tx, { departmentId: drafting.id, document: seedDocument() }));
}, 120_000);

describe('the home page listing', () => {
  it('pages a district’s 23 published accounts 20 at a time, newest year first, then by name', async () => {
    const first = await listPublishedAccounts({ district: districtSlug });
    expect(first).toMatchObject({ total: 23, page: 1, pageSize: 20, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ fiscalYear: 2022, departmentName: names[0], path: `/2022/${districtSlug}/dept-1` });
    expect(first.items.slice(1).map((item) => item.departmentName)).toEqual(names.slice(0, 19));
    const second = await listPublishedAccounts({ district: districtSlug, page: 2 });
    expect(second.items.map((item) => item.departmentName)).toEqual(names.slice(19));
    expect(second.items.every((item) => item.incomeTotal === '2882.93' && item.financeBureauName === `列表区财政局 ${tag}`)).toBe(true);
  });

  it('clamps a page out of range and refuses nothing a reader can type', async () => {
    expect((await listPublishedAccounts({ district: districtSlug, page: 99 })).page).toBe(2);
    expect((await listPublishedAccounts({ district: districtSlug, page: -3 })).page).toBe(1);
    expect((await listPublishedAccounts({ district: districtSlug, pageSize: 10_000 })).pageSize).toBe(100);
    expect(await listPublishedAccounts({ district: 'Not A Slug' })).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it('searches a name as plain text and filters by year', async () => {
    expect((await listPublishedAccounts({ q: `列表部门07 ${tag}` })).items.map((item) => item.departmentName)).toEqual([names[6]]);
    expect((await listPublishedAccounts({ q: `%${tag}` })).total).toBe(0);
    expect((await listPublishedAccounts({ q: `列表部门07\0 ${tag}` })).total).toBe(1);
    expect((await listPublishedAccounts({ q: tag, year: 2022 })).items.map((item) => item.path)).toEqual([`/2022/${districtSlug}/dept-1`]);
    // The draft is nowhere.
    expect((await listPublishedAccounts({ q: `草稿 ${tag}` })).total).toBe(0);
  });

  it('offers the years and districts that have published accounts', async () => {
    const facets = await listPublicFacets();
    expect(facets.years).toEqual(expect.arrayContaining([2022, 2021]));
    expect(facets.years).toEqual([...facets.years].sort((a, b) => b - a));
    expect(facets.districts).toEqual(expect.arrayContaining([{ slug: districtSlug, name: `列表区 ${tag}` }, { slug: 'qiaokou', name: '武汉市硚口区' }]));
  });
});

describe('readable addresses', () => {
  it('reads the seed department’s accounts at /2021/qiaokou/big-data-center', async () => {
    const accounts = await getPublishedAccountsByPath(2021, 'qiaokou', 'big-data-center');
    expect(accounts).toMatchObject({ departmentName: '武汉市硚口区大数据中心', financeBureauName: '武汉市硚口区财政局', path: '/2021/qiaokou/big-data-center', version: 1 });
    expect(accounts?.publications).toEqual([{ version: 1, publishedAt: '2022-05-13T04:00:00.000Z', correctionReason: null }]);
    expect(await getPublishedAccountsByPath(2022, 'qiaokou', 'big-data-center')).toBeNull();
    expect(await getPublishedAccountsByPath(2021, districtSlug, 'drafting')).toBeNull();
  });

  it('reads a district’s year and a department’s years', async () => {
    const district = await getPublishedDistrict(2021, districtSlug);
    expect(district).toMatchObject({ name: `列表区 ${tag}`, financeBureauName: `列表区财政局 ${tag}`, fiscalYear: 2021 });
    expect(district?.members.map((m) => m.departmentName)).toEqual(names);
    expect(await getPublishedDistrict(2023, districtSlug)).toBeNull();
    expect((await listPublishedYears(districtSlug, 'dept-1')).map((a) => a.fiscalYear)).toEqual([2021, 2022]);
    expect(await listPublishedYears(districtSlug, 'drafting')).toEqual([]);
  });

  it('names the district’s publisher only where it has published', async () => {
    expect(await getDistrictPublisher(districtSlug)).toBe(`列表区财政局 ${tag}`);
    expect(await getDistrictPublisher(districtSlug, 2022)).toBe(`列表区财政局 ${tag}`);
    expect(await getDistrictPublisher(districtSlug, 2023)).toBeNull();
    expect(await getDistrictPublisher('qiaokou', 2021)).toBe('武汉市硚口区财政局');
    expect(await getDistrictPublisher('no-such-district')).toBeNull();
  });

  it('refuses a slug that is not lower-case letters, digits and single hyphens, or that is another address', async () => {
    const district = await db().district.findUniqueOrThrow({ where: { slug: districtSlug } });
    for (const slug of ['Big-Data', 'a--b', '-a', '硚口', 'open-data', 'a b']) {
      await expect(db().department.create({ data: { districtId: district.id, name: `坏地址 ${slug} ${tag}`, slug } }), slug).rejects.toThrow(/department_slug_format/);
    }
    await expect(db().district.update({ where: { id: district.id }, data: { slug: 'Qiaokou' } })).rejects.toThrow(/district_slug_format/);
  });

  it('takes only well-formed segments', () => {
    expect(parsePublicPath({ year: '2021', district: 'qiaokou', department: 'big-data-center' })).toEqual({ ok: true, year: 2021, district: 'qiaokou', department: 'big-data-center' });
    for (const bad of [{ year: '21' }, { year: '2021x' }, { district: 'Qiaokou' }, { department: 'a--b' }, { department: '硚口' }, { district: "x' OR '1'='1" }]) {
      expect(parsePublicPath(bad), JSON.stringify(bad)).toEqual({ ok: false });
    }
  });
});

describe('a district renamed after publication', () => {
  it('keeps the name its publications give it, in the filters and on its page', async () => {
    await db().district.update({ where: { slug: districtSlug }, data: { name: `列表区（更名） ${tag}` } });
    expect((await listPublicFacets()).districts).toContainEqual({ slug: districtSlug, name: `列表区 ${tag}` });
    expect((await getPublishedDistrict(2021, districtSlug))?.name).toBe(`列表区 ${tag}`);
  });
});
