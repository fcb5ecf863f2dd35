// The entry workbook's round trip through the entry actions, on a real database: the workbook
// downloaded from the stored draft previews as no change; one edited with exceljs previews as
// exactly that change and stores nothing; applying it is saveCells's own write with its audit
// row; who may preview (no session, another department, a reviewer); a wrong cell by sheet!cell.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateFor } from '../../lib/accounts/templates';
import { saveCells } from '../../lib/data/accounts-write';
import type { Actor } from '../../lib/data/actor';
import { readEntry } from '../../lib/data/entry';
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
