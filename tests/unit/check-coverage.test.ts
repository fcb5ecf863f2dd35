// Every cell the nine tables can hold is covered by some rule: adding 1.00 万元 to any one of
// them, on a published document, must give a blocking finding. A rule wired to the wrong
// row or column, or a cell no rule reads, fails this test. Run on the seed (hubei-2021) and
// on a Shanghai 2024 document.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { TABLE_KINDS, TOTAL_ROW, templateFor, type TableKind } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH, setCell } from './seed-document';

function layoutCells(doc: TFinalAccounts, kind: TableKind): { row: string; column: string }[] {
  const table = templateFor(doc.template).tables[kind];
  if (table.rowKind !== 'functional') {
    return table.rows.flatMap((row) => row.columns.map((column) => ({ row: row.key, column })));
  }
  const printed = doc.tables[kind].rows.map((r) => r.row);
  const rows = printed.length > 0 ? printed : [TOTAL_ROW];
  return rows.flatMap((row) => table.columns.map(({ key }) => ({ row, column: key })));
}

function coverage(name: string, load: () => TFinalAccounts): void {
  describe(`rule coverage of the nine tables: ${name}`, () => {
    const baseline = new Set(checkFinalAccounts(load()).map((f) => f.message));
    for (const kind of TABLE_KINDS) {
      it(`reports 1.00 added to any cell of ${kind}`, () => {
        const cells = layoutCells(load(), kind);
        expect(cells.length).toBeGreaterThan(0);
        const unnoticed = cells.filter(({ row, column }) => {
          const doc = load();
          const current = doc.tables[kind].rows.find((r) => r.row === row)?.cells[column];
          setCell(doc, kind, row, column, toAmountText((current ? parseAmount(current) : 0n) + 100n));
          return !checkFinalAccounts(doc).some((f) => !baseline.has(f.message) && f.severity === 'blocking' && !f.withinRounding);
        });
        expect(unnoticed).toEqual([]);
      });
    }
  });
}

coverage('hubei-2021 seed', loadSeed);
if (existsSync(SHANGHAI_FINANCE_BUREAU_PATH)) coverage('shanghai-2024 finance bureau', () => loadDocument(SHANGHAI_FINANCE_BUREAU_PATH));
