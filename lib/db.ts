// The Prisma client, one per process (cached on globalThis so `next dev` reloads reuse it).
// Server-only: pages reach the database through lib/data, never through this file directly.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from './generated/prisma/client';

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const cache = globalThis as unknown as { juesuanPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL 未设置：请用 npm start 启动（它会准备数据库），或设置 DATABASE_URL');
  cache.juesuanPrisma ??= createPrismaClient(url);
  return cache.juesuanPrisma;
}
