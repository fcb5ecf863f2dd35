// The public, without signing in, reads the seed's published accounts at their readable
// addresses and every figure is the stored one: each amount cell of every printed table (Hubei
// 2021 and Shanghai 2024) against the published revision read with SQL, each narrative figure
// against the cell it links to and its arithmetic, and the downloads (XLSX workbook, each table
// as CSV, the interchange JSON) against the same figures. Then: old addresses redirect, malformed
// ones answer 400, the security headers are sent.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { query, runSetup } from './e2e-sql';
import type { ExpectedPage } from './public-expected';

const SEED = '/2021/qiaokou/big-data-center';
const SHANGHAI = '/2024/putuo/finance-bureau';
const DEPARTMENT = '武汉市硚口区大数据中心';
const SHANGHAI_DEPARTMENT = '上海市普陀区财政局';

let expected: Record<string, ExpectedPage>;
test.beforeAll(() => {
  expected = runSetup<Record<string, ExpectedPage>>('public-expected.ts');
});
const expectedPage = (path: string): ExpectedPage => {
  const page = expected[path];
  if (!page) throw new Error(`public-expected.ts gave nothing for ${path}`);
  return page;
};

/** Every amount cell of the page (id="c-…"), by the table (id = its kind) it is in, in document order, with its text. */
function renderedCells(page: Page, kinds: readonly string[]): Promise<Record<string, { anchor: string; text: string }[]>> {
  return page.evaluate((tableKinds) => {
    const byTable: Record<string, { anchor: string; text: string }[]> = {};
    for (const cell of document.querySelectorAll<HTMLElement>('[id^="c-"]')) {
      let table = cell.parentElement;
      while (table && !tableKinds.includes(table.id)) table = table.parentElement;
      (byTable[table?.id ?? '(outside any table)'] ??= []).push({ anchor: cell.id, text: (cell.textContent ?? '').trim() });
    }
    return byTable;
  }, kinds);
}

/** The stored figures of a table in printed order, interchange form ("2882.93"): what a download must hold. */
const storedInOrder = (page: ExpectedPage, kind: string): string[] =>
  (page.tables.find((t) => t.kind === kind)?.cells ?? []).flatMap((cell) => {
    const stored = page.figures[cell.key];
    return stored === undefined ? [] : [stored];
  });

/** "2,882.93" / "164.4%" / "-56.95" → "2882.93" / "164.4" / "56.95": a printed number without sign, separators or unit, trailing zeros dropped. */
const bare = (text: string): string => text.replace(/[,%\s-]/g, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** The number a computation ends with: "… = 164.4%" → "164.4%"; "… 收入总计 2,882.93" → "2,882.93". */
function resultOf(computation: string): string | undefined {
  const afterEquals = computation.split(' = ').at(-1);
  const source = computation.includes(' = ') ? afterEquals : computation;
  return source?.match(/-?[\d,]+(?:\.\d+)?%?/g)?.[computation.includes(' = ') ? 0 : -1];
}

async function compareEveryCell(page: Page, path: string): Promise<void> {
  const want = expectedPage(path);
  const rendered = await renderedCells(page, want.tables.map((t) => t.kind));
  for (const table of want.tables) {
    // Same cells, same order, same text: "2,882.93", "-" where Hubei prints it, blank where the document is blank.
    expect(rendered[table.kind], `${path} ${table.title}`).toEqual(table.cells.map(({ anchor, text }) => ({ anchor, text })));
  }
  expect(Object.keys(rendered).sort(), `${path}: amount cells outside the printed tables`).toEqual(want.tables.map((t) => t.kind).sort());
  const shown = new Set(want.tables.flatMap((t) => t.cells.map((c) => c.key)));
  expect(Object.keys(want.figures).filter((key) => !shown.has(key)), `${path}: stored figures no table prints`).toEqual([]);
}

interface RenderedLink {
  text: string;
  href: string;
  computation: string;
}

/** The narrative's figure links: their text, their target and the arithmetic they show (title or described-by text). */
function renderedLinks(page: Page): Promise<RenderedLink[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#c-"]')].map((a) => {
      const described = (a.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return { text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '', computation: (a.title || described || a.getAttribute('aria-description') || '').trim() };
    }));
}

async function compareNarrativeLinks(page: Page, path: string): Promise<void> {
  const want = expectedPage(path);
  const rendered = await renderedLinks(page);
  const cells = Object.fromEntries(want.tables.flatMap((t) => t.cells.map((c) => [c.anchor, c.text])));
  // Each figure the narrative prints that comes from a table cell is a link, once, with its arithmetic.
  const linked = want.links.filter((link) => link.anchors.length > 0);
  const remaining = [...rendered];
  for (const link of linked) {
    const at = remaining.findIndex((r) => r.text === link.text && link.anchors.includes(r.href.slice(1)) && r.computation.includes(link.computation));
    expect(at, `${path}: no link for “${link.text}” (${link.computation})`).toBeGreaterThanOrEqual(0);
    const [shown] = remaining.splice(at, 1);
    // The figure says what the cell says, per the computation: the linked cell's printed text is an operand…
    const target = cells[shown?.href.slice(1) ?? ''];
    if (target) expect(link.computation, `${path}: “${link.text}” links to a cell showing ${target}`).toContain(target);
    // …and where the checker agrees, the printed figure is its result.
    const result = resultOf(link.computation);
    if (link.agrees && result !== undefined) expect(bare(link.text), `${path}: “${link.text}” ≠ ${link.computation}`).toBe(bare(result));
  }
  expect(remaining, `${path}: links to cells the narrative does not take its figures from`).toEqual([]);
  // Every link's target is on the page.
  for (const link of rendered) expect(cells[link.href.slice(1)], link.href).toBeDefined();
}

test('the public finds the seed department and reads every cell and narrative figure as stored', async ({ page }) => {
  test.setTimeout(120_000);
  // Filtered by district too: the integration tests import this document's text into districts of their own.
  await page.goto('/?q=大数据&district=qiaokou');
  const listing = page.getByRole('table', { name: '已公开的部门决算' });
  const seed = listing.getByRole('row', { name: new RegExp(DEPARTMENT) });
  await expect(seed.getByRole('cell')).toHaveText(['武汉市硚口区', '2021', '2,882.93 万元', '2,882.93 万元']);
  await seed.getByRole('link', { name: DEPARTMENT }).click();
  await expect(page).toHaveURL(SEED);
  await expect(page.getByRole('heading', { level: 1, name: `${DEPARTMENT} 2021 年度部门决算` })).toBeVisible();
  await expect(page.getByText('数据截至 2021 年 12 月 31 日')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('武汉市硚口区财政局');

  // 表1, two-sided: 一、一般公共预算财政拨款收入 (行次 1) beside 一、一般公共服务支出 (行次 31).
  const t1 = page.getByRole('table', { name: '2021 年度收入支出决算总表（表 1）' });
  await expect(page.locator('#incomeExpenditureSummary')).toContainText(`部门：${DEPARTMENT}`);
  await expect(t1.getByRole('row', { name: /一、一般公共预算财政拨款收入/ }).getByRole('cell')).toHaveText(['1', '2,882.93', '31', '214.65']);
  // 表3 合计: 本年支出合计, 基本支出, 项目支出, then three blank columns.
  const t3 = page.getByRole('table', { name: '2021 年度支出决算表（表 3）' });
  await expect(t3.getByRole('row', { name: /^合计/ }).getByRole('cell')).toHaveText(['2,882.93', '288.90', '2,594.03', '', '', '']);
  await expect(page.getByText('说明：本部门 2021 年度无一般公共预算财政拨款“三公”经费支出。')).toBeVisible();

  await compareEveryCell(page, SEED);
  await compareNarrativeLinks(page, SEED);
});

test('a Shanghai department’s page prints its own layout and every cell and narrative figure as stored', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(SHANGHAI);
  await expect(page.getByRole('heading', { level: 1, name: `${SHANGHAI_DEPARTMENT} 2024 年度部门决算` })).toBeVisible();
  // 收入支出决算总表: titled as printed, without year or number, and without 行次 or 栏次.
  const summary = page.getByRole('table', { name: '收入支出决算总表', exact: true });
  await expect(page.locator('#incomeExpenditureSummary')).toContainText(`部门：${SHANGHAI_DEPARTMENT}`);
  await expect(summary.getByRole('columnheader', { name: '行次' })).toHaveCount(0);
  await expect(summary.getByText('栏次')).toHaveCount(0);
  await expect(summary.getByRole('row', { name: /^总计/ }).getByRole('cell')).toHaveText(['2,995.39', '2,995.39']);
  // The 三公 table alternates 预算数 and 决算数 item by item.
  const threePublic = page.getByRole('table', { name: '财政拨款“三公”经费支出决算表', exact: true });
  await expect(threePublic.getByRole('columnheader', { name: '预算数' })).toHaveCount(6);
  await expect(page.getByText('注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('上海市普陀区财政局');

  await compareEveryCell(page, SHANGHAI);
  await compareNarrativeLinks(page, SHANGHAI);
});

/** RFC 4180 fields of a CSV text (quotes doubled inside quoted fields), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endField();
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

const INTERCHANGE_AMOUNT = /^-?\d+\.\d{2}$/;

/** The amounts of a worksheet line by line (numbers, two decimals): what the printed table holds in its amount cells. */
function sheetAmounts(sheet: ExcelJS.Worksheet): string[] {
  const amounts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'number') amounts.push(cell.value.toFixed(2));
  }));
  return amounts;
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

async function download(request: APIRequestContext, url: string, contentType: RegExp): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(contentType);
  return response.body();
}

test('the downloads hold the stored figures: the workbook, each table as CSV and XLSX, the interchange JSON', async ({ page, request }) => {
  test.setTimeout(120_000);
  const want = expectedPage(SEED);
  await page.goto(SEED);
  // The page offers them.
  for (const file of ['accounts.xlsx', 'accounts.json', 'expenditure.csv', 'expenditure.xlsx']) {
    await expect(page.locator(`a[href="${SEED}/download/${file}"]`)).toHaveCount(1);
  }

  const workbook = await workbookOf(await download(request, `${SEED}/download/accounts.xlsx`, /spreadsheetml/));
  expect(workbook.worksheets.map((sheet) => sheet.getCell(1, 1).text)).toEqual(want.tables.map((t) => t.title));
  for (const [index, table] of want.tables.entries()) {
    const sheet = workbook.worksheets[index];
    if (!sheet) throw new Error(`no sheet for ${table.title}`);
    // Every stored figure of the table, in printed order, and no other number.
    expect(sheetAmounts(sheet), table.title).toEqual(storedInOrder(want, table.kind));
    expect(sheet.getCell(2, 1).text).toBe(`部门：${DEPARTMENT}`);
  }

  for (const table of want.tables) {
    const csv = (await download(request, `${SEED}/download/${table.kind}.csv`, /text\/csv/)).toString('utf8');
    expect(csv.startsWith('\uFEFF'), table.kind).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]?.[0], table.kind).toBe(table.title);
    expect(rows.flat().filter((cell) => INTERCHANGE_AMOUNT.test(cell)), table.title).toEqual(storedInOrder(want, table.kind));
  }

  const single = await workbookOf(await download(request, `${SEED}/download/expenditure.xlsx`, /spreadsheetml/));
  expect(single.worksheets).toHaveLength(1);
  expect(sheetAmounts(single.worksheets[0] as ExcelJS.Worksheet)).toEqual(storedInOrder(want, 'expenditure'));

  const json = JSON.parse((await download(request, `${SEED}/download/accounts.json`, /application\/json/)).toString('utf8')) as {
    fiscalYear: number; department: { name: string }; tables: Record<string, { rows: { row: string; cells: Record<string, string> }[] }>;
  };
  expect(json).toMatchObject({ fiscalYear: 2021, department: { name: DEPARTMENT } });
  const figures = Object.fromEntries(Object.entries(json.tables).flatMap(([kind, table]) =>
    table.rows.flatMap((row) => Object.entries(row.cells).map(([column, amount]) => [`${kind}:${row.row}:${column}`, amount]))));
  expect(figures).toEqual(want.figures);
  // What is stored: 表1 行1 栏1 of these accounts, as the figure table holds it.
  const stored: { amount: string }[] = await query<{ amount: string }>(
    'SELECT amount::text AS amount FROM figure WHERE final_accounts_id = $1 AND table_code = $2 AND row_key = $3 AND column_key = $4',
    [want.id, 'incomeExpenditureSummary', 'generalBudgetAppropriation', 'income'],
  );
  expect(stored.map((r) => r.amount)).toEqual([figures['incomeExpenditureSummary:generalBudgetAppropriation:income']]);
});

test('old addresses redirect permanently; unknown ones are not found, malformed ones a 400', async ({ page, request }) => {
  const { id } = expectedPage(SEED);
  const old = await request.get(`/accounts/${id}`, { maxRedirects: 0 });
  expect(old.status(), `GET /accounts/${id}, redirects not followed`).toBe(308);
  expect(new URL(old.headers().location ?? '', 'http://x').pathname).toBe(SEED);
  await page.goto(`/accounts/${id}`);
  await expect(page).toHaveURL(SEED);

  for (const path of ['/accounts/00000000-0000-4000-8000-000000000000', '/2021/qiaokou/no-such-department', '/2021/no-such-district', '/departments/qiaokou/no-such-department', '/2021/QiaoKou']) {
    const response = await request.get(path);
    expect.soft(response.status(), path).toBe(404);
    const html = await response.text();
    // Said in the HTML itself, in Chinese, without JavaScript: the <h1> is in the markup, not only in the React payload.
    expect.soft(html, path).toMatch(/<html[^>]*lang="zh-CN"/);
    expect.soft(html, path).toMatch(/<h1[^>]*>未找到<\/h1>/);
  }

  for (const path of ['/2021/%E0%A4%A', `${SEED}/%E0%A4%A`, '/accounts/%E0%A4%A']) {
    const response = await request.get(path);
    expect.soft(response.status(), path).toBe(400);
    expect.soft(await response.text(), path).toMatch(/<html[^>]*lang="zh-CN"/);
  }

  const api = [
    ['/api/v1/accounts/not-a-uuid', 400], ['/api/v1/accounts/%E0%A4%A', 400], ['/api/v1/accounts/00000000-0000-4000-8000-000000000000', 404],
    ['/api/v1/accounts/00000000-0000-4000-8000-000000000000/summary', 404], ['/api/v1/accounts/not-a-uuid/findings', 400],
  ] as const;
  for (const [path, status] of api) {
    const response = await request.get(path);
    expect.soft(response.status(), path).toBe(status);
    expect.soft(response.headers()['content-type'], path).toMatch(/application\/json/);
    const body = await response.text();
    expect.soft(() => JSON.parse(body) as unknown, path).not.toThrow();
    expect.soft(body, path).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
  }
  const summary = await request.get(`/api/v1/accounts/${id}/summary`);
  expect(summary.status(), `GET /api/v1/accounts/${id}/summary`).toBe(200);
  expect(JSON.stringify(await summary.json())).toContain('"2882.93"');
});

test('every public response carries the security headers', async ({ request }) => {
  for (const path of ['/', SEED, '/2021/qiaokou', '/departments/qiaokou/big-data-center', '/2021/qiaokou/no-such-department', '/api/v1/accounts', `${SEED}/download/accounts.json`]) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
    expect(headers['content-security-policy'], path).toMatch(/default-src/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBeTruthy();
  }
});

test('after its first visit a published page is served from the cache as plain HTML, the same content without scripts; a made-up address is never kept', async ({ request }) => {
  const path = '/2024/putuo/planning-natural-resources';
  const first = await request.get(path);
  expect(first.status()).toBe(200);
  const kept = await request.get(path);
  expect(kept.headers()['x-nextjs-cache']).toBe('HIT');
  expect(kept.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
  const html = await kept.text();
  expect(html).not.toMatch(/<script|__next_f/);
  expect(html).toContain('<html lang="zh-CN"');
  expect(html).toContain('上海市普陀区规划和自然资源局 2024 年度部门决算');
  // Every amount cell the first visitor got is there, with the same text.
  const cellsOf = (page: string) => [...page.matchAll(/<td id="(c-[^"]+)"[^>]*>([^<]*)<\/td>/g)].map((m) => `${m[1]}=${m[2]}`);
  expect(cellsOf(html).length).toBeGreaterThan(100);
  expect(cellsOf(html)).toEqual(cellsOf(await first.text()));

  for (let i = 0; i < 2; i += 1) {
    const missing = await request.get('/2024/putuo/no-such-department');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['x-nextjs-cache']).not.toBe('HIT');
  }
});
