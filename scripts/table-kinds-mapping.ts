// Prints the format 1 → format 2 key mapping as SQL, for the table_kinds migration
// (prisma/migrations/20261128161848_table_kinds/migration.sql), where its output is pasted: a
// migration is static SQL and must not change when the templates do. The mapping is read from
// the same functions that upgrade format 1 files (lib/accounts/upgrade.ts), so both agree.
//   npx tsx scripts/table-kinds-mapping.ts
import { HUBEI_2021 } from '../lib/accounts/templates/hubei-2021';
import { TABLE_KINDS, type TableKind } from '../lib/accounts/templates/types';
import { FORMAT1_TABLE_CODES, upgradeColumnKey, upgradeRowKey } from '../lib/accounts/upgrade';
import { runAsScript } from './processes';

type Pair = readonly [kind: TableKind, format1: string, format2: string];

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Every format 1 key of a kind that upgrades to a different key: printed numbers, and "1" where format 1 used it for the only row or column. */
function changedKeys(kind: TableKind, candidates: readonly string[], upgrade: (kind: TableKind, key: string) => string): Pair[] {
  return [...new Set(candidates)].map((key) => [kind, key, upgrade(kind, key)] as const).filter(([, from, to]) => from !== to);
}

export function tableKindsMapping(): { tables: [string, TableKind][]; rows: Pair[]; columns: Pair[] } {
  const tables = Object.entries(FORMAT1_TABLE_CODES).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const rows = TABLE_KINDS.flatMap((kind) => {
    const table = HUBEI_2021.tables[kind];
    return changedKeys(kind, [...table.rows.flatMap((row) => (row.number === undefined ? [] : [row.number])), '1'], upgradeRowKey);
  });
  const columns = TABLE_KINDS.flatMap((kind) => {
    const table = HUBEI_2021.tables[kind];
    return changedKeys(kind, [...table.columns.flatMap((column) => (column.number === undefined ? [] : [column.number])), '1'], upgradeColumnKey);
  });
  return { tables, rows, columns };
}

function values(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `    (${row.map(quote).join(', ')})`).join(',\n');
}

export function tableKindsMappingSql(): string {
  const { tables, rows, columns } = tableKindsMapping();
  return [
    `INSERT INTO "format1_table" ("code", "kind") VALUES\n${values(tables)};`,
    `INSERT INTO "format1_row" ("kind", "format1_key", "format2_key") VALUES\n${values(rows)};`,
    `INSERT INTO "format1_column" ("kind", "format1_key", "format2_key") VALUES\n${values(columns)};`,
    `-- CHECK ("table_code" IN (${TABLE_KINDS.map(quote).join(', ')}))`,
  ].join('\n\n');
}

runAsScript(import.meta.url, async () => {
  console.log(tableKindsMappingSql());
  return 0;
});
