// The one place that touches Prisma's WebAssembly schema engine (an internal API): it turns
// two Prisma schemas into the SQL that migrates one into the other. Node 20 cannot import
// .wasm modules without a flag, so the module is instantiated here by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

interface WasmExports {
  __wbindgen_start: () => void;
}
interface Bindings {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
}

let loaded: Promise<typeof bindings.SchemaEngine> | undefined;

function loadEngine(): Promise<typeof bindings.SchemaEngine> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    (bindings as unknown as Bindings).__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as WasmExports).__wbindgen_start();
    return bindings.SchemaEngine;
  })();
  return loaded;
}

/**
 * SQL that turns the database described by `from` (undefined: an empty database) into `to`.
 * The diff itself reads no tables, but the engine connects to `databaseUrl` when it starts.
 */
export async function diffSchemas(from: string | undefined, to: string, databaseUrl: string): Promise<string> {
  const SchemaEngine = await loadEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => undefined, adapter);
  try {
    const schema = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] });
    const result = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : schema(from),
      to: schema(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
