// import-text on damaged text (fast-check): lines deleted, duplicated, moved, the text cut
// short. The importer never throws, every problem names a line of the text, and whenever a
// table comes out other than from the undamaged text (beyond what rounding hides), some
// problem says so.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../lib/accounts/money';
import { TABLE_KINDS } from '../../lib/accounts/templates';
import { importText, type ImportTextResult } from '../../lib/import/text';
import { damageLines, lineDamage } from '../fixtures/text-damage';

const DOCUMENTS = [
  '2021-qiaokou-big-data-center-final-accounts',
  '2024-shanghai-putuo-finance-bureau-final-accounts',
  '2024-shanghai-putuo-social-work-department-final-accounts',
].map((name) => readFileSync(`/work/shared/documents/${name}.txt`, 'utf8'));

/** Every cell and statement of the nine tables, by "table/row/column" (names aside). */
function tableCells(result: Extract<ImportTextResult, { ok: true }>): Map<string, string> {
  const cells = new Map<string, string>();
  for (const kind of TABLE_KINDS) {
    const table = result.document.tables[kind];
    for (const row of table.rows) for (const [column, amount] of Object.entries(row.cells)) cells.set(`${kind}/${row.row}/${column}`, amount);
    if (table.statement !== undefined) cells.set(`${kind}/statement`, table.statement);
  }
  return cells;
}

/**
 * Whether the damage changed a cell the text can tell: a missing line whose figures are within
 * the rounding allowance of its sum (half a hundredth per term: up to 0.30 in the longest sums
 * of these documents) cannot be told from rounding, and a table left with no figures under its
 * sentence "本部门无…支出" reads as an empty table stated in words.
 */
function visiblyDifferent(a: Map<string, string>, b: Map<string, string>): boolean {
  const stated = TABLE_KINDS.filter((kind) => a.has(`${kind}/statement`) && ![...a.keys()].some((key) => key.startsWith(`${kind}/`) && !key.endsWith('/statement')));
  const keys = new Set([...a.keys(), ...b.keys()].filter((key) => !stated.some((kind) => key.startsWith(`${kind}/`) && !key.endsWith('/statement'))));
  return [...keys].some((key) => {
    const x = a.get(key);
    const y = b.get(key);
    if (x === y) return false;
    if (key.endsWith('/statement')) return true;
    const cents = (text: string | undefined) => (text === undefined ? 0n : parseAmount(text));
    const difference = cents(x) - cents(y);
    return difference > 30n || difference < -30n;
  });
}

describe('import-text on damaged text', () => {
  it('never throws, names a line for every problem, and reports every table it reads differently', () => {
    const originals = DOCUMENTS.map((text) => {
      const result = importText(text);
      if (!result.ok) throw new Error(result.reason);
      return tableCells(result);
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DOCUMENTS.length - 1 }), fc.array(lineDamage(), { minLength: 1, maxLength: 4 }), (index, damages) => {
        const text = damageLines(DOCUMENTS[index] ?? '', damages);
        const result = importText(text);
        if (!result.ok) {
          expect(result.reason).not.toBe('');
          return;
        }
        const lineCount = Math.max(1, text.split('\n').length);
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
          expect(problem.reason).not.toBe('');
        }
        if (visiblyDifferent(tableCells(result), originals[index] ?? new Map<string, string>())) {
          expect(result.problems.filter((p) => !p.reason.startsWith('未读入 ')).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('survives text that is no document at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 ,.-\n\f合计总计一、二表年度上海市武汉市2021 2024 收入支出决算表（）'.split('')), maxLength: 400 }), (text) => {
        const result = importText(text);
        if (result.ok) for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
        else expect(result.reason).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
