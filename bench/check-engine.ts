// The check engine on 1,000 varied departments, side by side with the floor: reading the same
// JSON texts and summing every amount in them. Rounds alternate floor and check so that both
// see the same machine load; the figures are the median round.
// Usage: npm run bench [-- DEPARTMENTS [ROUNDS]]   (default 1,000 departments, 7 rounds)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkFinalAccounts } from '../lib/accounts/check';
import { parseAmount } from '../lib/accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../lib/accounts/schema';
import { parseFinalAccounts } from '../lib/accounts/validation';
import { variedDepartment } from './varied-departments';

const departments = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 7);
const SOURCES = [
  'qiaokou-big-data-center-2021', '2024-shanghai-putuo-finance-bureau',
  '2024-shanghai-putuo-social-work-department', '2024-shanghai-putuo-planning-natural-resources',
];
const bases: TFinalAccounts[] = SOURCES.map((name) =>
  ZFinalAccounts.parse(JSON.parse(readFileSync(new URL(`../prisma/seed/data/${name}.json`, import.meta.url), 'utf8'))));

const docs = Array.from({ length: departments }, (_, i) => variedDepartment(bases[i % bases.length] as TFinalAccounts, i));
const texts = docs.map((doc) => JSON.stringify(doc));

/** The floor: read the JSON and add up every amount of the tables. */
function floor(text: string): bigint {
  const doc = JSON.parse(text) as TFinalAccounts;
  let total = 0n;
  for (const table of Object.values(doc.tables)) for (const row of table.rows) for (const column in row.cells) total += parseAmount(row.cells[column] ?? '0');
  return total;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

// Warm-up: every code path on every template.
for (let i = 0; i < Math.min(200, departments); i += 1) checkFinalAccounts(docs[i] as TFinalAccounts);

const floorMs: number[] = [];
const checkMs: number[] = [];
const parseMs: number[] = [];
let findings = 0;
let blocking = 0;
let sink = 0n;
for (let round = 0; round < rounds; round += 1) {
  floorMs.push(timed(() => { for (const text of texts) sink += floor(text); }));
  checkMs.push(timed(() => {
    findings = 0;
    blocking = 0;
    for (const doc of docs) {
      const found = checkFinalAccounts(doc);
      findings += found.length;
      blocking += found.filter((f) => f.severity === 'blocking').length;
    }
  }));
  parseMs.push(timed(() => { for (const text of texts) if (!parseFinalAccounts(JSON.parse(text)).ok) throw new Error('a varied department does not parse'); }));
}

const f = median(floorMs);
const c = median(checkMs);
const p = median(parseMs);
const per = (ms: number): string => `${((ms * 1000) / departments).toFixed(0)} µs`;
console.log(`check engine: ${departments} varied departments (4 published documents × factors 1–97), ${rounds} rounds, median round, Node ${process.version}`);
console.log(`  floor (JSON.parse + sum every table amount): ${f.toFixed(1)} ms   ${per(f)} per department`);
console.log(`  check (all rules and the narrative):         ${c.toFixed(1)} ms   ${per(c)} per department   ${(c / f).toFixed(2)}× the floor`);
console.log(`  parse + validate (zod, strict):              ${p.toFixed(1)} ms   ${per(p)} per department   ${(p / f).toFixed(2)}× the floor`);
console.log(`  findings in one round: ${findings} (${blocking} blocking): the published documents' own, repeated per copy`);
console.log(`  heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB${sink === -1n ? ' ' : ''}`);
