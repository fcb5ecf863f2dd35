// The public pages under load: a department page, its charts page, a district page and the home
// page of a site with 1,000 published departments (plus the seed's four), served by `next start`
// from its page cache, side by side in the same rounds with the largest JavaScript file the
// department page loads (a static file of comparable size from the same server) and with a plain
// Node http server sending the department page's cached bytes from memory (the floor for those
// bytes on this machine). Each page's first-load JavaScript is the sum of the gzip sizes of the
// script files its HTML names, as cached and as its first visitor gets it; Chromium opening it
// gives what loads lazily at once as well.
// Usage: npm run bench:disclosure [-- DEPARTMENTS DISTRICTS SECONDS ROUNDS] [--build] [--keep]
// (default 1000 departments in 10 districts, 10 s per target per round, 3 rounds after a 2 s
// warm-up of each target; 20 connections, loopback). DATABASE_URL names the server (default
// postgresql://root@127.0.0.1:5432/test): the bench creates juesuan_bench_disclosure there,
// migrates and seeds it, loads the departments in bulk SQL and drops it at the end (--keep leaves
// it). The Next build in .next is reused when there is one (--build builds it first), its cache
// of pages rendered on demand emptied; the server listens on PORT (default 3205), the plain
// server on PORT + 1.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import type pg from 'pg';
import { summarizeFinalAccounts } from '../lib/accounts/summary';
import type { TFinalAccounts } from '../lib/accounts/schema';
import { documentSkeleton, normalizeFigures } from '../lib/data/stored-document';
import { createPrismaClient, poolOf } from '../lib/db';
import { readSeedDocument, seedDatabase } from '../prisma/seed';
import { withDatabase } from '../scripts/database';
import { migrateDatabase } from '../scripts/migrate';
import { bin, clearPageCache, exitCodeOf, isListening, ROOT, TOOL_ENV, waitForHttp } from '../scripts/processes';
import { admin, runBench, serverUrl } from './bench-server';
import { insertFigures } from './bulk-figures';
import { variedDepartment } from './varied-departments';

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')));
const [count, districtCount, seconds, rounds] = [1000, 10, 10, 3].map((fallback, i) => Number(process.argv.slice(2).filter((a) => !a.startsWith('--'))[i] ?? fallback)) as [number, number, number, number];
const CONNECTIONS = 20;
const WARM_UP_SECONDS = 2;
const PORT = Number(process.env.PORT ?? 3205);
const PLAIN_PORT = PORT + 1;
const DATABASE = 'juesuan_bench_disclosure';
const benchUrl = withDatabase(serverUrl, DATABASE);
const FISCAL_YEAR = 2021;
const origin = `http://127.0.0.1:${PORT}`;

const districtSlug = (d: number) => `bench-${String(d + 1).padStart(2, '0')}`;
const departmentSlug = (i: number) => `department-${String(i + 1).padStart(4, '0')}`;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * `districtCount` districts, `docs` spread over them in turn, each department's accounts published
 * (status, skeleton, figures, and the published revision with the whole document and its heading),
 * one transaction per district so no parameter grows past a district's documents.
 */
async function load(pool: pg.Pool, docs: readonly TFinalAccounts[]): Promise<number> {
  let figureCount = 0;
  const publishedAt = new Date(`${FISCAL_YEAR + 1}-06-30T02:00:00Z`);
  const approvedAt = new Date(`${FISCAL_YEAR + 1}-06-10T02:00:00Z`);
  for (let d = 0; d < districtCount; d++) {
    const members = docs.map((doc, i) => ({ doc, i })).filter(({ i }) => i % districtCount === d);
    const districtName = `基准区${d + 1}`;
    const districtId = randomUUID();
    const departmentIds = members.map(() => randomUUID());
    const accountsIds = members.map(() => randomUUID());
    const names = members.map(({ doc }) => doc.department.name);
    // One JSON array per column of documents: a jsonb[] parameter would escape every quote again.
    const skeletons = JSON.stringify(members.map(({ doc }) => documentSkeleton(doc)));
    const published = members.map(({ doc }) => normalizeFigures(doc));
    const documents = JSON.stringify(published);
    const summaries = JSON.stringify(published.map((doc) => summarizeFinalAccounts(doc)));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO district (id, code, name, slug, finance_bureau_name) VALUES ($1, $2, $3, $4, $5)',
        [districtId, `BENCH-${d + 1}`, districtName, districtSlug(d), `${districtName}财政局`]);
      await client.query(`INSERT INTO department (id, district_id, name, slug) SELECT id, $1::uuid, name, slug FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, name, slug)`,
        [districtId, departmentIds, names, members.map(({ i }) => departmentSlug(i))]);
      await client.query(`INSERT INTO final_accounts (id, department_id, level, scope, fiscal_year, status, version, document, submitted_at, approved_at, published_at, updated_at)
        SELECT id, department_id, 'DEPARTMENT', 'department', $3, 'PUBLISHED', 3, document, $5, $5, $6, $6
        FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(id, department_id, n)
        JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS s(document, n) USING (n)`,
        [accountsIds, departmentIds, FISCAL_YEAR, skeletons, approvedAt, publishedAt]);
      figureCount += await insertFigures(client, members.map(({ doc }) => doc), accountsIds);
      await client.query(`INSERT INTO final_accounts_revision (id, final_accounts_id, version, status, document, summary, department_name, district_name, approved_at, published_at)
        SELECT gen_random_uuid(), id, 3, 'PUBLISHED', document, summary, name, $5, $6, $7
        FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(id, name, n)
        JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS s(document, n) USING (n)
        JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS m(summary, n) USING (n)`,
        [accountsIds, names, documents, summaries, districtName, approvedAt, publishedAt]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  return figureCount;
}

/** Starts a child that must keep running; its output is kept (the last 40 lines) to explain a failure. */
function startChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => lines.join('\n') };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exitCodeOf(child);
  clearTimeout(timer);
}

/** The plain server: one Node process answering every request with the same bytes. */
const PLAIN_SERVER = `
const http = require('node:http');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const body = Buffer.concat(chunks);
  http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  }).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'));
});`;

async function startPlainServer(body: Buffer): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', PLAIN_SERVER, String(PLAIN_PORT)], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin?.end(body);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`plain server exited (${code})`)));
  });
  return child;
}

interface Fetched {
  status: number;
  body: Buffer;
  headers: Headers;
}

async function get(url: string): Promise<Fetched> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/**
 * The script files a page's HTML names (<script src>), as absolute URLs; a noModule script (the
 * polyfills for browsers without modules) is left out, as every current browser skips it.
 */
function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/\bnoModule\b/i.test(`${m[1] ?? ''} ${m[3] ?? ''}`))
    .map((m) => (m[2] ?? '').replaceAll('&amp;', '&'));
  return [...new Set(sources)].map((src) => new URL(src, origin).href);
}

/** Bytes of the page's inline React payload (self.__next_f.push(…) scripts), a second copy of what the HTML shows. */
const payloadBytes = (html: string): number =>
  [...html.matchAll(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[0]), 0);

interface Script {
  url: string;
  bytes: number;
  gzip: number;
}

const scriptCache = new Map<string, Script>();
async function script(url: string): Promise<Script> {
  const known = scriptCache.get(url);
  if (known) return known;
  const fetched = await get(url);
  if (fetched.status !== 200) throw new Error(`${url} answered ${fetched.status}`);
  const result = { url, bytes: fetched.body.length, gzip: gzipSync(fetched.body, { level: 9 }).length };
  scriptCache.set(url, result);
  return result;
}

interface Target {
  name: string;
  url: string;
  bytes: number;
  /** Sum of the gzip sizes of the page's scripts, bytes; undefined for what is not a page. */
  firstLoadJs?: number;
  /** Bytes of the inline React payload in the HTML. */
  payload?: number;
  /** The page as its first visitor got it, rendered: its bytes and its scripts' gzip sizes. */
  renderedBytes?: number;
  renderedJs?: number;
  /** Gzip sizes of every script a browser fetched on opening the page (first load and what loads lazily at once). */
  openingJs?: number;
  cache?: string;
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * autocannon keeps each response body as a string (`req.body += chunk`, pipelinedRequestsQueue),
 * decoding the UTF-8 of every response: on a page of Chinese text that decoding, not the server,
 * was the limit (the plain server answered 266 req/s with the department page's bytes and 1,665
 * with as many ASCII bytes). The bench never reads a body, so each client drops them; bytes are
 * still counted.
 */
const dropBodies = (client: unknown): void => {
  (client as { pipelinedRequests: { addBody: (data: unknown) => void } }).pipelinedRequests.addBody = () => undefined;
};

async function measure(url: string, duration: number): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, setupClient: dropBodies });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Gzip sizes of the script files an HTML names, summed. */
const firstLoadJs = async (html: string): Promise<number> => (await Promise.all(scriptSources(html).map(script))).reduce((sum, s) => sum + s.gzip, 0);

/**
 * A page as its first visitor gets it (rendered) and as every later one does (from the cache,
 * which may keep it in another form: without scripts); the load is measured on the latter.
 */
async function page(name: string, path: string, mustContain: string): Promise<Target & { html: string; rendered: string }> {
  const url = new URL(path, origin).href;
  const first = await get(url);
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  const rendered = first.body.toString('utf8');
  if (!rendered.includes(mustContain)) throw new Error(`${path} does not show “${mustContain}”: not the bench's data?`);
  const again = await get(url);
  const html = again.body.toString('utf8');
  return {
    name, url, html, rendered, bytes: again.body.length, renderedBytes: first.body.length,
    firstLoadJs: await firstLoadJs(html),
    renderedJs: await firstLoadJs(rendered),
    payload: payloadBytes(html),
    cache: [again.headers.get('x-nextjs-cache'), again.headers.get('cache-control')].filter(Boolean).join('; '),
  };
}

/**
 * The script files a browser fetches on opening each page at 1366 × 900 and waiting for the
 * network to settle: the first-load scripts plus what loads lazily at once (the charts' chunk
 * when the figures are in or near the first screen). Gzip sizes; undefined without Chromium.
 */
async function scriptsOnOpening(urls: readonly string[]): Promise<(number | undefined)[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return urls.map(() => undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const sizes: (number | undefined)[] = [];
    for (const url of urls) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const loaded = new Set<string>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script' && response.url().startsWith(origin)) loaded.add(response.url());
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      sizes.push((await Promise.all([...loaded].map(script))).reduce((sum, s) => sum + s.gzip, 0));
      await page.close();
    }
    return sizes;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (await isListening('127.0.0.1', PORT)) throw new Error(`port ${PORT} is in use: set PORT to a free one`);
  if (await isListening('127.0.0.1', PLAIN_PORT)) throw new Error(`port ${PLAIN_PORT} (PORT + 1) is in use`);
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  let server: ReturnType<typeof startChild> | undefined;
  let plain: ChildProcess | undefined;
  try {
    await migrateDatabase(benchUrl);
    const db = createPrismaClient(benchUrl);
    let started = performance.now();
    try {
      await seedDatabase(db);
      const seed = readSeedDocument();
      const docs = Array.from({ length: count }, (_, i) => variedDepartment(seed, i));
      const generated = performance.now() - started;
      started = performance.now();
      const figures = await load(poolOf(db), docs);
      await poolOf(db).query('ANALYZE');
      console.log(`${count} published departments in ${districtCount} districts (${figures} figures): seeded and generated in ${(generated / 1000).toFixed(1)} s, ` +
        `loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; server ${new URL(serverUrl).host}, database ${DATABASE}`);
    } finally {
      await db.$disconnect();
    }

    if (flags.has('--build') || !existsSync(`${ROOT}/.next/BUILD_ID`)) {
      console.log('next build …');
      started = performance.now();
      const build = spawn(bin('next'), ['build'], { cwd: ROOT, env: { ...TOOL_ENV, DATABASE_URL: benchUrl }, stdio: 'inherit' });
      if ((await exitCodeOf(build)) !== 0) throw new Error('next build failed');
      console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    clearPageCache();
    server = startChild(bin('next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      ...TOOL_ENV, NODE_ENV: 'production', DATABASE_URL: benchUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'juesuan-bench-secret-not-for-production', AUTH_TRUST_HOST: 'true',
    });
    if (!(await waitForHttp(`${origin}/`, server.child))) throw new Error(`next start exited:\n${server.output()}`);

    // The middle department of the first district, and that district (count / districtCount departments).
    const department = Math.floor(count / districtCount / 2) * districtCount;
    const seedName = readSeedDocument().department.name;
    const departmentPath = `/${FISCAL_YEAR}/${districtSlug(0)}/${departmentSlug(department)}`;
    const departmentName = `${seedName}（${department}）`;
    const pages = [
      await page('department page', departmentPath, departmentName),
      await page('district page', `/${FISCAL_YEAR}/${districtSlug(0)}`, '基准区1'),
      await page('home page', '/', '基准区'),
      await page('department charts page', `${departmentPath}/charts`, departmentName),
    ];
    const [departmentPage] = pages;
    if (!departmentPage) throw new Error('no department page');
    // The static reference: the largest script the department page loads, as its first visitor gets it
    // (a cached page may name none).
    const scripts = await Promise.all(scriptSources(departmentPage.rendered).map(script));
    const largest = scripts.reduce<Script | undefined>((a, b) => (a && a.bytes >= b.bytes ? a : b), undefined);
    if (!largest) throw new Error('the department page loads no script file');
    const cachedBytes = Buffer.from(departmentPage.html);
    plain = await startPlainServer(cachedBytes);
    const plainUrl = `http://127.0.0.1:${PLAIN_PORT}/`;
    if ((await get(plainUrl)).body.length !== cachedBytes.length) throw new Error('the plain server sends other bytes');

    const opening = await scriptsOnOpening(pages.map((p) => p.url));
    pages.forEach((target, i) => {
      target.openingJs = opening[i];
    });
    const STATIC = pages.length;
    const targets: Target[] = [
      ...pages,
      { name: `static file ${new URL(largest.url).pathname.split('/').pop()}`, url: largest.url, bytes: largest.bytes },
      { name: 'plain Node server, the department page\'s cached bytes', url: plainUrl, bytes: cachedBytes.length },
    ];
    for (const target of targets) await measure(target.url, WARM_UP_SECONDS);
    const results = targets.map(() => [] as Measure[]);
    for (let round = 0; round < rounds; round++) {
      for (const [i, target] of targets.entries()) {
        const m = await measure(target.url, seconds);
        results[i]?.push(m);
        console.log(`round ${round + 1} ${target.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ''}`);
      }
    }

    const staticRps = median(results[STATIC]?.map((m) => m.rps) ?? []);
    console.log(`\n${CONNECTIONS} connections, ${rounds} rounds of ${seconds} s per target after a ${WARM_UP_SECONDS} s warm-up, alternating; medians of the rounds. ` +
      `${count} published departments in ${districtCount} districts; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('\n| what | size (React payload) | req/s | p50 | p99 | ÷ static file | first-load JS (gzip) | JS on opening, 1366 px (gzip) | first visit: size, JS | cache |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    targets.forEach((target, i) => {
      const ms = results[i] ?? [];
      const rps = median(ms.map((m) => m.rps));
      const failures = ms.reduce((sum, m) => sum + m.non2xx + m.errors, 0);
      const payload = target.payload === undefined ? '' : ` (${((100 * target.payload) / target.bytes).toFixed(0)} %)`;
      const optional = (bytes: number | undefined) => (bytes === undefined ? '' : kb(bytes));
      const firstVisit = target.renderedBytes === undefined ? '' : `${kb(target.renderedBytes)}, ${optional(target.renderedJs)}`;
      console.log(`| ${target.name}${i < STATIC ? ` \`${new URL(target.url).pathname}\`` : ''} | ${kb(target.bytes)}${payload} | ${rps.toFixed(0)}${failures ? ` (${failures} failed)` : ''} | ` +
        `${median(ms.map((m) => m.p50))} ms | ${median(ms.map((m) => m.p99))} ms | ${(rps / staticRps).toFixed(3)} | ` +
        `${optional(target.firstLoadJs)} | ${optional(target.openingJs)} | ${firstVisit} | ${target.cache ?? ''} |`);
    });
    console.log(`\nThe department page's scripts as its first visitor gets them: ${scripts.map((s) => `${new URL(s.url).pathname.split('/').pop()} ${kb(s.bytes)} (${kb(s.gzip)} gzip)`).join(', ')}`);
  } finally {
    await stop(plain);
    await stop(server?.child);
    if (!flags.has('--keep')) await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

await runBench(main);
process.exit(process.exitCode ?? 0); // pooled connections would keep the process alive
