// Pasting a block into 支出决算表 of the seed document: from the active cell down and to the right,
// all or nothing, refused onto derived cells (类, 款, 合计 and the 本年支出合计 column) and past the edge.
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../app/(entry)/entry/[id]/_lib/grid-model';
import { planPaste, type PasteContext } from '../../app/(entry)/entry/[id]/_lib/paste';
import { parseTsv } from '../../app/(entry)/entry/[id]/_lib/tsv';
import { isDerivedCell } from '../../lib/accounts/derived';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';
import { loadSeed } from './seed-document';

const doc = loadSeed();
const grid = buildGrid(HUBEI_2021.tables.expenditure, doc.tables.expenditure.rows, () => undefined);
const columnIndex = (key: string) => grid.columns.findIndex((c) => c.id === key);
const lineIndex = (code: string) => grid.lines.findIndex((l) => l.code === code);

function context(code: string, column: string): PasteContext {
  return {
    grid,
    origin: { line: lineIndex(code), column: columnIndex(column) },
    isDerived: (cell) => isDerivedCell(doc, cell.table, cell.row, cell.column),
    describe: (cell) => `${cell.row} ${cell.column}`,
  };
}

describe('planPaste', () => {
  it('fills 基本支出 and 项目支出 of the three 项 under 21011 from a copied block', () => {
    const plan = planPaste(parseTsv('9.58\t1\r\n16.46\t\r\n0.77\t2.5\r\n'), context('2101102', 'basic'));
    expect(plan).toEqual({
      ok: true,
      values: [
        { table: 'expenditure', row: '2101102', column: 'basic', amount: '9.58' },
        { table: 'expenditure', row: '2101102', column: 'project', amount: '1' },
        { table: 'expenditure', row: '2101103', column: 'basic', amount: '16.46' },
        { table: 'expenditure', row: '2101103', column: 'project', amount: null },
        { table: 'expenditure', row: '2101199', column: 'basic', amount: '0.77' },
        { table: 'expenditure', row: '2101199', column: 'project', amount: '2.5' },
      ],
    });
  });

  it('refuses a block that reaches a class row, which the system computes', () => {
    const plan = planPaste(parseTsv('1\n2\n'), context('2010350', 'basic'));
    expect(plan).toEqual({ ok: false, message: '第 2 行第 1 个数落在「208 basic」，该单元格由系统计算，不能粘贴；未粘贴任何数字' });
  });

  it('refuses a block starting in the 本年支出合计 column, computed from the others', () => {
    const plan = planPaste(parseTsv('1\t2\n'), context('2010350', 'total'));
    expect(plan.ok).toBe(false);
  });

  it('refuses a block wider or longer than what is left of the table', () => {
    const wide = planPaste(parseTsv('1\t2\t3\n'), context('2101199', 'operating'));
    expect(wide).toEqual({ ok: false, message: '粘贴的区域为 1 行 × 3 列，超出了表格的边界（从选中的单元格起向下有 8 行、向右有 2 栏金额）；未粘贴任何数字' });
    const last = grid.lines.at(-1)?.code ?? '';
    const long = planPaste(parseTsv('1\n2\n'), context(last, 'basic'));
    expect(!long.ok && long.message).toContain('向下有 1 行');
  });

  it('refuses the whole block when one value is not an amount, with the message typing gives', () => {
    const plan = planPaste(parseTsv('9.58\n1,016.46\n0.77\n'), context('2101102', 'basic'));
    expect(plan).toEqual({ ok: false, message: '第 2 行第 1 个数 "1,016.46"：去掉千位分隔符，写成 "1016.46"；未粘贴任何数字' });
  });
});
