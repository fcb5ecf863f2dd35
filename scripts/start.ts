// `npm start`: everything needed to serve Juesuan on this machine. Generates the Prisma client,
// builds the app when the sources are newer than the last build, prepares the database
// (embedded PostgreSQL unless DATABASE_URL is set), then runs `next start` until Ctrl-C.
// `npm run dev` (--dev) runs `next dev` instead of build + start. It listens on 127.0.0.1
// (this machine only) unless HOST names another address, e.g. HOST=0.0.0.0.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { prepareDatabase, type PreparedDatabase } from './database';
import { ROOT, Stopper, clearPageCache, TOOL_ENV, exitCodeOf, listenAddress, probeHost, seconds, spawnTool, stopDatabase, takeOverSignals, waitForHttp } from './processes';
import { seedSwitch } from './seed-switch';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const host = listenAddress();
const startedAt = performance.now();
const log = (line: string) => console.log(`[决算] ${line}`);

/** What a build depends on. lib/generated is left out: it is rewritten on every start. */
const BUILD_INPUTS = ['app', 'components', 'lib', 'next.config.js', 'package-lock.json', 'prisma/schema.prisma', 'tsconfig.json'];
const IGNORED = new Set([join(ROOT, 'lib', 'generated')]);

function newestInput(path: string): { path: string; mtime: number } | undefined {
  if (!existsSync(path) || IGNORED.has(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, mtime: stat.mtimeMs };
  let newest: { path: string; mtime: number } | undefined;
  for (const entry of readdirSync(path)) {
    const candidate = newestInput(join(path, entry));
    if (candidate && (!newest || candidate.mtime > newest.mtime)) newest = candidate;
  }
  return newest;
}

/** Why a build is needed, or undefined when .next is up to date. */
function buildReason(): string | undefined {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return '还没有构建（.next/BUILD_ID 不存在）';
  const builtAt = statSync(buildId).mtimeMs;
  const newest = BUILD_INPUTS.map((input) => newestInput(join(ROOT, input))).reduce((a, b) => (b && (!a || b.mtime > a.mtime) ? b : a), undefined);
  return newest && newest.mtime > builtAt ? `${relative(ROOT, newest.path)} 比上次构建新` : undefined;
}

/** Local runs keep one random session secret under .data/, so sign-ins survive a restart. */
function localAuthSecret(): string {
  const file = join(ROOT, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let database: PreparedDatabase | undefined;
const stopper = new Stopper(log);
const onSignal = stopper.onSignal;
takeOverSignals(onSignal);

async function runStep(title: string, name: string, args: string[]): Promise<void> {
  const begun = performance.now();
  log(`${title}…`);
  stopper.child = spawnTool(name, args);
  const code = await exitCodeOf(stopper.child);
  stopper.child = undefined;
  if (code !== 0) throw new Error(`${title}：失败（退出码 ${code}）`);
  log(`${title}：完成，用时 ${seconds(begun)}`);
}

async function main(): Promise<number> {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  seedSwitch(); // a misspelt JUESUAN_SEED stops here, not after a build
  await runStep('生成 Prisma 客户端', 'tsx', ['scripts/prisma-generate.ts']);
  if (!dev && !stopper.requested) {
    const reason = buildReason();
    if (reason) {
      log(`需要构建：${reason}`);
      await runStep('构建应用 next build', 'next', ['build']);
    } else {
      log('构建已是最新，跳过 next build');
    }
  }
  if (stopper.requested) return 130;
  database = await prepareDatabase({ purpose: 'app', log });
  takeOverSignals(onSignal);
  log(database.embedded ? '数据库已就绪（嵌入式 PostgreSQL）' : '数据库已就绪（DATABASE_URL）');
  if (stopper.requested) return 130;

  // DATABASE_URL is the app's role (neither superuser nor owner); the owner's URL is not passed on.
  const env = { ...TOOL_ENV, DATABASE_URL: database.url, MIGRATION_DATABASE_URL: undefined, AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(), AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' };
  log(dev ? '启动 next dev…' : '启动 next start…');
  if (!dev) clearPageCache();
  const next = spawnTool('next', [dev ? 'dev' : 'start', '-H', host, '-p', String(port)], env);
  stopper.child = next;
  const exited = exitCodeOf(next);
  if (await waitForHttp(`http://${probeHost(host)}:${port}/`, next)) {
    const where = host === '127.0.0.1' ? '（仅本机可访问；设置 HOST 可改）' : `（监听 ${host}）`;
    log(`决算已启动：http://${probeHost(host)}:${port}${where}，自启动起 ${seconds(startedAt)}。按 Ctrl-C 停止。`);
  }
  return exited;
}

let code: number;
try {
  code = await main();
} catch (error) {
  // A build or migration cut short by Ctrl-C is not an error worth a message.
  if (!stopper.requested) console.error(`[决算] ${(error as Error).message}`);
  code = stopper.requested ? 130 : 1;
}
if (database) {
  log('停止数据库…');
  await stopDatabase(database).catch((error: unknown) => console.error(`[决算] 停止数据库失败：${String(error)}`));
}
process.exit(code);
