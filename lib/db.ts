// The Prisma client: server-only (it reads DATABASE_URL and holds a connection pool). One per
// process, cached on globalThis so that `next dev` module reloads reuse it. Pages reach the
// database through lib/data, never through this file.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
export { Prisma } from './generated/prisma/client';

// On globalThis like the client below: Next loads this module once for the pages and again for
// the route handlers, and a client cached by one copy must find its pool in the other.
const shared = globalThis as typeof globalThis & { juesuanPools?: WeakMap<PrismaClient, pg.Pool> };
const pools = (shared.juesuanPools ??= new WeakMap<PrismaClient, pg.Pool>());

export function createPrismaClient(url: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: url });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The client's own connection pool, for plain SQL on hot paths where Prisma's per-query work dominates (lib/data/plain-sql.ts). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error('该 Prisma 客户端不是由 createPrismaClient 创建的');
  return pool;
}

const cache = globalThis as typeof globalThis & { juesuanPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (cache.juesuanPrisma) return cache.juesuanPrisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL 未设置：请用 npm start 启动（它会准备数据库），或设置 DATABASE_URL');
  cache.juesuanPrisma = createPrismaClient(url);
  return cache.juesuanPrisma;
}

/** For scripts and tests that end the process themselves. */
export async function disconnectPrisma(): Promise<void> {
  const client = cache.juesuanPrisma;
  cache.juesuanPrisma = undefined;
  await client?.$disconnect();
}
