// The save actions called directly, as the 'use server' wrappers will call them, against the
// real database: who may save what, in which status, at which version, with which input, what
// the audit log keeps, and what a burst of concurrent saves of one accounts leaves behind.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { readFinalAccountsFor, saveCells, saveDocument } from '../../lib/data/accounts-write';
import { loadActor, type Actor } from '../../lib/data/actor';
import { disconnectPrisma } from '../../lib/db';
import type { AccountsStatus } from '../../lib/generated/prisma/enums';
import { createOrganisation, db, seedDocument } from './fixtures';

afterAll(disconnectPrisma);

type Organisation = Awaited<ReturnType<typeof createOrganisation>>;

async function createActor(role: Actor['role'], org: Organisation): Promise<Actor> {
  const user = await db().user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`, displayName: `测试${role}`, passwordHash: 'not-a-hash', role,
      districtId: role === 'ACCOUNTANT' ? null : org.district.id,
      memberships: role === 'ACCOUNTANT' ? { create: { departmentId: org.department.id } } : undefined,
    },
  });
  const actor = await loadActor(db(), user.id);
  if (!actor) throw new Error('actor not loaded');
  return actor;
}

/** Accounts of a new department in the organisation's district; accountant A is a member in organisation A. */
async function newAccounts(org: Organisation, status: AccountsStatus = 'DRAFT'): Promise<string> {
  const department = await db().department.create({ data: { districtId: org.district.id, name: `测试部门 ${randomUUID().slice(0, 8)}` } });
  if (org === orgA) {
    await db().departmentMembership.create({ data: { userId: accountantA.id, departmentId: department.id } });
    accountantA = (await loadActor(db(), accountantA.id)) ?? accountantA;
  }
  const created = await db().$transaction((tx) => createFinalAccounts(tx, { departmentId: department.id, document: seedDocument(), status }));
  return created.id;
}

/** Every figure of the accounts as "table:row:column" → amount text, and the version. */
async function snapshot(id: string) {
  const figures = await db().figure.findMany({ where: { finalAccountsId: id } });
  const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return {
    version: accounts.version,
    figures: Object.fromEntries(figures.map((f) => [`${f.table}:${f.row}:${f.column}`, f.amount.toFixed(2)])),
    audits: await db().auditEvent.count({ where: { finalAccountsId: id } }),
  };
}

const BASIC = { table: 'expenditure', row: '2101102', column: 'basic' } as const;
const TOTAL = { table: 'expenditure', row: '2101102', column: 'total' } as const;
const OTHER_BASIC = { table: 'expenditure', row: '2101103', column: 'basic' } as const;

let orgA: Organisation;
let orgB: Organisation;
let accountantA: Actor;
let reviewerA: Actor;
let adminA: Actor;

beforeAll(async () => {
  orgA = await createOrganisation(2021);
  orgB = await createOrganisation(2021);
  accountantA = await createActor('ACCOUNTANT', orgA);
  reviewerA = await createActor('REVIEWER', orgA);
  adminA = await createActor('ADMIN', orgA);
});

describe('saveCells: who may save', () => {
  it('refuses every call without an actor, and changes nothing', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const results = [
      await saveCells(null, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] }),
      await saveCells(null, 'garbage'),
      await saveDocument(null, { finalAccountsId: id, expectedVersion: 1, document: seedDocument() }),
      await readFinalAccountsFor(null, id),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, code: 'unauthenticated', message: '请先登录' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('lets an accountant of department A neither read nor change department B: not found, as for an id that does not exist', async () => {
    const idB = await newAccounts(orgB);
    const before = await snapshot(idB);
    const notFound = { ok: false, code: 'not_found', message: '没有找到该决算，或您无权访问' };
    expect(await readFinalAccountsFor(accountantA, idB)).toEqual(notFound);
    expect(await saveCells(accountantA, { finalAccountsId: idB, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] })).toEqual(notFound);
    expect(await saveDocument(accountantA, { finalAccountsId: idB, expectedVersion: 1, document: seedDocument() })).toEqual(notFound);
    expect(await saveCells(accountantA, { finalAccountsId: randomUUID(), expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] })).toEqual(notFound);
    expect(await readFinalAccountsFor(reviewerA, idB)).toEqual(notFound);
    expect(await snapshot(idB)).toEqual(before);
    const ownId = await newAccounts(orgA);
    const own = await readFinalAccountsFor(accountantA, ownId);
    expect(own.ok && own.data.document.tables.expenditure.rows.find((r) => r.row === '2101102')?.cells.basic).toBe('9.58');
  });

  it('lets a reviewer or admin read but never edit figures', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    for (const actor of [reviewerA, adminA]) {
      expect(await readFinalAccountsFor(actor, id)).toMatchObject({ ok: true, data: { version: 1, status: 'DRAFT' } });
      expect(await saveCells(actor, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] }))
        .toMatchObject({ ok: false, code: 'forbidden' });
      expect(await saveDocument(actor, { finalAccountsId: id, expectedVersion: 1, document: seedDocument() }))
        .toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('saveCells: status and version', () => {
  it.each([
    ['SUBMITTED', '已上报的决算不能修改；退回后方可修改'],
    ['APPROVED', '审核通过的决算不能修改；退回后方可修改'],
    ['PUBLISHED', '已公开的决算不能修改；退回后方可修改'],
  ] as const)('refuses to edit %s accounts', async (status, message) => {
    const id = await newAccounts(orgA, status);
    const before = await snapshot(id);
    expect(await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }] }))
      .toEqual({ ok: false, code: 'conflict', message });
    expect(await saveDocument(accountantA, { finalAccountsId: id, expectedVersion: 1, document: seedDocument() }))
      .toEqual({ ok: false, code: 'conflict', message });
    expect(await snapshot(id)).toEqual(before);
  });

  it('edits returned accounts', async () => {
    const id = await newAccounts(orgA, 'RETURNED');
    expect(await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] }))
      .toMatchObject({ ok: true, data: { version: 2 } });
  });

  it('refuses a stale save with a clear message and overwrites nothing', async () => {
    const id = await newAccounts(orgA);
    expect(await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] }))
      .toMatchObject({ ok: true, data: { version: 2 } });
    const before = await snapshot(id);
    expect(await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '1.00' }, { ...TOTAL, amount: '1.00' }] }))
      .toEqual({ ok: false, code: 'stale', message: '该决算已被他人修改，请刷新后重试' });
    const doc = seedDocument();
    expect(await saveDocument(accountantA, { finalAccountsId: id, expectedVersion: 1, document: doc }))
      .toEqual({ ok: false, code: 'stale', message: '该决算已被他人修改，请刷新后重试' });
    expect(await snapshot(id)).toEqual(before);
    expect(before.figures['expenditure:2101102:basic']).toBe('9.60');
  });
});

describe('saveCells: input', () => {
  it('writes nothing when one change among good ones is bad, and names each bad cell with what to do', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountantA, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [
        { ...BASIC, amount: '9.60' },
        { ...TOTAL, amount: '2,882.93' },
        { table: 'income', row: '2101102', column: 'total', amount: '12345678901234567' },
        { table: 'income', row: '2101102', column: 'appropriation', amount: 9.6 },
      ],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.fieldErrors).toEqual([
      { path: 'changes[1].amount', message: '支出决算表 2101102 行 total 栏：去掉千位分隔符，写成 "2882.93"（收到 "2,882.93"）' },
      { path: 'changes[2].amount', message: '收入决算表 2101102 行 total 栏：金额过大：整数部分最多 16 位（单位：万元）（收到 "12345678901234567"）' },
      { path: 'changes[3].amount', message: '收入决算表 2101102 行 appropriation 栏：金额须写成字符串，如 "2882.93"（数字会丢失精度）（收到 9.6）' },
    ]);
    expect(await snapshot(id)).toEqual(before);
  });

  it('checks every change against the template and the year’s catalogue, and writes nothing', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountantA, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [
        { ...BASIC, amount: '9.60' },
        { table: 'expenditure', row: '9999999', column: 'basic', amount: '1.00' },
        { table: 'expenditure', row: '2101102', column: 'nonsense', amount: '1.00' },
        { table: 'incomeExpenditureSummary', row: 'noSuchLine', column: 'income', amount: '1.00' },
        { ...BASIC, amount: '9.70' },
      ],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    const errors = result.ok ? [] : (result.fieldErrors ?? []);
    expect(errors.map((e) => e.path)).toEqual(['changes[1]', 'changes[2]', 'changes[3]', 'changes[4]']);
    expect(errors[0]?.message).toMatch(/支出决算表.*9999999 不在 2021 年度科目表中/);
    expect(errors[1]?.message).toMatch(/第 2101102 行没有 "nonsense" 栏/);
    expect(errors[2]?.message).toMatch(/没有行 "noSuchLine"/);
    expect(errors[3]?.message).toMatch(/支出决算表 2101102 行 basic 栏：与第 1 项修改重复/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses malformed requests', async () => {
    const id = await newAccounts(orgA);
    for (const input of [
      { finalAccountsId: 'x', expectedVersion: 1, changes: [{ ...BASIC, amount: '1' }] },
      { finalAccountsId: id, expectedVersion: 1.5, changes: [{ ...BASIC, amount: '1' }] },
      { finalAccountsId: id, expectedVersion: 1, changes: [] },
      { finalAccountsId: id, expectedVersion: 1, changes: Array.from({ length: 5001 }, () => ({ ...BASIC, amount: '1' })) },
      { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, table: 'T3', amount: '1' }] },
    ]) expect(await saveCells(accountantA, input)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('saveCells: what is written', () => {
  it('writes the edited figure and the totals it feeds, nothing else, and returns only the new version (the browser runs the checks)', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const after = await snapshot(id);
    // 9.58 → 9.60 (+0.02): its row's 合计, 款 21011 (26.81), 类 210 and the 合计 row (288.90 basic, 2,882.93 in all) follow.
    expect(after.figures).toEqual({
      ...before.figures,
      'expenditure:2101102:basic': '9.60', 'expenditure:2101102:total': '9.60',
      'expenditure:21011:basic': '26.83', 'expenditure:21011:total': '26.83', 'expenditure:210:basic': '26.83', 'expenditure:210:total': '26.83',
      'expenditure:total:basic': '288.92', 'expenditure:total:total': '2882.95',
    });
  });

  it('refuses a change to a derived cell, naming it, and writes nothing', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountantA, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [{ ...BASIC, amount: '9.60' }, { ...TOTAL, amount: '9.60' }, { table: 'expenditure', row: '21011', column: 'basic', amount: '26.83' }],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.fieldErrors).toEqual([
      { path: 'changes[1]', message: '支出决算表 2101102 行 total 栏：该数由系统根据明细数计算，不能直接填写' },
      { path: 'changes[2]', message: '支出决算表 21011 行 basic 栏：该数由系统根据明细数计算，不能直接填写' },
    ]);
    expect(await snapshot(id)).toEqual(before);
  });

  it('adds a new row, clears a cell, recomputes what they feed, and records every change with old and new values in one audit row', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const result = await saveCells(accountantA, {
      finalAccountsId: id, expectedVersion: 1,
      changes: [
        { ...BASIC, amount: '10' },
        { table: 'expenditure', row: '2101103', column: 'basic', amount: null },
        { table: 'expenditure', row: '205', column: 'project', amount: '0.50' },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    // 款 21011 = 10.00 + (2101103 now blank) + 0.77; 合计 basic 288.90 + 0.42 − 16.46, project 2,594.03 + 0.50.
    const derived = {
      'expenditure:2101102:total': ['9.58', '10.00'], 'expenditure:2101103:total': ['16.46', null],
      'expenditure:21011:basic': ['26.81', '10.77'], 'expenditure:21011:total': ['26.81', '10.77'],
      'expenditure:210:basic': ['26.81', '10.77'], 'expenditure:210:total': ['26.81', '10.77'],
      'expenditure:205:total': [null, '0.50'],
      'expenditure:total:basic': ['288.90', '272.86'], 'expenditure:total:project': ['2594.03', '2594.53'], 'expenditure:total:total': ['2882.93', '2867.39'],
    } as const;
    const changed = { 'expenditure:2101102:basic': ['9.58', '10.00'], 'expenditure:2101103:basic': ['16.46', null], 'expenditure:205:project': [null, '0.50'], ...derived } as const;
    const expected: Record<string, string> = { ...before.figures };
    for (const [key, [, after]] of Object.entries(changed)) {
      if (after === null) delete expected[key];
      else expected[key] = after;
    }
    expect((await snapshot(id)).figures).toEqual(expected);
    const events = await db().auditEvent.findMany({ where: { finalAccountsId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: accountantA.id, actorLabel: accountantA.email, action: 'figure.update', entity: 'FinalAccounts', entityId: id });
    expect(events[0]?.before).toEqual({ version: 1, cells: Object.fromEntries(Object.entries(changed).map(([key, [old]]) => [key, old])) });
    expect(events[0]?.after).toEqual({ version: 2, cells: Object.fromEntries(Object.entries(changed).map(([key, [, now]]) => [key, now])) });
    const read = await readFinalAccountsFor(accountantA, id);
    expect(read.ok && read.data.document.tables.expenditure.rows.find((r) => r.row === '205')).toMatchObject({ row: '205', name: '教育支出', cells: { project: '0.50', total: '0.50' } });
  });

  it('saves a whole document as its difference: one figure, one audit row', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    const doc = seedDocument();
    const row = doc.tables.expenditure.rows.find((r) => r.row === '2101102');
    if (row) row.cells.basic = '9.61';
    doc.narrative[0] = { heading: doc.narrative[0]?.heading ?? '', text: '改过的说明' };
    const result = await saveDocument(accountantA, { finalAccountsId: id, expectedVersion: 1, document: doc });
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await snapshot(id)).figures).toEqual({ ...before.figures, 'expenditure:2101102:basic': '9.61' });
    const stored = await db().finalAccounts.findUniqueOrThrow({ where: { id } });
    expect((stored.document as { narrative: { text: string }[] }).narrative[0]?.text).toBe('改过的说明');
    const events = await db().auditEvent.findMany({ where: { finalAccountsId: id } });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['finalAccounts.save', { version: 1, cells: { 'expenditure:2101102:basic': '9.58' } }, { version: 2, cells: { 'expenditure:2101102:basic': '9.61' }, document: true }],
    ]);
    expect(await saveDocument(accountantA, { finalAccountsId: id, expectedVersion: 2, document: { ...doc, fiscalYear: 'x' } }))
      .toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'document.fiscalYear' }] });
  });
});

describe('saveCells under concurrency', () => {
  it('answers "busy" when the accounts stay locked longer than a save will wait, and writes nothing', async () => {
    const id = await newAccounts(orgA);
    const before = await snapshot(id);
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    const holder = db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM final_accounts WHERE id = ${id}::uuid FOR UPDATE`;
      locked();
      await tx.$queryRaw`SELECT pg_sleep(3)::text`;
    }, { timeout: 15_000 });
    await isLocked;
    const result = await saveCells(accountantA, { finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: '9.60' }] });
    await holder;
    expect(result).toEqual({ ok: false, code: 'busy', message: '系统繁忙，请稍后重试' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('100 concurrent saves of one accounts end in ok, stale or busy; the figures are exactly one winner’s', async () => {
    const id = await newAccounts(orgA);
    const amount = (i: number) => `${100 + i}.25`;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => saveCells(accountantA, {
      finalAccountsId: id, expectedVersion: 1, changes: [{ ...BASIC, amount: amount(i) }, { ...OTHER_BASIC, amount: amount(i) }],
    })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => !['ok', 'stale', 'busy'].includes(c))).toEqual([]);
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const after = await snapshot(id);
    expect(after.version).toBe(2);
    expect(after.audits).toBe(1);
    expect(after.figures['expenditure:2101102:basic']).toBe(amount(winners[0] ?? -1));
    expect(after.figures['expenditure:2101103:basic']).toBe(amount(winners[0] ?? -1));
    expect(after.figures['expenditure:2101102:total']).toBe(amount(winners[0] ?? -1));
    for (const r of results) if (!r.ok) expect(r.message).toMatch(/该决算已被他人修改，请刷新后重试|系统繁忙，请稍后重试/);
  });
});
