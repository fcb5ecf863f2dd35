// A district's published texts imported through the app's data layer, as /review/import does it:
// each file previewed (read, matched, checked) and then imported (read again, stored in one
// transaction with its audit rows), one after another. The documents are the seed's text under N
// department names, so every one is a new department's published 2021 record. Beside each, the
// pure importText of the same text, the floor, timed in the same round.
// Usage: npx tsx bench/import-district.ts [DOCUMENTS]   (default 20). DATABASE_URL names the
// server (default postgresql://root@127.0.0.1:5432/test); the bench creates juesuan_bench_import
// there, migrates it, and drops it at the end.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadActor } from '../lib/data/actor';
import { importPublishedText, previewTextImport } from '../lib/data/text-import';
import { createPrismaClient } from '../lib/db';
import { importText } from '../lib/import/text';
import { withDatabase } from '../scripts/database';
import { migrateDatabase } from '../scripts/migrate';
import { admin, runBench, serverUrl } from './bench-server';

const count = Number(process.argv[2] ?? 20);
const DATABASE = 'juesuan_bench_import';
const benchUrl = withDatabase(serverUrl, DATABASE);
const SEED_TEXT = new URL('../../shared/documents/2021-qiaokou-big-data-center-final-accounts.txt', import.meta.url);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const text = readFileSync(SEED_TEXT, 'utf8');
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const db = createPrismaClient(benchUrl);
  try {
    await migrateDatabase(benchUrl);
    const district = await db.district.create({ data: { code: '420104', name: '武汉市硚口区', slug: 'qiaokou', financeBureauName: '武汉市硚口区财政局' } });
    const user = await db.user.create({ data: { email: 'bench@juesuan.local', displayName: '基准', passwordHash: 'not-a-hash', role: 'REVIEWER', districtId: district.id } });
    const reviewer = await loadActor(db, user.id);
    if (!reviewer) throw new Error('bench reviewer not loaded');

    const files = Array.from({ length: count }, (_, i) => {
      const bytes = new TextEncoder().encode(text.replaceAll('大数据中心', `样例中心${String(i + 1).padStart(3, '0')}`));
      return { name: `sample-${i + 1}.txt`, bytes };
    });
    const form = (file: (typeof files)[number], fields: Record<string, string> = {}) => {
      const data = new FormData();
      data.set('file', new File([file.bytes], file.name));
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    importText(text); // warm-up of the importer and the catalogues
    await previewTextImport(reviewer, form(files[0]!), db);

    const floor: number[] = [];
    const previews: number[] = [];
    const imports: number[] = [];
    const started = performance.now();
    for (const file of files) {
      let t = performance.now();
      importText(new TextDecoder().decode(file.bytes));
      floor.push(performance.now() - t);
      t = performance.now();
      const preview = await previewTextImport(reviewer, form(file), db);
      previews.push(performance.now() - t);
      if (!preview.ok) throw new Error(`${file.name}: ${preview.message}`);
      t = performance.now();
      const done = await importPublishedText(reviewer, form(file, { mode: 'record', newDepartment: 'on' }), db);
      imports.push(performance.now() - t);
      if (!done.ok) throw new Error(`${file.name}: ${done.message}`);
    }
    const total = performance.now() - started;
    const stored = await db.finalAccounts.count({ where: { status: 'PUBLISHED' } });
    const figures = await db.figure.count();
    console.log(`一个区的公开文本导入：${count} 份（种子文本换部门名，每份 ${(files[0]!.bytes.length / 1024).toFixed(0)} KB），逐份预览后导入`);
    console.log(`  importText（纯读取，下限）  中位数 ${ms(median(floor))}`);
    console.log(`  预览 previewTextImport      中位数 ${ms(median(previews))}（下限的 ${(median(previews) / median(floor)).toFixed(1)} 倍）`);
    console.log(`  导入 importPublishedText    中位数 ${ms(median(imports))}（下限的 ${(median(imports) / median(floor)).toFixed(1)} 倍），最慢 ${ms(Math.max(...imports))}`);
    console.log(`  全部 ${count} 份：${(total / 1000).toFixed(1)} s，即每份 ${ms(total / count)}；已存 ${stored} 份已公开决算、${figures} 个数字`);
  } finally {
    await db.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

await runBench(main);
