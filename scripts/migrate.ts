// npm run db:migrate: applies prisma/migrations as the owner, MIGRATION_DATABASE_URL (else
// DATABASE_URL), through Prisma's WebAssembly schema engine (scripts/schema-engine.ts), which
// records them in `_prisma_migrations` as `prisma migrate deploy` does, so a machine with the
// native engine sees the same history; then grants DATABASE_URL's role its rights.
//   npm run db:migrate                              apply what the database has not seen
//   npm run db:migrate -- --rolled-back <name>      after fixing a failed migration's cause
import { grantAppRole, roleOf } from './database-roles';
import { applyMigrations, markMigrationRolledBack, MIGRATIONS_DIR } from './schema-engine';
import { runAsScript } from './processes';

/** Applies pending migrations; returns the names applied. */
export async function migrateDatabase(url: string, log: (line: string) => void = () => undefined, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  let applied: string[];
  try {
    applied = await applyMigrations(url, dir);
  } catch (error) {
    const hint = /failed migrations/.test(String(error))
      ? '\n找出并修正失败原因后，运行 npm run db:migrate -- --rolled-back <迁移名称> 再重新迁移。'
      : '';
    throw new Error(`迁移失败：${firstLine(error)}${hint}`, { cause: error });
  }
  log(applied.length ? `已应用 ${applied.length} 个迁移：${applied.join('，')}` : '数据库结构已是最新');
  return applied;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The engine appends a Rust span trace; the first lines say what happened.
  return text.split('\n').filter((line) => !/^\s+(\d+:|at |with )/.test(line)).slice(0, 4).join('\n');
}

async function main(): Promise<number> {
  // The owner migrates (MIGRATION_DATABASE_URL); DATABASE_URL alone when one role does both.
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error('请设置 MIGRATION_DATABASE_URL（数据表所有者）或 DATABASE_URL（npm start 与 npm test 会自动准备数据库）');
    return 2;
  }
  const [flag, name] = process.argv.slice(2);
  if (flag === '--rolled-back') {
    if (!name) {
      console.error('用法：npm run db:migrate -- --rolled-back <迁移名称>');
      return 2;
    }
    await markMigrationRolledBack(url, name);
    console.log(`已将迁移 ${name} 标记为已回滚，可重新应用`);
    return 0;
  }
  await migrateDatabase(url, console.log);
  // New tables need the app's rights too, as every start grants them.
  const app = process.env.DATABASE_URL;
  if (app && roleOf(app) !== roleOf(url)) await grantAppRole(url, roleOf(app));
  return 0;
}

runAsScript(import.meta.url, main);
