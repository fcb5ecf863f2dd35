// import-text on each shared published document: the median time of one import (the text is
// read once; what is timed is the pure importText). Target: ≤ 200 ms per document.
// Usage: npx tsx bench/import-text.ts [ROUNDS] [DIR]   (default 21 rounds, ../shared/documents)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importText } from '../lib/import/text';

const rounds = Number(process.argv[2] ?? 21);
const dir = resolve(process.argv[3] ?? new URL('../../shared/documents', import.meta.url).pathname);
const TARGET_MS = 200;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`${dir} 中没有 .txt 文件`);
  process.exit(2);
}
let slow = 0;
console.log(`import-text：每份文本 ${rounds} 轮，取中位数（目标 ≤ ${TARGET_MS} ms）`);
for (const name of files) {
  const text = readFileSync(join(dir, name), 'utf8');
  importText(text); // warm-up: module and catalogue loading are not the import's time
  const times: number[] = [];
  let problems = 0;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    const result = importText(text);
    times.push(performance.now() - start);
    problems = result.ok ? result.problems.length : -1;
  }
  const ms = median(times);
  if (ms > TARGET_MS) slow += 1;
  console.log(`  ${name}  ${ms.toFixed(2)} ms（最慢 ${Math.max(...times).toFixed(2)} ms，问题 ${problems} 处）${ms > TARGET_MS ? '  超过目标' : ''}`);
}
process.exit(slow > 0 ? 1 : 0);
