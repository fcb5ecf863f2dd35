// The XLSX round trip on the seed document (hubei-2021): the entry workbook laid out as printed,
// with formulas for the derived cells, read back unchanged; a workbook edited by hand with exceljs
// (a changed figure, text in a number cell, a row added under class 201) read back as exactly
// those changes or errors, named "sheet!cell".
import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCatalogue, shippedCatalogues } from '../../lib/accounts/catalogue';
import { applyCellValues, deriveCells } from '../../lib/accounts/derived';
import { templateFor } from '../../lib/accounts/templates';
import { parseFinalAccounts } from '../../lib/accounts/validation';
import { entryWorkbook, NEW_ROWS } from '../../lib/export/entry-workbook';
import { MAP_SHEET, readEntryMap, type MappedCell } from '../../lib/import/xlsx/entry-map';
import { MAX_ERRORS, readEntryWorkbook, WORKBOOK, type EntryWorkbookResult } from '../../lib/import/xlsx/entry-workbook';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';
import { loadWorkbook } from '../../lib/import/workbook-bytes';

const EXPENDITURE = '表3 支出决算表';
const doc = loadSeed();
const template = templateFor(doc.template);

const load = loadWorkbook;

const save = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/** The seed's entry workbook, edited by `edit` and saved again, read back against the seed. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<EntryWorkbookResult> {
  const workbook = await load(await entryWorkbook(doc, template));
  edit(workbook);
  return readEntryWorkbook(await save(workbook), doc, template);
}

function readEntryMapOf(workbook: ExcelJS.Workbook): MappedCell[] {
  const map = readEntryMap(workbook);
  if (!map.ok) throw new Error(JSON.stringify(map.errors));
  return map.map.cells;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('entryWorkbook of the seed', () => {
  it('is the download laid out as printed, with entry cells unlocked and derived cells computed by formula', async () => {
    const workbook = await load(await entryWorkbook(doc, template));
    expect(workbook.worksheets.map((s) => s.state)).toEqual([...template.order.map(() => 'visible'), 'veryHidden']);
    expect(workbook.worksheets.at(-1)?.name).toBe(MAP_SHEET);
    const expenditure = sheet(workbook, EXPENDITURE);
    expect(expenditure.getCell('A1').value).toBe('2021 年度支出决算表（表 3）');
    expect((expenditure as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    // 合计 (row 6): 收支总计 2,882.93 = 基本支出 288.90 + 项目支出 2,594.03, each a formula over the classes.
    expect(expenditure.getCell('C6').value).toMatchObject({ result: 2882.93 });
    // …and the codes typed in the blank lines 25–34 that no listed class takes.
    const total = (expenditure.getCell('C6').value as ExcelJS.CellFormulaValue).formula;
    expect(total).toMatch(/^IF\(COUNT\(C7,C10,C13,C18,C21\)\+COUNTIFS\(\$A\$25:\$A\$34,"\?\*",C25:C34,">=-1E\+300"\)=0,"",SUM\(C7,C10,C13,C18,C21\)\+SUMIF\(/);
    expect(total).toContain('-(SUMIF($A$25:$A$34,"201*",C25:C34)+');
    expect(expenditure.getCell('D6').value).toMatchObject({ result: 288.9 });
    expect(expenditure.getCell('E6').value).toMatchObject({ result: 2594.03 });
    // 2010350 事业运行: 基本支出 214.65 is typed; its 合计 is the sum of its columns.
    expect([expenditure.getCell('A9').value, expenditure.getCell('D9').value]).toEqual(['2010350', 214.65]);
    expect(expenditure.getCell('D9').protection).toMatchObject({ locked: false });
    expect(expenditure.getCell('C9').value).toEqual({ formula: 'IF(COUNT(D9,E9,F9,G9,H9)=0,"",SUM(D9,E9,F9,G9,H9))', result: 214.65 });
    expect(expenditure.getCell('C9').protection?.locked).not.toBe(false);
    // The blank lines for new rows follow 2210202 (row 24), code and amounts unlocked.
    expect(expenditure.getCell('A24').value).toBe('2210202');
    expect(expenditure.getCell(`A${25 + NEW_ROWS - 1}`).protection).toMatchObject({ locked: false });
    expect(expenditure.getCell('A25').numFmt).toBe('@');
    // 表6: 人员经费合计 and 公用经费合计 are formulas too.
    const basic = sheet(workbook, '表6 一般公共预算财政拨款基本支出决算明细表');
    const formulas: string[] = [];
    basic.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'object' && cell.value && 'formula' in cell.value) formulas.push(cell.address); }));
    expect(formulas.length).toBeGreaterThanOrEqual(5);
  });

  it('reads back as no change and no warning', async () => {
    const result = await readEntryWorkbook(await entryWorkbook(doc, template), doc, template);
    expect(result).toEqual({ ok: true, changes: [], diff: [], warnings: [] });
  });
});

/** The cells of a range ("$A$25:$A$34") top to bottom. */
function rangeCells(range: string): string[] {
  const [from = '', to = ''] = range.replace(/\$/g, '').split(':');
  const column = from.replace(/\d+$/, '');
  const [top, bottom] = [Number(from.slice(column.length)), Number(to.slice(column.length))];
  return Array.from({ length: bottom - top + 1 }, (_, i) => `${column}${top + i}`);
}

/**
 * Evaluates the formulas entryWorkbook writes — IF(COUNT(…)+COUNTIFS(…)=0,"",SUM(…)+SUMIF(…)-(SUM(…)+SUMIF(…)))
 * — over the sheet's entered cells, as Excel would: references to other formulas are evaluated, not read from their cached results.
 */
function evaluate(sheetOf: ExcelJS.Worksheet, address: string, seen = new Set<string>()): number | null {
  const value = sheetOf.getCell(address).value;
  if (typeof value === 'number') return value;
  if (value === null || value === undefined || typeof value === 'string') return null;
  const formula = typeof value === 'object' && 'formula' in value ? value.formula : undefined;
  if (formula === undefined) throw new Error(`${address}: unexpected ${JSON.stringify(value)}`);
  if (seen.has(address)) throw new Error(`cycle at ${address}`);
  const at = (ref: string) => evaluate(sheetOf, ref, new Set([...seen, address]));
  const match = /^IF\((.+)=0,"",(.+)\)$/.exec(formula);
  if (!match) throw new Error(`${address}: unexpected formula ${formula}`);
  /** Each call of a part with its sign (negative from "-(" on) and its values: null for blank. */
  const calls = (part: string) => {
    let sign = 1;
    let rest = part;
    const found: { sign: number; values: (number | null)[] }[] = [];
    for (const call of part.matchAll(/(-\(|^|\+)(SUM|SUMIF|COUNT|COUNTIFS)\(([^)]*)\)/g)) {
      const [whole, before, fn, list = ''] = call;
      if (before === '-(') sign = -1;
      rest = rest.replace(whole, '');
      const args = list.split(',');
      if (fn === 'SUM' || fn === 'COUNT') found.push({ sign, values: args.map(at) });
      else {
        const prefix = (args[1] ?? '').replace(/^"|\*"$/g, '');
        const codes = rangeCells(args[0] ?? '');
        const amounts = rangeCells(args[2] ?? '');
        found.push({
          sign,
          values: codes.map((code, i) => {
            const text = sheetOf.getCell(code).value;
            const matches = typeof text === 'string' && (prefix === '?' ? text.length > 0 : text.startsWith(prefix));
            return matches ? at(amounts[i] ?? '') : null;
          }),
        });
      }
    }
    expect(rest.replace(/[()]/g, ''), formula).toMatch(/^0?$/);
    return found;
  };
  const count = calls(match[1] ?? '').flatMap((c) => c.values).filter((v) => v !== null).length;
  if (count === 0) return null;
  const total = calls(match[2] ?? '').reduce((sum, c) => sum + c.sign * c.values.reduce<number>((a, b) => a + (b ?? 0), 0), 0);
  return Math.round(total * 100) / 100;
}

/** What Excel does on opening: every formula's result recomputed. */
function recalculate(workbook: ExcelJS.Workbook): void {
  for (const s of workbook.worksheets) {
    s.eachRow((row) => row.eachCell((cell) => {
      const value = cell.value;
      const formula = value !== null && typeof value === 'object' && 'formula' in value ? value.formula : undefined;
      if (formula !== undefined) cell.value = { formula, result: evaluate(s, cell.address) ?? '' };
    }));
  }
}

describe('the formulas of the derived cells', () => {
  it('compute what the core derives, from the entered cells, after a figure is changed', async () => {
    const changed = structuredClone(doc);
    applyCellValues(changed, [{ table: 'expenditure', row: '2010350', column: 'basic', amount: '215.65' }]);
    const workbook = await load(await entryWorkbook(changed, template));
    const derivedValues = new Map(deriveCells(changed).map((c) => [`${c.table}:${c.row}:${c.column}`, c.amount]));
    const map = readEntryMapOf(workbook);
    let checked = 0;
    for (const cell of map.filter((c) => c.kind === 'derived')) {
      const s = sheet(workbook, cell.sheet);
      const key = `${cell.table}:${cell.row}:${cell.column}`;
      const expected = derivedValues.has(key) ? derivedValues.get(key) : changed.tables[cell.table].rows.find((r) => r.row === cell.row)?.cells[cell.column];
      const value = s.getCell(cell.address).value;
      if (value === null || typeof value !== 'object' || !('formula' in value)) continue;
      expect(evaluate(s, cell.address), `${cell.sheet}!${cell.address} ${key}`).toBe(expected === undefined || expected === null ? null : Number(expected));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
    // 基本支出 288.90 + 1.00, in the formula and in the cached result alike.
    expect(evaluate(sheet(workbook, EXPENDITURE), 'D6')).toBe(289.9);
    expect(sheet(workbook, EXPENDITURE).getCell('D6').value).toMatchObject({ result: 289.9 });
  });
});

describe.each([
  ['Shanghai 2024 finance bureau', SHANGHAI_FINANCE_BUREAU_PATH],
  ['Shanghai 2024 social work department', SHANGHAI_SOCIAL_WORK_PATH],
  ['Shanghai 2024 planning bureau', SHANGHAI_PLANNING_PATH],
])('the entry workbook of %s', (_, path) => {
  it('reads back as no change and no warning', async () => {
    const shanghai = loadDocument(path);
    const result = await readEntryWorkbook(await entryWorkbook(shanghai, templateFor(shanghai.template)), shanghai, templateFor(shanghai.template));
    expect(result).toEqual({ ok: true, changes: [], diff: [], warnings: [] });
  });
});

describe('a workbook saved by another spreadsheet', () => {
  // The seed's entry workbook opened in LibreOffice Calc 7.4 (headless, through UNO): all 321
  // formulas recalculated to the values written, 表3 D9 typed as 215.65, recalculated (D6 288.90 →
  // 289.90) and saved as .xlsx. LibreOffice writes a text of mixed scripts ("表1 收入…") as rich
  // text runs, the hidden map's sheet names included, and the map is "hidden", not "very hidden".
  it('reads LibreOffice\'s file as the one change typed, with its totals recalculated (no warning)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/workbooks/seed-edited-in-libreoffice.xlsx', import.meta.url)));
    const result = await readEntryWorkbook(bytes, doc, template);
    expect(result).toEqual({
      ok: true,
      changes: [{ table: 'expenditure', row: '2010350', column: 'basic', amount: '215.65' }],
      diff: [{ sheet: EXPENDITURE, cell: 'D9', table: 'expenditure', row: '2010350', column: 'basic', before: '214.65', after: '215.65' }],
      warnings: [],
    });
  });

  it('reads a map whose texts are rich text runs as the plain one', async () => {
    const result = await edited((workbook) => {
      sheet(workbook, MAP_SHEET).eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.length > 1) cell.value = { richText: [{ text: cell.value.slice(0, 1) }, { text: cell.value.slice(1), font: { name: 'Calibri' } }] };
      }));
    });
    expect(result).toEqual({ ok: true, changes: [], diff: [], warnings: [] });
  });
});

describe('a workbook edited by hand', () => {
  it('a changed figure: 2010350 基本支出 214.65 → 215.65 is that one change; the stale totals are warnings', async () => {
    const result = await edited((workbook) => { sheet(workbook, EXPENDITURE).getCell('D9').value = 215.65; });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.changes).toEqual([{ table: 'expenditure', row: '2010350', column: 'basic', amount: '215.65' }]);
    expect(result.diff).toEqual([{ sheet: EXPENDITURE, cell: 'D9', table: 'expenditure', row: '2010350', column: 'basic', before: '214.65', after: '215.65' }]);
    // exceljs does not recalculate: the cached 合计 still says 288.90, the entered cells give 289.90.
    expect(result.warnings).toContainEqual({ path: `${EXPENDITURE}!D6`, message: '此数由系统按明细计算：工作簿中为 288.90，按明细应为 289.90，导入后按计算数保存' });
    expect(result.warnings.every((w) => w.path.startsWith(`${EXPENDITURE}!`))).toBe(true);
  });

  it('numbers as WPS and Excel leave them: "1,234.50", "-" and a blank', async () => {
    const result = await edited((workbook) => {
      const expenditure = sheet(workbook, EXPENDITURE);
      expenditure.getCell('D9').value = '1,234.50';
      expenditure.getCell('D17').value = '-'; // 2101199 其他行政事业单位医疗支出 0.77
      expenditure.getCell('D16').value = null; // 2101103 公务员医疗补助 16.46
      expenditure.getCell('D15').value = { formula: 'D24+4.44', result: 9.58 }; // unchanged 事业单位医疗
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.changes).toEqual([
      { table: 'expenditure', row: '2010350', column: 'basic', amount: '1234.50' },
      { table: 'expenditure', row: '2101103', column: 'basic', amount: null },
      { table: 'expenditure', row: '2101199', column: 'basic', amount: null },
    ]);
  });

  it('text in a number cell is an error naming the sheet and cell, and nothing else is taken', async () => {
    const result = await edited((workbook) => {
      const expenditure = sheet(workbook, EXPENDITURE);
      expenditure.getCell('D9').value = '二百一十五';
      expenditure.getCell('D12').value = 18.61;
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: `${EXPENDITURE}!D9`, message: '不是数字：金额须为最多两位小数的数字（单位：万元），如 "2882.93"' }],
      errorCount: 1,
      warnings: [],
    });
  });

  it('figures the core refuses: three decimals, a negative, a date', async () => {
    const result = await edited((workbook) => {
      const expenditure = sheet(workbook, EXPENDITURE);
      expenditure.getCell('D9').value = 214.655;
      expenditure.getCell('D12').value = -1;
      expenditure.getCell('D15').value = new Date(Date.UTC(2021, 11, 31));
      // After loading, cells share style objects: give this one its own.
      expenditure.getCell('D15').style = { ...expenditure.getCell('D15').style, numFmt: 'yyyy-mm-dd' };
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: `${EXPENDITURE}!D9`, message: '最多两位小数（单位：万元）' },
      { path: `${EXPENDITURE}!D12`, message: '不能为负数（只有结转和结余可为负数）' },
      { path: `${EXPENDITURE}!D15`, message: '不是数字（是日期）：请把单元格格式设为“数值”后填写金额（单位：万元），如 2882.93；无数留空' },
    ]);
  });

  it('caps the errors at 100 and counts them all', async () => {
    const result = await edited((workbook) => {
      for (const name of template.order.map((kind) => workbook.worksheets[template.order.indexOf(kind)]?.name ?? '')) {
        const s = sheet(workbook, name);
        s.eachRow((row) => row.eachCell((cell) => { if (cell.protection?.locked === false && cell.numFmt !== '@') cell.value = 'x'; }));
      }
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ERRORS);
    expect(result.errorCount).toBeGreaterThan(MAX_ERRORS);
    expect(result.errors.every((e) => /^表\d [^!]+![A-Z]+\d+$/.test(e.path))).toBe(true);
  });

  describe('a row added under class 201', () => {
    const shipped = shippedCatalogues().find((c) => c.year === 2021 && c.kind === 'functional');
    if (!shipped) throw new Error('no shipped 2021 functional catalogue');
    const addRow = (workbook: ExcelJS.Workbook) => {
      const expenditure = sheet(workbook, EXPENDITURE);
      expenditure.getCell('A25').value = '2010301';
      expenditure.getCell('B25').value = '行政运行';
      expenditure.getCell('D25').value = 10;
    };

    it('is refused while 2010301 is not in the 2021 catalogue', async () => {
      const result = await edited(addRow);
      expect(result).toMatchObject({
        ok: false,
        errors: [{ path: `${EXPENDITURE}!A25`, message: '功能分类科目编码 2010301 不在 2021 年度科目表中：请核对编码，或先导入本年度科目表' }],
      });
    });

    describe('with 2010301 行政运行 in the catalogue', () => {
      beforeAll(() => { registerCatalogue({ ...shipped, subjects: [...shipped.subjects, { code: '2010301', name: '行政运行' }] }); });
      afterAll(() => { registerCatalogue(shipped); });

      it('becomes a change of the new row; saved, 基本支出 合计 becomes 298.90', async () => {
        const result = await edited(addRow);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.changes).toEqual([{ table: 'expenditure', row: '2010301', column: 'basic', amount: '10.00' }]);
        expect(result.diff[0]).toMatchObject({ sheet: EXPENDITURE, cell: 'D25', before: null, after: '10.00' });
        const saved = structuredClone(doc);
        applyCellValues(saved, result.changes);
        applyCellValues(saved, deriveCells(saved));
        expect(parseFinalAccounts(saved).ok).toBe(true);
        const rows = saved.tables.expenditure.rows;
        expect(rows.find((r) => r.row === 'total')?.cells.basic).toBe('298.90');
        expect(rows.find((r) => r.row === '2010301')).toEqual({ row: '2010301', name: '行政运行', cells: { basic: '10.00', total: '10.00' } });
      });

      it('typed in Excel, the totals take it at once and nothing is stale', async () => {
        const result = await edited((workbook) => {
          addRow(workbook);
          recalculate(workbook);
          const expenditure = sheet(workbook, EXPENDITURE);
          // 合计 of the new line, 201, 20103 and 基本支出 合计 all count the 10.00.
          expect(['C25', 'D7', 'D8', 'D6', 'C6'].map((a) => evaluate(expenditure, a))).toEqual([10, 224.65, 224.65, 298.9, 2892.93]);
        });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.changes).toEqual([{ table: 'expenditure', row: '2010301', column: 'basic', amount: '10.00' }]);
        expect(result.warnings).toEqual([]);
      });

      it('a code already listed, a code without figures, figures without a code', async () => {
        const result = await edited((workbook) => {
          const expenditure = sheet(workbook, EXPENDITURE);
          expenditure.getCell('A25').value = '2010350';
          expenditure.getCell('D25').value = 1;
          expenditure.getCell('A26').value = '2010301';
          expenditure.getCell('D27').value = 2;
        });
        expect(result).toMatchObject({
          ok: false,
          errors: [
            { path: `${EXPENDITURE}!A25`, message: `本表已有科目 2010350（${EXPENDITURE} 第 9 行）：请在那一行填写` },
            { path: `${EXPENDITURE}!A27`, message: `同一行填了金额（${EXPENDITURE}!D27），但没有填写功能分类科目编码：请填写编码，或删去金额` },
          ],
          warnings: [{ path: `${EXPENDITURE}!A26`, message: '科目 2010301 没有填写金额，未添加' }],
        });
      });
    });
  });

  it('a missing sheet, a missing map and a file that is not a workbook are named', async () => {
    expect(await edited((workbook) => { workbook.removeWorksheet(sheet(workbook, EXPENDITURE).id); })).toMatchObject({
      ok: false, errors: [{ path: EXPENDITURE, message: expect.stringContaining('找不到此工作表') as unknown }],
    });
    expect(await edited((workbook) => { workbook.removeWorksheet(sheet(workbook, MAP_SHEET).id); })).toMatchObject({
      ok: false, errors: [{ path: MAP_SHEET }],
    });
    expect(await readEntryWorkbook(new TextEncoder().encode('科目,金额'), doc, template)).toMatchObject({
      ok: false, errors: [{ path: WORKBOOK, message: expect.stringContaining('不是有效的 XLSX 文件') as unknown }],
    });
  });
});
