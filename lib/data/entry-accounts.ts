// The final accounts an accountant may enter: those of her departments, any status. Read-only
// for now; the entry screens build on it. Server-only; scoped to the actor, so another
// department's accounts never appear. Reviewers and admins enter nothing: an empty list.
import { STATUS_LABELS } from '../accounts/workflow';
import { getPrisma, type Db } from '../db';
import type { Actor } from './actor';
import { statusFromDb } from './workflow-store';

export interface EntryAccountsItem {
  id: string;
  departmentName: string;
  fiscalYear: number;
  /** The status in Chinese, as the workflow names it ("填报中", "已公开", …). */
  statusLabel: string;
}

export async function listEntryAccounts(actor: Actor, db: Db = getPrisma()): Promise<EntryAccountsItem[]> {
  if (actor.role !== 'ACCOUNTANT' || actor.departmentIds.length === 0) return [];
  const rows = await db.finalAccounts.findMany({
    where: { departmentId: { in: [...actor.departmentIds] }, level: 'DEPARTMENT' },
    select: { id: true, fiscalYear: true, status: true, department: { select: { name: true } } },
    orderBy: [{ fiscalYear: 'desc' }, { department: { name: 'asc' } }],
  });
  return rows.map((row) => ({
    id: row.id,
    departmentName: row.department.name,
    fiscalYear: row.fiscalYear,
    statusLabel: STATUS_LABELS[statusFromDb(row.status)],
  }));
}
