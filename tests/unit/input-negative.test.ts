// Negative amounts: only balances (年初/年末结转和结余, 结余分配, 使用非财政拨款结余) may be below
// zero; a negative spending or income figure is refused at its cell, in the document, when typed
// and when pasted, with the same words.
import { describe, expect, it } from 'vitest';
import { cellMayBeNegative, explainCellAmount } from '../../lib/accounts/cells';
import { parseFinalAccounts } from '../../lib/accounts/validation';
import { typeIntoCell, initialState } from '../../app/(entry)/entry/[id]/_lib/entry-state';
import { loadSeed, loadSeedJson } from './seed-document';

describe('which cells may be negative', () => {
  it('allows balances by row or by column, and nothing else', () => {
    expect(cellMayBeNegative('closingBalance', 'expenditure')).toBe(true);
    expect(cellMayBeNegative('openingBalanceGeneralBudget', 'income')).toBe(true);
    expect(cellMayBeNegative('2080505', 'closingBalance')).toBe(true); // 表8 年末结转和结余 栏
    expect(cellMayBeNegative('balanceDistribution', 'expenditure')).toBe(true);
    expect(cellMayBeNegative('2010350', 'basic')).toBe(false);
    expect(cellMayBeNegative('incomeTotal', 'income')).toBe(false);
    expect(cellMayBeNegative('total', 'actualReceptions')).toBe(false);
  });

  it('says why, in the same words wherever the amount comes from', () => {
    expect(explainCellAmount('2010350', 'basic', '-1.00')).toBe('不能为负数（只有结转和结余可为负数）');
    expect(explainCellAmount('closingBalance', 'expenditure', '-1.00')).toBeUndefined();
    const typed = typeIntoCell(initialState(loadSeed()), { table: 'expenditure', row: '2010350', column: 'basic' }, '-214.65');
    expect(typed.refused.get('expenditure:2010350:basic')?.message).toBe('不能为负数（只有结转和结余可为负数）');
  });
});

describe('documents', () => {
  it('refuses a negative 基本支出 in 支出决算表 at its cell', () => {
    const doc = loadSeedJson() as { tables: { expenditure: { rows: { row: string; cells: Record<string, string> }[] } } };
    const row = doc.tables.expenditure.rows.find((r) => r.row === '2010350');
    if (!row) throw new Error('seed row 2010350 missing');
    row.cells.basic = '-214.65';
    const result = parseFinalAccounts(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const index = doc.tables.expenditure.rows.indexOf(row);
    expect(result.errors).toContainEqual({ path: `tables.expenditure.rows[${index}].cells.basic`, message: '支出决算表（表3） 第 2010350 行 "basic" 栏：不能为负数（只有结转和结余可为负数）' });
  });

  it('accepts a negative 年末结转和结余 in 收入支出决算总表', () => {
    const doc = loadSeedJson() as { tables: { incomeExpenditureSummary: { rows: { row: string; cells: Record<string, string> }[] } } };
    doc.tables.incomeExpenditureSummary.rows.push({ row: 'closingBalance', cells: { expenditure: '-3.00' } });
    const result = parseFinalAccounts(doc);
    expect(result.ok ? [] : result.errors.filter((e) => e.message.includes('负数'))).toEqual([]);
  });
});
