// Consolidating a district of 1,000 departments (consolidateDistrict: members, template and the
// figures summed in SQL, the document built and checked) beside a plain SUM … GROUP BY over the
// same rows, the floor, alternating in the same rounds. The departments are the seed department's
// figures varied (bench/varied-departments.ts), each passing the check engine, loaded in bulk SQL
// (unnest arrays, one transaction); the loading is timed too.
// Usage: npm run bench:consolidation [-- DEPARTMENTS ROUNDS]   (default 1000 departments, 15 rounds
// after 3 warm-up rounds). DATABASE_URL names the server (default postgresql://root@127.0.0.1:5432/test);
// the bench creates juesuan_bench_consolidation there, migrates it, and drops it at the end.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { tableCells } from '../lib/accounts/cells';
import { checkFinalAccounts, hasBlockingFindings } from '../lib/accounts/check';
import { parseAmount, toAmountText } from '../lib/accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../lib/accounts/schema';
import type { Actor } from '../lib/data/actor';
import { consolidateDistrict } from '../lib/data/consolidation';
import { readMembers, readTemplate, sumFigures, type ConsolidationScope } from '../lib/data/consolidation-sql';
import { documentSkeleton } from '../lib/data/stored-document';
import { createPrismaClient, poolOf } from '../lib/db';
import { withDatabase } from '../scripts/database';
import { admin, runBench, serverUrl } from './bench-server';
import { migrateDatabase } from '../scripts/migrate';
import { insertFigures } from './bulk-figures';
import { variedDepartment } from './varied-departments';

const count = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 15);
const WARM_UP = 3;
const DATABASE = 'juesuan_bench_consolidation';
const benchUrl = withDatabase(serverUrl, DATABASE);

/**
 * The seed as the base of every synthetic department, with two faults of the published original
 * mended so that every copy passes the check engine: the printed 一级指标 subtotals of a project
 * self-evaluation that contradict its own indicators are left out, and the projects' 执行数 sum
 * to 表5's 项目支出 exactly (the original is 0.01 short, a rounding difference that scaling by up
 * to 97 would carry beyond rounding).
 */
function base(): TFinalAccounts {
  const seed = ZFinalAccounts.parse(JSON.parse(readFileSync(new URL('../prisma/seed/data/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8')));
  for (const project of seed.performance.projects) {
    const evaluation = project.selfEvaluation;
    const sums = new Map<string, bigint>();
    for (const indicator of evaluation.goals.flatMap((g) => g.indicators)) sums.set(indicator.level1, (sums.get(indicator.level1) ?? 0n) + parseAmount(indicator.weight));
    if (evaluation.level1Weights?.some((w) => parseAmount(w.weight) !== (sums.get(w.level1) ?? 0n))) delete evaluation.level1Weights;
  }
  const projects = seed.performance.projects.map((p) => p.selfEvaluation.execution);
  const executed = projects.reduce((sum, e) => sum + parseAmount(e.executed), 0n);
  const total = seed.tables.generalBudgetExpenditure.rows.find((r) => r.row === 'total')?.cells.project;
  const largest = projects.reduce((a, b) => (parseAmount(b.executed) > parseAmount(a.executed) ? b : a));
  if (total !== undefined) largest.executed = toAmountText(parseAmount(largest.executed) + parseAmount(total) - executed);
  return seed;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Departments, their approved accounts (skeletons) and every figure, in one transaction of three statements. */
async function load(pool: pg.Pool, districtId: string, docs: readonly TFinalAccounts[]): Promise<{ figures: number; steps: string }> {
  const departmentIds = docs.map(() => randomUUID());
  const accountsIds = docs.map(() => randomUUID());
  const steps: string[] = [];
  let figureCount = 0;
  let last = performance.now();
  const step = (name: string) => {
    steps.push(`${name} ${(performance.now() - last).toFixed(0)} ms`);
    last = performance.now();
  };
  // One JSON array of the skeletons: a jsonb[] parameter would be a 36 MB array literal, every quote escaped.
  const skeletons = JSON.stringify(docs.map((d) => documentSkeleton(d)));
  step('prepare');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO department (id, district_id, name) SELECT id, $1::uuid, name FROM unnest($2::uuid[], $3::text[]) AS x(id, name)`,
      [districtId, departmentIds, docs.map((d) => d.department.name)]);
    step('departments');
    await client.query(`INSERT INTO final_accounts (id, department_id, level, scope, fiscal_year, status, document, submitted_at, approved_at, updated_at)
      SELECT id, department_id, 'DEPARTMENT', 'department', fiscal_year, 'APPROVED', document, now(), now(), now()
      FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY AS x(id, department_id, fiscal_year, n)
      JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS s(document, n) USING (n)`,
      [accountsIds, departmentIds, docs.map((d) => d.fiscalYear), skeletons]);
    step('accounts');
    figureCount = await insertFigures(client, docs, accountsIds);
    step('figures');
    await client.query('COMMIT');
    step('commit');
  } finally {
    client.release();
  }
  return { figures: figureCount, steps: steps.join(', ') };
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await migrateDatabase(benchUrl);
  const db = createPrismaClient(benchUrl);
  const pool = poolOf(db);
  try {
    const seed = base();
    let started = performance.now();
    const docs = Array.from({ length: count }, (_, i) => variedDepartment(seed, i));
    const generated = performance.now() - started;
    started = performance.now();
    const failing = docs.filter((doc) => hasBlockingFindings(checkFinalAccounts(doc))).length;
    const checked = performance.now() - started;
    if (failing > 0) throw new Error(`${failing} synthetic departments fail the check engine`);

    await db.fiscalYear.create({ data: { year: seed.fiscalYear } });
    const district = await db.district.create({ data: { code: 'BENCH', name: '基准区', financeBureauName: '基准区财政局' } });
    started = performance.now();
    const { figures: figureCount, steps } = await load(pool, district.id, docs);
    const loaded = performance.now() - started;
    await pool.query('ANALYZE');
    console.log(`${count} departments: generated in ${generated.toFixed(0)} ms, checked in ${checked.toFixed(0)} ms (none blocking), ` +
      `loaded (${figureCount} figures) in ${loaded.toFixed(0)} ms (${steps}); server ${new URL(serverUrl).host}, database ${DATABASE}`);

    const reviewer: Actor = { id: randomUUID(), email: 'bench@juesuan.local', displayName: '基准审核', role: 'REVIEWER', districtId: district.id, departmentIds: [] };
    const plainSql = `SELECT f.table_code, f.row_key, f.column_key, SUM(f.amount)::text AS amount
      FROM figure f JOIN final_accounts fa ON fa.id = f.final_accounts_id JOIN department d ON d.id = fa.department_id
      WHERE d.district_id = $1 AND fa.fiscal_year = $2 AND fa.level = 'DEPARTMENT' AND fa.status::text = ANY($3::text[])
      GROUP BY f.table_code, f.row_key, f.column_key`;
    const times = { consolidation: [] as number[], plain: [] as number[] };
    let cells = 0;
    let members = 0;
    for (let round = 0; round < WARM_UP + rounds; round++) {
      let start = performance.now();
      const result = await consolidateDistrict(reviewer, { fiscalYear: seed.fiscalYear }, db);
      const consolidation = performance.now() - start;
      if (!result.ok) throw new Error(result.message);
      start = performance.now();
      const plain = await pool.query(plainSql, [district.id, seed.fiscalYear, ['APPROVED', 'PUBLISHED']]);
      const plainTime = performance.now() - start;
      cells = plain.rowCount ?? 0;
      members = result.data.members.length;
      if (tableCells(result.data.document).length !== cells) throw new Error('consolidation and plain SQL disagree on the cells');
      if (round >= WARM_UP) {
        times.consolidation.push(consolidation);
        times.plain.push(plainTime);
      }
    }
    // Where the consolidation's time goes: each of its statements alone, after the rounds.
    const scope: ConsolidationScope = { kind: 'district', districtId: district.id, fiscalYear: seed.fiscalYear, statuses: ['APPROVED', 'PUBLISHED'] };
    const parts: [string, () => Promise<unknown>][] = [['members', () => readMembers(db, scope)], ['template', () => readTemplate(db, scope)], ['sum', () => sumFigures(db, scope)]];
    const breakdown: string[] = [];
    for (const [name, run] of parts) {
      const partTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await run();
        partTimes.push(performance.now() - start);
      }
      breakdown.push(`${name} ${median(partTimes).toFixed(1)} ms`);
    }
    console.log(`statements alone (median of 5): ${breakdown.join(', ')}`);
    const [c, p] = [median(times.consolidation), median(times.plain)];
    console.log(`${rounds} rounds after ${WARM_UP} warm-up rounds, ${members} departments, ${cells} cells`);
    console.log(`| consolidateDistrict | ${c.toFixed(1)} ms | plain SUM … GROUP BY | ${p.toFixed(1)} ms | ratio | ${(c / p).toFixed(2)}× |`);
  } finally {
    await db.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

await runBench(main);
process.exit(process.exitCode ?? 0); // pooled connections would keep the process alive
