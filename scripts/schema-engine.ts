// The one place that touches Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm,
// an internal API; its version must match the prisma package). It replaces the native engine,
// which cannot be downloaded offline, for two jobs: diffing two schema files into migration
// SQL, and applying prisma/migrations while recording them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does. Node 20 cannot import .wasm modules, so we instantiate it here.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, DriverAdapterError,
  type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery, type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let engineClass: Promise<typeof SchemaEngine> | undefined;

function loadEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(require.resolve('@prisma/schema-engine-wasm'), '..', 'schema_engine_bg.wasm');
    // The engine leaves a 10 s timer behind after each command; unref'd, it no longer keeps
    // the process alive once the work is done.
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return engineClass;
}

async function withEngine<T>(schema: string, adapter: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const Engine = await loadEngine();
  const engine = await Engine.new({ datamodels: [['schema.prisma', schema]] }, () => undefined, bindMigrationAwareSqlAdapterFactory(adapter));
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

/**
 * A stand-in database for diffing two schema files: the engine only asks for the server
 * version when it starts and reads nothing else, so authoring a migration needs no server.
 */
function offlineAdapter(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string): Promise<never> => Promise.reject(new Error(`schema diff must not touch a database (${what})`));
  const connection: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: 'juesuan-offline-diff',
    queryRaw: (query: SqlQuery): Promise<SqlResultSet> => {
      if (!query.sql.includes('server_version_num')) return refuse(query.sql);
      return Promise.resolve({
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 17.0', 170000]],
      });
    },
    executeRaw: (query) => refuse(query.sql),
    executeScript: () => refuse('script'),
    startTransaction: () => refuse('transaction'),
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    dispose: () => Promise.resolve(),
  };
  return { provider: 'postgres', adapterName: connection.adapterName, connect: async () => connection, connectToShadowDb: async () => connection };
}

/** SQL that turns a database shaped by `from` (undefined: an empty database) into `to`. */
export async function diffSchemas(from: string | undefined, to: string): Promise<string> {
  return withEngine(to, offlineAdapter(), async (engine) => {
    const schema = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] });
    const result = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : schema(from),
      to: schema(to),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}

/**
 * PrismaPg, except that a migration script is sent to PostgreSQL whole, as the native engine
 * does: PrismaPg splits scripts at every ";", which breaks function bodies ($$ … $$), and
 * sending it whole also makes each migration one implicit transaction.
 */
function wholeScriptAdapter(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const patch = <A extends SqlDriverAdapter>(adapter: A): A => {
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) throw error;
        const { code = 'XX000', severity = 'ERROR', message, detail, column, hint } = error;
        throw new DriverAdapterError({ kind: 'postgres', code, severity, message, detail, column, hint });
      }
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patch(await inner.connect()),
    connectToShadowDb: async () => patch(await inner.connectToShadowDb()),
  };
}

export function readMigrationsList(dir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

const DATASOURCE_ONLY = 'datasource db {\n  provider = "postgresql"\n}\n';

/**
 * The engine takes PostgreSQL's advisory lock 72707369 (as `migrate deploy` does) and never
 * releases it, so the pool is ours: no idle timeout may drop the locking connection midway,
 * and ending the pool releases the lock.
 */
async function withMigrationEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 0 });
  pool.on('error', () => undefined);
  try {
    return await withEngine(DATASOURCE_ONLY, wholeScriptAdapter(pool), work);
  } finally {
    await pool.end();
  }
}

/** Applies the migrations the database has not seen; returns their names. */
export async function applyMigrations(url: string, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  return withMigrationEngine(url, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: readMigrationsList(dir), filters: NO_FILTERS });
    return output.appliedMigrationNames;
  });
}

/** `prisma migrate resolve --rolled-back`: lets a failed migration be applied again. */
export async function markMigrationRolledBack(url: string, migrationName: string): Promise<void> {
  await withMigrationEngine(url, (engine) => engine.markMigrationRolledBack({ migrationName }));
}
