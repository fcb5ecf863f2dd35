// Times the check engine on the seed document: parse + check, many runs, prints the median.
// Usage: npm run bench [-- RUNS]   (default 500 runs after 50 warm-up runs)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkFinalAccounts } from '../lib/accounts/check';
import { parseFinalAccounts } from '../lib/accounts/validation';

const runs = Number(process.argv[2] ?? 500);
const text = readFileSync(new URL('../prisma/seed/data/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8');

function once(): { parse: number; check: number; findings: number } {
  const start = performance.now();
  const parsed = parseFinalAccounts(JSON.parse(text));
  const parsedAt = performance.now();
  if (!parsed.ok) throw new Error('the seed document does not parse');
  const findings = checkFinalAccounts(parsed.doc);
  return { parse: parsedAt - start, check: performance.now() - parsedAt, findings: findings.length };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
};

for (let i = 0; i < 50; i += 1) once();
const samples = Array.from({ length: runs }, once);
const parse = samples.map((s) => s.parse);
const check = samples.map((s) => s.check);
const ms = (value: number): string => `${value.toFixed(3)} ms`;
console.log(`check engine on the seed document (${samples[0]?.findings} findings), ${runs} runs, Node ${process.version}`);
console.log(`  parse + validate: median ${ms(percentile(parse, 0.5))}, p95 ${ms(percentile(parse, 0.95))}`);
console.log(`  check:            median ${ms(percentile(check, 0.5))}, p95 ${ms(percentile(check, 0.95))}`);
console.log(`  heap used after:  ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB`);
