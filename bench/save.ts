// Saving figures, side by side in one run against a database of its own: a one-cell edit
// (saveCells: the edited cell and the totals it feeds), a full save of the seed department with
// every one of its figures changed (saveDocument), the same through the entry screen's path
// (saveCells with every entered figure, the derived ones recomputed by the server), and the
// floor — one multi-row INSERT … ON CONFLICT of the same figures in one transaction through
// plain `pg`. Rounds alternate them so they see the same machine load. Statements are counted
// at the driver (every pg Client.query, BEGIN and COMMIT included, reads included).
// Usage: npm run bench:save [-- ROUNDS]   (default 300 rounds after 30 warm-up rounds)
// DATABASE_URL names the server (default postgresql://root@127.0.0.1:5432/test); the bench
// creates juesuan_bench there, migrates it, and drops it at the end.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { tableCells } from '../lib/accounts/cells';
import { isDerivedCell } from '../lib/accounts/derived';
import { parseAmount, toAmountText } from '../lib/accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../lib/accounts/schema';
import { createFinalAccounts } from '../lib/data/accounts-store';
import { saveCells, saveDocument } from '../lib/data/accounts-write';
import { loadActor } from '../lib/data/actor';
import { createPrismaClient } from '../lib/db';
import { withDatabase } from '../scripts/database';
import { admin, runBench, serverUrl } from './bench-server';
import { migrateDatabase } from '../scripts/migrate';

const rounds = Number(process.argv[2] ?? 300);
const WARM_UP = 30;
const benchUrl = withDatabase(serverUrl, 'juesuan_bench');

let statements = 0;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')?.value as Query;
Object.defineProperty(pg.Client.prototype, 'query', {
  configurable: true,
  writable: true,
  value: function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  },
});

const seed = ZFinalAccounts.parse(JSON.parse(readFileSync(new URL('../prisma/seed/data/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8')));
/** The seed with every table amount `cents` hundredths higher: a save of it over another such copy rewrites every figure. */
function shifted(doc: TFinalAccounts, cents: bigint): TFinalAccounts {
  const copy = structuredClone(doc);
  for (const table of Object.values(copy.tables)) {
    for (const row of table.rows) {
      for (const column of Object.keys(row.cells)) row.cells[column] = toAmountText(parseAmount(row.cells[column] ?? '0') + cents);
    }
  }
  return copy;
}
const documents = [shifted(seed, 1n), seed];
/** What the entry screen sends for a whole table set: the entered figures of a third copy (all differ from both documents). */
const entryDocument = shifted(seed, 2n);
const entered = tableCells(entryDocument)
  .filter((c) => !isDerivedCell(entryDocument, c.table, c.row, c.column))
  .map((c) => ({ table: c.table, row: c.row, column: c.column, amount: toAmountText(c.amount) }));

interface Series {
  name: string;
  times: number[];
  statements: number[];
  /** Figures a save wrote, from its audit row (read once, outside the timing). */
  written?: number;
}
const series = (name: string): Series => ({ name, times: [], statements: [] });

async function measure(into: Series, run: () => Promise<unknown>, record: boolean): Promise<void> {
  const before = statements;
  const start = performance.now();
  await run();
  const elapsed = performance.now() - start;
  if (record) {
    into.times.push(elapsed);
    into.statements.push(statements - before);
  }
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

async function main(): Promise<void> {
  await admin('DROP DATABASE IF EXISTS juesuan_bench WITH (FORCE)');
  await admin('CREATE DATABASE juesuan_bench');
  await migrateDatabase(benchUrl);
  const db = createPrismaClient(benchUrl);
  const floorPool = new pg.Pool({ connectionString: benchUrl, max: 1 });
  try {
    await db.fiscalYear.create({ data: { year: 2021 } });
    const district = await db.district.create({ data: { code: 'BENCH', name: '基准区', financeBureauName: '基准区财政局' } });
    const department = await db.department.create({ data: { districtId: district.id, name: '基准部门' } });
    const floorDepartment = await db.department.create({ data: { districtId: district.id, name: '基准部门（下限）' } });
    const user = await db.user.create({
      data: { email: 'bench@juesuan.local', displayName: '基准会计', passwordHash: 'none', role: 'ACCOUNTANT', memberships: { create: { departmentId: department.id } } },
    });
    const actor = await loadActor(db, user.id);
    if (!actor) throw new Error('actor not loaded');
    const edited = await db.$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: seed }));
    const floorAccounts = await db.$transaction((tx) => createFinalAccounts(tx, { departmentId: floorDepartment.id, document: seed }));
    const figureCount = tableCells(seed).length;

    let version = edited.version;
    const ok = <T>(result: { ok: true; data: T } | { ok: false; message: string }): T => {
      if (!result.ok) throw new Error(result.message);
      return result.data;
    };
    const edit = series('one-cell edit (saveCells)');
    const full = series(`full save of the seed department, its ${figureCount} figures from another copy (saveDocument)`);
    const entry = series(`full save through the entry screen, all ${entered.length} entered figures changed, derived ones recomputed (saveCells)`);
    const floor = series(`floor: one INSERT … ON CONFLICT of ${figureCount} figures in a transaction (pg)`);

    const countWritten = async (into: Series) => {
      const result = await floorPool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event a, jsonb_object_keys(a.after->'cells')
        WHERE a.id = (SELECT max(id) FROM audit_event WHERE final_accounts_id = $1)`, [edited.id]);
      into.written = result.rows[0]?.n;
    };
    for (let round = 0; round < WARM_UP + rounds; round++) {
      const record = round >= WARM_UP;
      const first = round === WARM_UP;
      await measure(edit, async () => {
        const amount = round % 2 === 0 ? '9.59' : '9.58';
        version = ok(await saveCells(actor, { finalAccountsId: edited.id, expectedVersion: version, changes: [{ table: 'expenditure', row: '2101102', column: 'basic', amount }] }, db)).version;
      }, record);
      if (first) await countWritten(edit);
      const document = documents[round % 2] ?? seed;
      await measure(full, async () => {
        version = ok(await saveDocument(actor, { finalAccountsId: edited.id, expectedVersion: version, document }, db)).version;
      }, record);
      if (first) await countWritten(full);
      await measure(entry, async () => {
        version = ok(await saveCells(actor, { finalAccountsId: edited.id, expectedVersion: version, changes: entered }, db)).version;
      }, record);
      if (first) await countWritten(entry);
      await measure(floor, async () => {
        const cells = tableCells(document);
        const values = cells.map((_, i) => `($1, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, $${i * 4 + 5})`).join(', ');
        const params = [floorAccounts.id, ...cells.flatMap((c) => [c.table, c.row, c.column, toAmountText(c.amount)])];
        const client = await floorPool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`INSERT INTO figure (final_accounts_id, table_code, row_key, column_key, amount) VALUES ${values}
            ON CONFLICT (final_accounts_id, table_code, row_key, column_key) DO UPDATE SET amount = EXCLUDED.amount`, params);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }, record);
    }

    const floorMedian = quantile(floor.times, 0.5);
    console.log(`${rounds} rounds after ${WARM_UP} warm-up rounds; server ${new URL(serverUrl).host}, database juesuan_bench\n`);
    floor.written = figureCount;
    console.log('| what | figures written | median | p95 | statements per save | median ÷ floor |');
    console.log('|---|---|---|---|---|---|');
    for (const s of [edit, full, entry, floor]) {
      const counts = [...new Set(s.statements)].sort((a, b) => a - b).join('–');
      const median = quantile(s.times, 0.5);
      console.log(`| ${s.name} | ${s.written ?? '?'} | ${median.toFixed(2)} ms | ${quantile(s.times, 0.95).toFixed(2)} ms | ${counts} | ${(median / floorMedian).toFixed(2)}× |`);
    }
  } finally {
    await floorPool.end();
    await db.$disconnect();
    await admin('DROP DATABASE IF EXISTS juesuan_bench WITH (FORCE)');
  }
}

await runBench(main);
process.exit(process.exitCode ?? 0); // pooled connections would keep the process alive
