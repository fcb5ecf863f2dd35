// Every cell the nine tables can hold is covered by some rule: adding 1.00 万元 to any one of
// them, on the published document, must give a blocking finding. A rule wired to the wrong
// row or column, or a cell no rule reads, fails this test.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import { TABLE_CODES, TABLES, TOTAL_ROW, type TableCode } from '../../lib/accounts/tables';
import { loadSeed, setCell } from './seed-document';

function layoutCells(table: TableCode): { row: string; column: string }[] {
  const definition = TABLES[table];
  if (definition.rowKind !== 'functional') {
    return definition.rows.flatMap((row) => row.columns.map((column) => ({ row: row.row, column })));
  }
  const printed = loadSeed().tables[table].rows.map((r) => r.row);
  const rows = printed.length > 0 ? printed : [TOTAL_ROW];
  return rows.flatMap((row) => definition.columns.map(({ column }) => ({ row, column })));
}

describe('rule coverage of the nine tables', () => {
  const baseline = new Set(checkFinalAccounts(loadSeed()).map((f) => f.message));

  for (const table of TABLE_CODES) {
    it(`reports 1.00 added to any cell of 表${TABLES[table].number}`, () => {
      const cells = layoutCells(table);
      expect(cells.length).toBeGreaterThan(0);
      const unnoticed = cells.filter(({ row, column }) => {
        const doc = loadSeed();
        const current = doc.tables[table].rows.find((r) => r.row === row)?.cells[column];
        setCell(doc, table, row, column, toAmountText((current ? parseAmount(current) : 0n) + 100n));
        return !checkFinalAccounts(doc).some((f) => !baseline.has(f.message) && f.severity === 'blocking' && !f.withinRounding);
      });
      expect(unnoticed).toEqual([]);
    });
  }
});
