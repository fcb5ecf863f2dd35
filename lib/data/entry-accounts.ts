// The final accounts an accountant may enter: those of her departments, any status, and per
// department the fiscal years she can start (a template of the department's layout and a
// catalogue exist, no accounts yet), for the list page's 开始填报. Server-only; scoped to the
// actor, so another department's accounts never appear. Reviewers and admins enter nothing.
import { isEditable, STATUS_LABELS } from '../accounts/workflow';
import { getPrisma, type Db } from '../db';
import type { Actor } from './actor';
import { DEPARTMENT_SCOPE } from './accounts-store';
import { departmentFamilies, startableYears } from './entry-years';
import { statusFromDb } from './workflow-store';

export interface EntryAccountsItem {
  id: string;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  /** The status in Chinese, as the workflow names it ("填报中", "已公开", …). */
  statusLabel: string;
  /** Draft or returned: the accountant may change it. */
  isEditable: boolean;
}

export interface StartableDepartment {
  departmentId: string;
  departmentName: string;
  /** Newest first; empty when every year of the layout is started (or none has a template). */
  fiscalYears: number[];
}

export async function listEntryAccounts(actor: Actor, db: Db = getPrisma()): Promise<EntryAccountsItem[]> {
  if (actor.role !== 'ACCOUNTANT' || actor.departmentIds.length === 0) return [];
  const rows = await db.finalAccounts.findMany({
    where: { departmentId: { in: [...actor.departmentIds] }, level: 'DEPARTMENT' },
    select: { id: true, departmentId: true, fiscalYear: true, status: true, department: { select: { name: true } } },
    orderBy: [{ fiscalYear: 'desc' }, { department: { name: 'asc' } }],
  });
  return rows.map((row) => {
    const status = statusFromDb(row.status);
    return {
      id: row.id, departmentId: row.departmentId, departmentName: row.department.name, fiscalYear: row.fiscalYear,
      statusLabel: STATUS_LABELS[status], isEditable: isEditable(status),
    };
  });
}

/** For each of the accountant's departments (by name), the years startYear would accept. */
export async function listStartableYears(actor: Actor, db: Db = getPrisma()): Promise<StartableDepartment[]> {
  if (actor.role !== 'ACCOUNTANT' || actor.departmentIds.length === 0) return [];
  const [departments, existing, families] = await Promise.all([
    db.department.findMany({ where: { id: { in: [...actor.departmentIds] } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.finalAccounts.findMany({ where: { departmentId: { in: [...actor.departmentIds] }, scope: DEPARTMENT_SCOPE }, select: { departmentId: true, fiscalYear: true } }),
    departmentFamilies(db, actor.departmentIds),
  ]);
  return departments.map((department) => {
    const family = families.get(department.id);
    const years = new Set(existing.filter((e) => e.departmentId === department.id).map((e) => e.fiscalYear));
    return { departmentId: department.id, departmentName: department.name, fiscalYears: family ? startableYears(family, years) : [] };
  });
}
