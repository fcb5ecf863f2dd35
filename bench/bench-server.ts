// What the database benches share: the server they run on (DATABASE_URL, default the machine's
// PostgreSQL), statements run on it outside the bench's own database, and a clear message instead
// of a stack trace when that server cannot be reached.
import pg from 'pg';

export const serverUrl = process.env.DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';

class ServerUnreachable extends Error {}

/** Runs one statement on the server (CREATE / DROP DATABASE of the bench's own database). */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const code = (error as { code?: string }).code;
    throw new ServerUnreachable(`无法连接 PostgreSQL ${new URL(serverUrl).host}（${code ?? (error as Error).message}）。`
      + '基准测试需要一个 PostgreSQL 服务器：用 DATABASE_URL 指定（默认 postgresql://root@127.0.0.1:5432/test），它会在其上建立并最后删除自己的数据库。');
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs a bench; an unreachable server is told in words with exit code 2, anything else as it is. */
export async function runBench(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ServerUnreachable)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
