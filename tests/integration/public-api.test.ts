// The read-only API and the downloads through their route handlers, called as Next calls them (a
// Request, the dynamic segments as a promise), on accounts moved through the real actions: two
// published, and one each in draft, submitted and approved-but-unpublished, which no answer may
// name. The summary and findings are compared with what `juesuan summary|check --json` prints.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { DEFAULT_PAGE_SIZE, getPublishedAccounts, MAX_QUERY_LENGTH } from '../../lib/data/public-accounts';
import { approveAccounts, publishAccounts } from '../../lib/data/review-actions';
import { disconnectPrisma } from '../../lib/db';
import { interchangeJson } from '../../lib/export/downloads';
import { parseCsv } from '../../lib/import/table-file';
import { createActor, departmentWithAccounts, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';
import { submittedAccounts } from './review-fixtures';

afterAll(disconnectPrisma);

const YEAR = 2021;

const ENDPOINTS = [['accounts/[id]', ''], ['accounts/[id]/summary', '/summary'], ['accounts/[id]/findings', '/findings']] as const;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
// Imported by static paths (a template path would be a glob the bundler cannot resolve).
const ROUTES = {
  'api/v1/accounts': () => import('../../app/api/v1/accounts/route'),
  'api/v1/accounts/[id]': () => import('../../app/api/v1/accounts/[id]/route'),
  'api/v1/accounts/[id]/summary': () => import('../../app/api/v1/accounts/[id]/summary/route'),
  'api/v1/accounts/[id]/findings': () => import('../../app/api/v1/accounts/[id]/findings/route'),
  '(public)/[year]/[district]/[department]/download/[file]': () => import('../../app/(public)/[year]/[district]/[department]/download/[file]/route'),
  '(public)/[year]/[district]/open-data/[file]': () => import('../../app/(public)/[year]/[district]/open-data/[file]/route'),
} as const;
const route = async (path: keyof typeof ROUTES): Promise<Handler> => (await ROUTES[path]()).GET as Handler;
const api = (path: 'accounts' | (typeof ENDPOINTS)[number][0]) => route(`api/v1/${path}`);

async function call(handler: Handler, url: string, params: Record<string, string> = {}) {
  const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: response.status, headers: response.headers, bytes, text, json: (): unknown => JSON.parse(text) };
}

interface Accounts { id: string; departmentName: string; departmentSlug: string }

async function describeAccounts(id: string): Promise<Accounts> {
  const { department } = await db().finalAccounts.findUniqueOrThrow({ where: { id }, select: { department: { select: { name: true, slug: true } } } });
  return { id, departmentName: department.name, departmentSlug: department.slug };
}

let org: Organisation;
let published: Accounts[];
let unpublished: (Accounts & { state: string })[];

beforeAll(async () => {
  org = await createOrganisation(YEAR);
  const reviewer = await createActor('REVIEWER', org);
  const publish = async () => {
    const accounts = await submittedAccounts(org);
    expect(await approveAccounts(reviewer, { finalAccountsId: accounts.id, expectedVersion: 2 })).toMatchObject({ ok: true });
    expect(await publishAccounts(reviewer, { finalAccountsId: accounts.id, expectedVersion: 3 })).toMatchObject({ ok: true, data: { status: 'PUBLISHED' } });
    return describeAccounts(accounts.id);
  };
  published = [await publish(), await publish()];
  const draft = await departmentWithAccounts(org);
  const submitted = await submittedAccounts(org);
  const approved = await submittedAccounts(org);
  expect(await approveAccounts(reviewer, { finalAccountsId: approved.id, expectedVersion: 2 })).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
  unpublished = [
    { state: 'draft', ...(await describeAccounts(draft.id)) },
    { state: 'submitted', ...(await describeAccounts(submitted.id)) },
    { state: 'approved, not published', ...(await describeAccounts(approved.id)) },
  ];
}, 120_000);

/** What the CLI prints for a document, run on the published document written to a file. */
async function cli(command: 'summary' | 'check', id: string): Promise<string> {
  const accounts = await getPublishedAccounts(id);
  if (!accounts) throw new Error(`${id} not published`);
  const file = join(mkdtempSync(join(tmpdir(), 'juesuan-api-')), 'accounts.json');
  writeFileSync(file, interchangeJson(accounts.document));
  const out: string[] = [];
  await runCli([command, file, '--json'], { out: (text) => out.push(text), err: () => undefined });
  return out.join('\n');
}

describe('GET /api/v1/accounts', () => {
  it('pages through the district\'s published accounts, with cacheable JSON', async () => {
    const list = await api('accounts');
    const pages = await Promise.all([1, 2].map((page) => call(list, `/api/v1/accounts?district=${org.district.slug}&year=${YEAR}&pageSize=1&page=${page}`)));
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('public, max-age=300');
    }
    const [first, second] = pages.map((page) => page.json() as { items: Record<string, unknown>[]; total: number; page: number; pageSize: number; pageCount: number });
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 });
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, pageCount: 2 });
    const items = [...(first?.items ?? []), ...(second?.items ?? [])];
    expect(items.map((item) => item.id).sort()).toEqual(published.map((p) => p.id).sort());
    const one = published[0];
    expect(items.find((item) => item.id === one?.id)).toEqual({
      id: one?.id, department: one?.departmentName, departmentSlug: one?.departmentSlug, district: org.district.name, districtSlug: org.district.slug,
      year: YEAR, version: 4, publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      url: `/${YEAR}/${org.district.slug}/${one?.departmentSlug}`, api: `/api/v1/accounts/${one?.id}`,
    });
    const otherYear = await call(list, `/api/v1/accounts?district=${org.district.slug}&year=2022`);
    expect(otherYear.json()).toMatchObject({ items: [], total: 0, pageSize: DEFAULT_PAGE_SIZE });
    const longest = await call(list, `/api/v1/accounts?q=${'财'.repeat(MAX_QUERY_LENGTH)}`);
    expect(longest.json()).toMatchObject({ items: [], total: 0 });
  });

  it('names none of the unpublished accounts on any page', async () => {
    const list = await api('accounts');
    const texts: string[] = [];
    for (let page = 1; page <= 1000; page++) {
      const answer = await call(list, `/api/v1/accounts?page=${page}&pageSize=100`);
      expect(answer.status).toBe(200);
      texts.push(answer.text);
      if (page >= (answer.json() as { pageCount: number }).pageCount) break;
    }
    const all = texts.join('\n');
    for (const p of published) expect(all).toContain(p.id);
    for (const u of unpublished) {
      expect(all.includes(u.id), u.state).toBe(false);
      expect(all.includes(u.departmentName), u.state).toBe(false);
    }
  });

  it('answers 400 JSON naming a malformed parameter', async () => {
    const list = await api('accounts');
    for (const [query, words] of [['pageSize=101', 'pageSize'], ['pageSize=0', 'pageSize'], ['page=abc', 'page'], ['page=-1', 'page'], ['year=21', 'year'], ['district=Qiao_kou', 'district'], [`q=${'财'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q 最长 100 字']] as const) {
      const answer = await call(list, `/api/v1/accounts?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((answer.json() as { error: string }).error, query).toContain(words);
    }
  });
});

describe('GET /api/v1/accounts/{id}…', () => {
  it('gives the published interchange document, byte for byte the accounts.json download', async () => {
    const id = published[0]?.id ?? '';
    const answer = await call(await api('accounts/[id]'), `/api/v1/accounts/${id}`, { id });
    expect(answer.status).toBe(200);
    const accounts = await getPublishedAccounts(id);
    expect(answer.text).toBe(interchangeJson(accounts?.document ?? ({} as never)));
    expect(answer.json()).toMatchObject({ formatVersion: 2, fiscalYear: YEAR, department: { name: '武汉市硚口区大数据中心' } });
  });

  it('gives the summary with the keys and decimal strings of `juesuan summary --json`', async () => {
    const id = published[0]?.id ?? '';
    const answer = await call(await api('accounts/[id]/summary'), `/api/v1/accounts/${id}/summary`, { id });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(`${await cli('summary', id)}\n`);
    expect(answer.json()).toMatchObject({ incomeTotal: '2882.93', expenditureTotal: '2882.93', basicExpenditure: '288.90', projectExpenditure: '2594.03' });
  });

  it('gives the findings of the published document as `juesuan check --json` prints them', async () => {
    const id = published[0]?.id ?? '';
    const answer = await call(await api('accounts/[id]/findings'), `/api/v1/accounts/${id}/findings`, { id });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(JSON.parse(await cli('check', id)));
    const { findings } = answer.json() as { findings: { severity: string }[] };
    // The submitted seed has no blocking finding left and nine warnings, each explained before submission.
    expect(findings.map((f) => f.severity)).toEqual(Array.from({ length: 9 }, () => 'warning'));
  });

  it('is kept once built, like the downloads, until a publication revalidates it', async () => {
    for (const [path] of ENDPOINTS) {
      const routeModule = await ROUTES[`api/v1/${path}`]();
      expect(routeModule, path).toMatchObject({ dynamic: 'force-static', revalidate: false, dynamicParams: true });
      expect(routeModule.generateStaticParams(), path).toEqual([]);
    }
  });

  it('answers 404 JSON for an unknown id and for every unpublished accounts, on every endpoint', async () => {
    for (const [path, suffix] of ENDPOINTS) {
      const handler = await api(path);
      for (const { id, state, departmentName } of [...unpublished, { id: '00000000-0000-4000-8000-000000000000', state: 'unknown', departmentName: '?' }]) {
        const answer = await call(handler, `/api/v1/accounts/${id}${suffix}`, { id });
        expect(answer.status, `${path} ${state}`).toBe(404);
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(answer.json(), `${path} ${state}`).toEqual({ error: `没有编号为 ${id} 的已公开决算` });
        expect(answer.text.includes(departmentName)).toBe(false);
      }
    }
  });

  it('answers 400 JSON for a malformed id, without a stack trace', async () => {
    for (const [path, suffix] of ENDPOINTS) {
      const handler = await api(path);
      for (const id of ['not-a-uuid', '1234', `${published[0]?.id ?? ''}x`, "'; DROP TABLE figure; --"]) {
        const answer = await call(handler, `/api/v1/accounts/${encodeURIComponent(id)}${suffix}`, { id });
        expect(answer.status, `${path} ${id}`).toBe(400);
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(Object.keys(answer.json() as object)).toEqual(['error']);
        expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules/);
      }
    }
  });
});

describe('downloads and open data', () => {
  const download = (file: string, department = published[0]?.departmentSlug ?? '') =>
    route('(public)/[year]/[district]/[department]/download/[file]').then((handler) =>
      call(handler, `/${YEAR}/${org.district.slug}/${department}/download/${file}`, { year: String(YEAR), district: org.district.slug, department, file }));

  it('serves the published document as JSON, CSV and XLSX with readable file names', async () => {
    const json = await download('accounts.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="${published[0]?.departmentSlug ?? ''}-2021-accounts.json"; filename*=UTF-8''${encodeURIComponent('武汉市硚口区大数据中心2021年度部门决算.json')}`);
    expect(json.text).toBe(interchangeJson((await getPublishedAccounts(published[0]?.id ?? ''))?.document ?? ({} as never)));

    const csv = await download('expenditure.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(csv.text.slice(1)).find((row) => row[0] === '合计')).toEqual(['合计', '', '2882.93', '288.90', '2594.03', '', '', '']);

    const xlsx = await download('accounts.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer);
    expect(workbook.worksheets).toHaveLength(9);
    expect(workbook.getWorksheet('表1 收入支出决算总表')?.getCell('C6').value).toBe(2882.93);
  });

  it('serves nothing of unpublished accounts, nor a file it does not offer', async () => {
    for (const u of unpublished) expect((await download('accounts.json', u.departmentSlug)).status, u.state).toBe(404);
    const missing = await download('T3.csv');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect((await download('accounts.json', 'Not_A_Slug')).status).toBe(404);
  });

  it('gives the district\'s Fiscal Data Package from its published accounts only', async () => {
    const openData = await route('(public)/[year]/[district]/open-data/[file]');
    const get = (file: string) => call(openData, `/${YEAR}/${org.district.slug}/open-data/${file}`, { year: String(YEAR), district: org.district.slug, file });
    const descriptor = await get('datapackage.json');
    expect(descriptor.status).toBe(200);
    expect(descriptor.json()).toMatchObject({ profile: 'fiscal-data-package', name: `${org.district.slug}-2021-final-accounts`, contributors: [{ title: org.district.financeBureauName }] });
    const rows = parseCsv((await get('expenditure-by-function.csv')).text);
    const slugs = new Set(rows.slice(1).map((row) => row[1]));
    expect([...slugs].sort()).toEqual(published.map((p) => p.departmentSlug).sort());
    // Each published department's 类 rows of 项目支出 sum to 2,594.03.
    expect(rows.filter((row) => row[1] === published[0]?.departmentSlug && row[5] === '类' && row[7] === 'project').map((row) => row[9])).toEqual(['2594.03']);
    expect((await get('missing.csv')).status).toBe(404);
  });
});
