// Starting a year through startYear: a department with approved accounts of last year gets a
// draft of this year's template in its layout whose opening balances are last year's closing
// balances and whose prior-year figures are last year's; starting twice is a conflict; a year
// without a template is refused in words; the list page offers exactly the startable years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { cellAmount, FIXED_BALANCE_LINKS } from '../../lib/accounts/year-links';
import { recordRevision } from '../../lib/data/accounts-store';
import { listStartableYears } from '../../lib/data/entry-accounts';
import { readEntry, startYear } from '../../lib/data/entry';
import { disconnectPrisma } from '../../lib/db';
import { createActor, departmentWithAccounts, type Organisation } from './entry-fixtures';
import { createOrganisation, db, seedDocument, shanghaiDocuments, withCanonicalAmounts } from './fixtures';

afterAll(disconnectPrisma);

let hubei: Organisation;
let shanghai: Organisation;
beforeAll(async () => {
  hubei = await createOrganisation(2021);
  shanghai = await createOrganisation(2024);
});

async function startedDraft(actor: Parameters<typeof startYear>[0], departmentId: string, fiscalYear: number) {
  const started = await startYear(actor, { departmentId, fiscalYear });
  if (!started.ok) throw new Error(started.message);
  const entry = await readEntry(actor, started.data.finalAccountsId);
  if (!entry.ok) throw new Error(entry.message);
  return { id: started.data.finalAccountsId, ...entry.data };
}

const balances = (doc: TFinalAccounts, side: 'opening' | 'closing') => FIXED_BALANCE_LINKS.map((link) => cellAmount(doc, link[side]));

describe('startYear', () => {
  it('starts 2022 of a department with approved 2021 accounts as a hubei-2022 draft continuing 2021', async () => {
    const { accountant, departmentId } = await departmentWithAccounts(hubei, { status: 'APPROVED' });
    const draft = await startedDraft(accountant, departmentId, 2022);
    const previous = withCanonicalAmounts(seedDocument());
    expect(draft.accounts).toMatchObject({ departmentId, status: 'DRAFT', version: 1, document: { template: 'hubei-2022', fiscalYear: 2022, department: previous.department } });
    expect(draft.previousYear).toEqual(previous);
    expect(balances(draft.accounts.document, 'opening')).toEqual(balances(previous, 'closing'));
    // 2021: 收、支总计 2,882.93, 表5 合计 2,882.93, 机关运行经费 25.88; 三公 all 0.
    expect(draft.accounts.document.comparisons.priorYear).toMatchObject({
      totalIncomeExpenditure: '2882.93', appropriationIncomeExpenditure: '2882.93', appropriationExpenditure: '2882.93', agencyOperatingCosts: '25.88',
    });
    // The 2022 catalogue (carried from 2021's document until the official list is imported) has 39 subjects.
    expect(draft.functionalSubjects).toHaveLength(39);
    expect(draft.functionalSubjects.find((s) => s.code === '2150502')).toEqual({ code: '2150502', name: '一般行政管理事务', level: 'item' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { finalAccountsId: draft.id } });
    expect(audit).toMatchObject({ action: 'finalAccounts.start', actorId: accountant.id, after: { status: 'DRAFT', version: 1, template: 'hubei-2022', continues: 2021 } });
  });

  it('carries 上海市普陀区财政局’s 2024 closing balances (55.34, 财政拨款 21.63) into its 2025 opening balances', async () => {
    const [financeBureau] = shanghaiDocuments();
    const { accountant, departmentId } = await departmentWithAccounts(shanghai, { status: 'PUBLISHED', document: financeBureau });
    const draft = await startedDraft(accountant, departmentId, 2025);
    expect(draft.accounts.document.template).toBe('shanghai-2025');
    const opening = balances(draft.accounts.document, 'opening');
    expect(opening).toEqual(balances(withCanonicalAmounts(financeBureau!), 'closing'));
    expect(opening.slice(0, 3)).toEqual(['55.34', '21.63', '21.63']);
  });

  it('continues the last approved revision while a correction of last year is in progress', async () => {
    const corrected = seedDocument();
    const { accountant, departmentId, id } = await departmentWithAccounts(hubei, { status: 'DRAFT', document: corrected });
    const published = withCanonicalAmounts(seedDocument());
    published.agencyOperatingCosts = '30.00';
    await db().$transaction((tx) => recordRevision(tx, { finalAccountsId: id, version: 1, status: 'PUBLISHED', document: published }));
    const draft = await startedDraft(accountant, departmentId, 2022);
    expect(draft.previousYear?.agencyOperatingCosts).toBe('30.00');
    expect(draft.accounts.document.comparisons.priorYear?.agencyOperatingCosts).toBe('30.00');
  });

  it('refuses to start a year twice, and a year without a template of the layout, writing nothing', async () => {
    const { accountant, departmentId } = await departmentWithAccounts(hubei, { status: 'APPROVED' });
    expect(await startYear(accountant, { departmentId, fiscalYear: 2021 })).toEqual({ ok: false, code: 'conflict', message: '本部门 2021 年度决算已经开始填报，请在列表中打开' });
    // Two starts at once: one draft, and the other is told it exists.
    const race = await Promise.all([startYear(accountant, { departmentId, fiscalYear: 2022 }), startYear(accountant, { departmentId, fiscalYear: 2022 })]);
    expect(race.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['conflict', 'ok']);
    expect(await startYear(accountant, { departmentId, fiscalYear: 2022 })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await startYear(accountant, { departmentId, fiscalYear: 2023 })).toMatchObject({
      ok: false, code: 'invalid', message: '还没有 2023 年度的湖北省武汉市区级部门决算公开格式，暂不能开始填报该年度',
    });
    expect(await startYear(accountant, { departmentId, fiscalYear: 1999 })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db().finalAccounts.count({ where: { departmentId } })).toBe(2);
  });

  it('tells a department in a district without any accounts why it cannot start', async () => {
    const lonely = await createOrganisation(2021);
    const accountant = await createActor('ACCOUNTANT', lonely);
    expect(await startYear(accountant, { departmentId: lonely.department.id, fiscalYear: 2021 })).toMatchObject({
      ok: false, code: 'invalid', message: '无法确定本部门使用的报表格式：本部门和本地区都还没有决算，请联系管理员',
    });
    expect(await listStartableYears(accountant)).toEqual([{ departmentId: lonely.department.id, departmentName: lonely.department.name, fiscalYears: [] }]);
  });
});

describe('listStartableYears', () => {
  it('offers 2022 to a department with 2021 accounts, and nothing once 2022 is started; a new department of the district gets its layout’s years', async () => {
    const { accountant, departmentId } = await departmentWithAccounts(hubei, { status: 'APPROVED' });
    const name = (await db().department.findUniqueOrThrow({ where: { id: departmentId } })).name;
    expect(await listStartableYears(accountant)).toEqual([{ departmentId, departmentName: name, fiscalYears: [2022] }]);
    await startYear(accountant, { departmentId, fiscalYear: 2022 });
    expect(await listStartableYears(accountant)).toEqual([{ departmentId, departmentName: name, fiscalYears: [] }]);

    // The organisation's own department has no accounts: its district reports in the hubei layout.
    const newcomer = await createActor('ACCOUNTANT', hubei);
    expect(await listStartableYears(newcomer)).toEqual([{ departmentId: hubei.department.id, departmentName: hubei.department.name, fiscalYears: [2022, 2021] }]);
    const draft = await startedDraft(newcomer, hubei.department.id, 2021);
    expect(draft.accounts.document).toMatchObject({ template: 'hubei-2021', department: { name: hubei.department.name, district: hubei.district.name } });
    expect(draft.previousYear).toBeUndefined();
    expect(await listStartableYears(await createActor('REVIEWER', hubei))).toEqual([]);
  });
});
