// The seed department's published 2021 accounts, parsed once per test file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';

export const SEED_PATH = fileURLToPath(new URL('../../prisma/seed/data/qiaokou-big-data-center-2021.json', import.meta.url));

export function loadSeedJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown>;
}

export function loadSeed(): TFinalAccounts {
  return ZFinalAccounts.parse(loadSeedJson());
}

/** Sets one cell of a table (adding the row if needed); undefined clears it. */
export function setCell(doc: TFinalAccounts, table: keyof TFinalAccounts['tables'], row: string, column: string, amount: string | undefined): void {
  const rows = doc.tables[table].rows;
  let target = rows.find((r) => r.row === row);
  if (!target) {
    target = { row, cells: {} };
    rows.push(target);
  }
  if (amount === undefined) delete target.cells[column];
  else target.cells[column] = amount;
}
