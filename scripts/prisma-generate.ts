// npm run generate: `prisma generate` into lib/generated/prisma (git-ignored), run explicitly,
// never as an install script. Every Prisma CLI command first checks that a native schema
// engine exists and tries to download one, which fails offline; generate never runs it, so
// any existing file satisfies the check (PRISMA_SCHEMA_ENGINE_BINARY, unless already set).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GENERATED_CLIENT = join(ROOT, 'lib/generated/prisma/client.ts');

/** Runs `prisma generate`; returns its exit status. */
export function generatePrismaClient(stdio: 'inherit' | 'pipe' = 'inherit'): number {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  const cli = join(ROOT, 'node_modules/prisma/build/index.js');
  const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: ROOT, env, stdio, encoding: 'utf8' });
  if (result.status !== 0 && stdio === 'pipe') process.stderr.write(`${result.stdout}${result.stderr}`);
  return result.status ?? 1;
}

/** Generates the client when a fresh checkout has none yet. */
export function ensurePrismaClient(): void {
  if (existsSync(GENERATED_CLIENT)) return;
  if (generatePrismaClient('pipe') !== 0) throw new Error('prisma generate 失败，请运行 npm run generate 查看原因');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(generatePrismaClient());
}
