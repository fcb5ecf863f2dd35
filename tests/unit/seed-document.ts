// The published documents the tests use, parsed once per call.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import type { TableKind } from '../../lib/accounts/templates';

const data = (name: string): string => fileURLToPath(new URL(`../../prisma/seed/data/${name}.json`, import.meta.url));

export const SEED_PATH = data('qiaokou-big-data-center-2021');
export const SHANGHAI_FINANCE_BUREAU_PATH = data('2024-shanghai-putuo-finance-bureau');
export const SHANGHAI_SOCIAL_WORK_PATH = data('2024-shanghai-putuo-social-work-department');
export const SHANGHAI_PLANNING_PATH = data('2024-shanghai-putuo-planning-natural-resources');

export function loadSeedJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown>;
}

export function loadDocument(path: string): TFinalAccounts {
  return ZFinalAccounts.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function loadSeed(): TFinalAccounts {
  return loadDocument(SEED_PATH);
}

/** Sets one cell of a table (adding the row if needed); undefined clears it. */
export function setCell(doc: TFinalAccounts, table: TableKind, row: string, column: string, amount: string | undefined): void {
  const rows = doc.tables[table].rows;
  let target = rows.find((r) => r.row === row);
  if (!target) {
    target = { row, cells: {} };
    rows.push(target);
  }
  if (amount === undefined) delete target.cells[column];
  else target.cells[column] = amount;
}
