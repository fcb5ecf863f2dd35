// Damaged entry workbooks (fast-check): cells overwritten with random strings, numbers, dates,
// formulas, booleans and error values; sheets deleted or renamed; the hidden map among them.
// readEntryWorkbook never throws, never takes a cell nobody touched, and every error names
// where: the workbook, a sheet, or "sheet!cell".
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateFor } from '../../lib/accounts/templates';
import { entryWorkbook } from '../../lib/export/entry-workbook';
import { MAP_SHEET, NEW_ROW_NAME, readEntryMap } from '../../lib/import/xlsx/entry-map';
import { readEntryWorkbook, WORKBOOK } from '../../lib/import/xlsx/entry-workbook';
import { loadSeed } from './seed-document';
import { loadWorkbook } from '../../lib/import/workbook-bytes';

const doc = loadSeed();
const template = templateFor(doc.template);

const load = loadWorkbook;

type Target = { sheet: string; address: string };
type Damage =
  | { kind: 'overwrite'; target: Target; value: ExcelJS.CellValue }
  | { kind: 'remove'; sheet: string }
  | { kind: 'rename'; sheet: string; name: string };

/** Text with no digit: never an amount. */
const NOT_A_NUMBER = ['abc', '二百一十五', '万元', 'N/A'];

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...NOT_A_NUMBER, '', '-', '—', '1,234.50', '1,23', '２０', '(5)', '1e5', '12 万元', ' 7.5 ', '0.005'),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.record({
    formula: fc.constantFrom('A1+1', 'SUM(C7:C9)', '1/0', 'D9*2'),
    result: fc.option(fc.oneof(fc.double(), fc.string({ maxLength: 6 })), { nil: undefined }),
  }) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.constant({ error: '#N/A' }),
);

describe('readEntryWorkbook on damaged workbooks', () => {
  let base: Uint8Array;
  let sheets: string[];
  let entryCells: Target[];

  beforeAll(async () => {
    base = await entryWorkbook(doc, template);
    const workbook = await load(base);
    sheets = workbook.worksheets.map((s) => s.name);
    const map = readEntryMap(workbook);
    if (!map.ok) throw new Error('the fresh workbook has no map');
    entryCells = map.map.cells.filter((c) => c.kind !== 'derived' && c.column !== NEW_ROW_NAME).map(({ sheet, address }) => ({ sheet, address }));
  });

  it('never throws, takes only touched cells, and names where every error is', async () => {
    const anyCell = fc.record({
      sheet: fc.constantFrom(...sheets),
      address: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 40 })).map(([c, r]) => `${String.fromCharCode(65 + c)}${r}`),
    });
    const damage: fc.Arbitrary<Damage> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('overwrite' as const), target: fc.oneof(anyCell, fc.constantFrom(...entryCells)), value: cellValue }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), sheet: fc.constantFrom(...sheets) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), sheet: fc.constantFrom(...sheets), name: fc.constantFrom('Sheet1', '支出', '表3', 'x') }) },
    );
    const isEntry = (t: Target) => entryCells.some((c) => c.sheet === t.sheet && c.address === t.address);
    const wellNamed = (path: string) =>
      path === WORKBOOK || path.startsWith(`${WORKBOOK}（`) || sheets.includes(path)
      || sheets.some((name) => path.startsWith(`${name}!`) && /^[A-Z]{1,3}\d+$/.test(path.slice(name.length + 1)));

    await fc.assert(fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 8 }), async (damages) => {
      const workbook = await load(base);
      const names = new Map(sheets.map((name) => [name, name])); // original → current
      for (const d of damages) {
        const current = names.get(d.kind === 'overwrite' ? d.target.sheet : d.sheet);
        const sheet = current === undefined ? undefined : workbook.getWorksheet(current);
        if (!sheet) continue;
        if (d.kind === 'overwrite') sheet.getCell(d.target.address).value = d.value;
        else if (d.kind === 'remove') {
          workbook.removeWorksheet(sheet.id);
          names.delete(d.sheet);
        } else if (!workbook.worksheets.some((s) => s.name === d.name)) {
          sheet.name = d.name;
          names.set(d.sheet, d.name);
          for (const [original, name] of names) if (name === d.name && original !== d.sheet) names.delete(original);
        }
      }
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const result = await readEntryWorkbook(bytes, doc, template);

      const touched = damages.filter((d): d is Extract<Damage, { kind: 'overwrite' }> => d.kind === 'overwrite');
      if (result.ok) {
        for (const change of result.diff) {
          expect(touched.some((d) => d.target.sheet === change.sheet && d.target.address === change.cell), `${change.sheet}!${change.cell}`).toBe(true);
        }
      } else {
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
        for (const error of result.errors) {
          expect(wellNamed(error.path), error.path).toBe(true);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }
      for (const warning of result.warnings) expect(wellNamed(warning.path), warning.path).toBe(true);

      // Text with no digit in an entry cell, on an intact workbook, is always refused there.
      const intact = damages.every((d) => d.kind === 'overwrite' && d.target.sheet !== MAP_SHEET);
      const lastWrite = new Map(touched.map((d) => [`${d.target.sheet}!${d.target.address}`, d]));
      const bad = [...lastWrite.values()].filter((d) => isEntry(d.target) && typeof d.value === 'string' && NOT_A_NUMBER.includes(d.value));
      if (intact && bad.length > 0) {
        expect(result.ok).toBe(false);
        if (!result.ok) for (const d of bad) expect(result.errors.map((e) => e.path)).toContain(`${d.target.sheet}!${d.target.address}`);
      }
    }), { numRuns: 40 });
  }, 180_000);

  it('a file that is not a workbook at all', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
      const result = await readEntryWorkbook(bytes, doc, template);
      expect(result).toMatchObject({ ok: false, errors: [{ path: WORKBOOK }] });
    }), { numRuns: 30 });
  });
});
