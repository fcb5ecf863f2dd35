// Set-up shared by the entry action tests: actors of each role in an organisation of their own,
// accounts from the seed document in a department of that organisation, and a snapshot of
// everything a write may change, to prove a refused write changed nothing.
import { randomUUID } from 'node:crypto';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { createFinalAccounts } from '../../lib/data/accounts-store';
import { loadActor, type Actor } from '../../lib/data/actor';
import type { AccountsStatus } from '../../lib/generated/prisma/enums';
import { db, seedDocument, type createOrganisation } from './fixtures';

export type Organisation = Awaited<ReturnType<typeof createOrganisation>>;

/** A user of `role`; an accountant is a member of the given departments (default: the organisation's). */
export async function createActor(role: Actor['role'], org: Organisation, departmentIds: string[] = [org.department.id]): Promise<Actor> {
  const user = await db().user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`, displayName: `测试${role}`, passwordHash: 'not-a-hash', role,
      districtId: role === 'ACCOUNTANT' ? null : org.district.id,
      memberships: role === 'ACCOUNTANT' ? { create: departmentIds.map((departmentId) => ({ departmentId })) } : undefined,
    },
  });
  const actor = await loadActor(db(), user.id);
  if (!actor) throw new Error('actor not loaded');
  return actor;
}

/** Stores `document` (default: the seed's) as the department accounts of `departmentId`. */
export async function createAccounts(departmentId: string, options: { status?: AccountsStatus; document?: TFinalAccounts } = {}): Promise<string> {
  const document = options.document ?? seedDocument();
  const created = await db().$transaction((tx) => createFinalAccounts(tx, { departmentId, document, status: options.status ?? 'DRAFT' }));
  return created.id;
}

/** A new department of the organisation, its accounts (seed document by default) and an accountant of it. */
export async function departmentWithAccounts(org: Organisation, options: { status?: AccountsStatus; document?: TFinalAccounts } = {}) {
  const department = await db().department.create({ data: { districtId: org.district.id, name: `测试部门 ${randomUUID().slice(0, 8)}` } });
  const id = await createAccounts(department.id, options);
  return { id, departmentId: department.id, accountant: await createActor('ACCOUNTANT', org, [department.id]) };
}

/** Everything a write on the accounts may change: figures, version, status, skeleton, explanations, revisions, audit rows. */
export async function snapshot(id: string) {
  const figures = await db().figure.findMany({ where: { finalAccountsId: id } });
  const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id }, select: { version: true, status: true, document: true, submittedAt: true } });
  const explanations = await db().checkExplanation.findMany({ where: { finalAccountsId: id }, select: { rule: true, anchor: true, text: true }, orderBy: [{ rule: 'asc' }, { anchor: 'asc' }] });
  return {
    ...accounts,
    figures: Object.fromEntries(figures.map((f) => [`${f.table}:${f.row}:${f.column}`, f.amount.toFixed(2)])),
    explanations,
    revisions: await db().finalAccountsRevision.count({ where: { finalAccountsId: id } }),
    audits: await db().auditEvent.count({ where: { finalAccountsId: id } }),
  };
}

export const notFound = { ok: false, code: 'not_found', message: '没有找到该决算，或您无权访问' } as const;
export const unauthenticated = { ok: false, code: 'unauthenticated', message: '请先登录' } as const;

/**
 * The seed's 表3 2101102 基本支出 9.58 → 9.60 and the cells it feeds (its 合计, 款 21011, 类 210 and
 * the 合计 row), before and after: what one edit writes.
 */
export const BASIC_EDIT = {
  change: { table: 'expenditure', row: '2101102', column: 'basic', amount: '9.60' },
  before: {
    'expenditure:2101102:basic': '9.58', 'expenditure:2101102:total': '9.58',
    'expenditure:21011:basic': '26.81', 'expenditure:21011:total': '26.81', 'expenditure:210:basic': '26.81', 'expenditure:210:total': '26.81',
    'expenditure:total:basic': '288.90', 'expenditure:total:total': '2882.93',
  },
  after: {
    'expenditure:2101102:basic': '9.60', 'expenditure:2101102:total': '9.60',
    'expenditure:21011:basic': '26.83', 'expenditure:21011:total': '26.83', 'expenditure:210:basic': '26.83', 'expenditure:210:total': '26.83',
    'expenditure:total:basic': '288.92', 'expenditure:total:total': '2882.95',
  },
} as const;
