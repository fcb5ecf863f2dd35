// The entry workbook's round trip through the entry actions, on a real database: the workbook
// downloaded from the stored draft previews as no change; one edited with exceljs previews as
// exactly that change and stores nothing; applying it is saveCells's own write with its audit
// row; who may preview (no session, another department, a reviewer); a wrong cell by sheet!cell.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNarrative } from '../../lib/accounts/narrative';
import { templateFor } from '../../lib/accounts/templates';
import { saveCells } from '../../lib/data/accounts-write';
import type { Actor } from '../../lib/data/actor';
import { readEntry, startYear } from '../../lib/data/entry';
import { previewWorkbook } from '../../lib/data/entry-workbook';
import { disconnectPrisma } from '../../lib/db';
import { entryWorkbook } from '../../lib/export/entry-workbook';
import { loadWorkbook } from '../../lib/import/workbook-bytes';
import { createActor, departmentWithAccounts, notFound, snapshot, unauthenticated, type Organisation } from './entry-fixtures';
import { createOrganisation } from './fixtures';

afterAll(disconnectPrisma);

const EXPENDITURE = '表3 支出决算表';

let orgA: Organisation;
let orgB: Organisation;

beforeAll(async () => {
  orgA = await createOrganisation(2021);
  orgB = await createOrganisation(2021);
});

/** The entry workbook of the stored accounts, as the download makes it, edited by `edit`. */
async function storedWorkbook(actor: Actor, id: string, edit?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const read = await readEntry(actor, id);
  if (!read.ok) throw new Error(read.message);
  const doc = read.data.accounts.document;
  const bytes = await entryWorkbook(doc, templateFor(doc.template));
  if (!edit) return bytes;
  const workbook = await loadWorkbook(bytes);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function form(id: string, version: number | string, bytes?: Uint8Array): FormData {
  const data = new FormData();
  data.set('finalAccountsId', id);
  data.set('expectedVersion', String(version));
  if (bytes) data.set('file', new File([new Uint8Array(bytes)], '填报工作簿.xlsx'));
  return data;
}

const edited = (workbook: ExcelJS.Workbook) => { workbook.getWorksheet(EXPENDITURE)!.getCell('D9').value = 215.65; };

describe('previewing and applying an entry workbook', () => {
  it('previews the downloaded workbook as no change', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const result = await previewWorkbook(accountant, form(id, 1, await storedWorkbook(accountant, id)));
    expect(result).toEqual({ ok: true, data: { version: 1, changes: [], diff: [], warnings: [] } });
  });

  it('previews 2010350 基本支出 214.65 → 215.65 as that one change, stores nothing; saveCells then writes it with one audit row', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    const result = await previewWorkbook(accountant, form(id, 1, await storedWorkbook(accountant, id, edited)));
    if (!result.ok) throw new Error(result.message);
    expect(result.data.changes).toEqual([{ table: 'expenditure', row: '2010350', column: 'basic', amount: '215.65' }]);
    expect(result.data.diff).toEqual([{ sheet: EXPENDITURE, cell: 'D9', table: 'expenditure', row: '2010350', column: 'basic', before: '214.65', after: '215.65' }]);
    // The workbook's cached 合计 still says 288.90 (exceljs does not recalculate): a warning, not a change.
    expect(result.data.warnings).toContainEqual({ path: `${EXPENDITURE}!D6`, message: '此数由系统按明细计算：工作簿中为 288.90，按明细应为 289.90，导入后按计算数保存' });
    // The check engine on the draft as the import would leave it: 表1 no longer agrees with 表3 (差 1.00), and the narrative's 288.9 no longer holds.
    expect(result.data.checks?.before).toEqual({ blocking: 2, warnings: 9 });
    expect(result.data.checks?.after).toEqual({ blocking: 5, warnings: 11 });
    expect(result.data.checks?.added.map((f) => f.message)).toContain('表1 第57行「本年支出合计」 2,882.93 ≠ 表3 合计行 本年支出合计 2,883.93，差 1.00');
    expect(result.data.checks?.added.map((f) => f.message)).toContain('说明称“基本支出288.9万元”，支出决算表（表3） 合计行 基本支出 为 289.90 万元，差 1.00 万元');
    // The seed's narrative is the published wording, not generated: no sentence moves.
    expect(result.data.sections).toBeUndefined();
    expect(await snapshot(id)).toEqual(before);

    const saved = await saveCells(accountant, { finalAccountsId: id, expectedVersion: result.data.version, changes: result.data.changes });
    expect(saved).toEqual({ ok: true, data: { version: 2 } });
    const after = await snapshot(id);
    expect(after.version).toBe(2);
    expect(after.audits).toBe(before.audits + 1);
    expect(after.figures).toMatchObject({ 'expenditure:2010350:basic': '215.65', 'expenditure:total:basic': '289.90', 'expenditure:total:total': '2883.93' });
    // The same workbook again is no change now.
    expect(await previewWorkbook(accountant, form(id, 2, await storedWorkbook(accountant, id, edited)))).toMatchObject({ ok: true, data: { version: 2, changes: [], diff: [] } });
  });

  it('moves the generated sentences of a new year\'s narrative with the imported figures, as the entry page does', async () => {
    const { accountant, departmentId } = await departmentWithAccounts(orgA, { status: 'APPROVED' });
    const started = await startYear(accountant, { departmentId, fiscalYear: 2022 });
    if (!started.ok) throw new Error(started.message);
    const id = started.data.finalAccountsId;
    const opened = await readEntry(accountant, id);
    if (!opened.ok) throw new Error(opened.message);
    // She opens 情况说明 and saves the sentences drafted from the figures (the page fills an empty narrative so).
    const drafted = generateNarrative(opened.data.accounts.document, templateFor('hubei-2022'));
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [], sections: { narrative: drafted } })).toMatchObject({ ok: true, data: { version: 2 } });
    const draft = await readEntry(accountant, id);
    if (!draft.ok) throw new Error(draft.message);
    const result = await previewWorkbook(accountant, form(id, 2, await storedWorkbook(accountant, id, (workbook) => {
      const expenditure = workbook.getWorksheet(EXPENDITURE)!;
      // The first entry line of 表3 (its 基本支出), whatever the 2022 layout puts there.
      const map = workbook.getWorksheet('填报模板信息')!;
      let address = '';
      map.eachRow((row) => {
        const cell = row.getCell(2).value;
        if (!address && row.getCell(1).value === EXPENDITURE && row.getCell(5).value === 'basic' && row.getCell(6).value === 'entry' && typeof cell === 'string') address = cell;
      });
      expenditure.getCell(address).value = 123.45;
    })));
    if (!result.ok) throw new Error(result.message);
    expect(result.data.changes).toHaveLength(1);
    expect(result.data.narrativeSections?.length).toBeGreaterThan(0);
    const narrative = result.data.sections?.narrative ?? [];
    expect(narrative.map((s) => s.text).join('')).toContain('123.45');
    expect(draft.data.accounts.document.narrative.map((s) => s.text).join('')).not.toContain('123.45');
    const saved = await saveCells(accountant, { finalAccountsId: id, expectedVersion: 2, changes: result.data.changes, sections: result.data.sections });
    expect(saved).toMatchObject({ ok: true, data: { version: 3 } });
    const after = await readEntry(accountant, id);
    if (!after.ok) throw new Error(after.message);
    expect(after.data.accounts.document.narrative).toEqual(narrative);
  });

  it('a preview of an older version is stale; applying changes previewed before another save is stale too', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const preview = await previewWorkbook(accountant, form(id, 1, await storedWorkbook(accountant, id, edited)));
    if (!preview.ok) throw new Error(preview.message);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 1, changes: [{ table: 'expenditure', row: '2101102', column: 'basic', amount: '9.60' }] })).toMatchObject({ ok: true });
    const before = await snapshot(id);
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: preview.data.version, changes: preview.data.changes })).toMatchObject({ ok: false, code: 'stale' });
    expect(await previewWorkbook(accountant, form(id, 1, await storedWorkbook(accountant, id)))).toMatchObject({ ok: false, code: 'stale' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses without a session, another department (not found) and a reviewer (forbidden)', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const bytes = await storedWorkbook(accountant, id, edited);
    const before = await snapshot(id);
    expect(await previewWorkbook(null, form(id, 1, bytes))).toEqual(unauthenticated);
    const { accountant: other } = await departmentWithAccounts(orgB);
    expect(await previewWorkbook(other, form(id, 1, bytes))).toEqual(notFound);
    const reviewer = await createActor('REVIEWER', orgA);
    expect(await previewWorkbook(reviewer, form(id, 1, bytes))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('names a text in a number cell by sheet!cell, and refuses a missing file, an empty one, one over 5 MB and a bad version', async () => {
    const { id, accountant } = await departmentWithAccounts(orgA);
    const before = await snapshot(id);
    const text = await storedWorkbook(accountant, id, (workbook) => { workbook.getWorksheet(EXPENDITURE)!.getCell('D9').value = '二百一十五'; });
    expect(await previewWorkbook(accountant, form(id, 1, text))).toEqual({
      ok: false, code: 'invalid', message: '工作簿有 1 处错误，未导入任何数字',
      fieldErrors: [{ path: `${EXPENDITURE}!D9`, message: '不是数字：金额须为最多两位小数的数字（单位：万元），如 "2882.93"' }],
    });
    expect(await previewWorkbook(accountant, form(id, 1))).toMatchObject({ ok: false, code: 'invalid', message: '请选择要导入的工作簿文件' });
    expect(await previewWorkbook(accountant, form(id, 1, new Uint8Array(0)))).toMatchObject({ ok: false, code: 'invalid', message: '上传的文件是空的' });
    expect(await previewWorkbook(accountant, form(id, 1, new Uint8Array(5 * 1024 * 1024 + 1)))).toMatchObject({ ok: false, code: 'invalid', message: '文件超过 5 MB，不是本系统的填报工作簿' });
    expect(await previewWorkbook(accountant, form(id, 'x', text))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'expectedVersion' }] });
    expect(await previewWorkbook(accountant, form(id, 1, new TextEncoder().encode('not a workbook')))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: '工作簿' }] });
    expect(await snapshot(id)).toEqual(before);
  });
});
