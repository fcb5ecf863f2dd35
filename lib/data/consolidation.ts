// Consolidation (汇总) as the reviewer and the department see it: a department's accounts (本级 +
// subordinate units, from their UNIT-level accounts) or a district's (its departments' accounts
// in the given statuses), summed in SQL (consolidation-sql.ts), turned into a document of the
// members' template and run through the check engine (lib/accounts/consolidate.ts); one cell's
// contributions for drill-down; the document as interchange JSON for download. Server-only.
import { z } from 'zod';
import { checkConsolidation, consolidatedDocument } from '../accounts/consolidate';
import type { Finding } from '../accounts/check';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { TABLE_KINDS, templateFor } from '../accounts/templates';
import { STATUSES, type Status } from '../accounts/workflow';
import { ActionError, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { authenticate, loadScopedHeader, parseInput, ZFinalAccountsId } from './action-steps';
import type { Actor } from './actor';
import { readContributions, readMembers, readTemplate, sumFigures, type ConsolidationScope, type MemberRow } from './consolidation-sql';
import { statusFromDb, statusToDb } from './workflow-store';

/** What a district consolidation sums unless told otherwise: the accounts the bureau has approved. */
export const DEFAULT_DISTRICT_STATUSES: readonly Status[] = ['approved', 'published'];

const ZDistrictInput = z.strictObject({
  fiscalYear: z.int('年度须为整数').min(2000, '年度须在 2000 至 2100 之间').max(2100, '年度须在 2000 至 2100 之间'),
  statuses: z.array(z.enum(STATUSES, '状态无效')).min(1, '至少选择一种状态').optional(),
});
const ZDepartmentInput = z.strictObject({ finalAccountsId: ZFinalAccountsId });
const ZCellKey = z.string().regex(new RegExp(`^(${TABLE_KINDS.join('|')}):[^:]+:[^:]+$`), '单元格地址无效');

export interface ConsolidationMember {
  finalAccountsId: string;
  departmentId: string;
  departmentName: string;
  /** The unit of a department consolidation's member; null for a department's accounts. */
  unitName: string | null;
  ownUnit: boolean;
  status: Status;
}

export interface Consolidation {
  kind: 'department' | 'district';
  fiscalYear: number;
  members: ConsolidationMember[];
  document: TFinalAccounts;
  findings: Finding[];
  /** Findings on sections a consolidation leaves empty (per-unit performance, comparisons). */
  setAside: Finding[];
}

export interface Contribution extends ConsolidationMember {
  amount: string;
}

const memberOf = (row: MemberRow): ConsolidationMember => ({
  finalAccountsId: row.final_accounts_id, departmentId: row.department_id, departmentName: row.department_name,
  unitName: row.unit_name, ownUnit: row.unit_kind === 'OWN_UNIT', status: statusFromDb(row.status),
});

/** A reviewer's or admin's district; an accountant has none to consolidate. */
async function districtScope(db: Db, actor: Actor, input: unknown): Promise<{ scope: ConsolidationScope; heading: TFinalAccounts['department'] }> {
  const { fiscalYear, statuses } = parseInput(ZDistrictInput, input);
  if (actor.role === 'ACCOUNTANT' || !actor.districtId) throw new ActionError('forbidden', '只有财政局审核人员和管理员可以汇总全区决算');
  const district = await db.district.findUniqueOrThrow({ where: { id: actor.districtId }, select: { name: true } });
  const scope: ConsolidationScope = { kind: 'district', districtId: actor.districtId, fiscalYear, statuses: (statuses ?? DEFAULT_DISTRICT_STATUSES).map(statusToDb) };
  return { scope, heading: { name: `${district.name}部门决算汇总`, district: district.name } };
}

/** The department of accounts the actor may see (either level), for its units of that year. */
async function departmentScope(db: Db, actor: Actor, input: unknown): Promise<{ scope: ConsolidationScope; heading: TFinalAccounts['department'] }> {
  const { finalAccountsId } = parseInput(ZDepartmentInput, input);
  const header = await loadScopedHeader(db, actor, finalAccountsId);
  const accounts = await db.finalAccounts.findUniqueOrThrow({
    where: { id: finalAccountsId },
    select: { fiscalYear: true, department: { select: { name: true, district: { select: { name: true } } } } },
  });
  return {
    scope: { kind: 'department', departmentId: header.departmentId, fiscalYear: accounts.fiscalYear },
    heading: { name: `${accounts.department.name}（汇总）`, district: accounts.department.district.name },
  };
}

async function consolidate(db: Db, scope: ConsolidationScope, heading: TFinalAccounts['department']): Promise<Consolidation> {
  const [members, templateId, cells] = await Promise.all([readMembers(db, scope), readTemplate(db, scope), sumFigures(db, scope)]);
  if (members.length === 0 || templateId === undefined) throw new ActionError('not_found', `${scope.fiscalYear} 年度没有可汇总的决算`);
  const template = templateFor(templateId);
  const document = consolidatedDocument({
    template, department: heading, cells,
    members: members.map((m) => m.unit_name ?? m.department_name),
    ...(scope.kind === 'department' ? { subordinateUnitCount: members.filter((m) => m.unit_kind === 'SUBORDINATE').length } : {}),
  });
  const valid = ZFinalAccounts.safeParse(document);
  if (!valid.success) throw new ActionError('conflict', `待汇总的决算与${template.name}不符（报表格式不同？），无法汇总：${valid.error.issues[0]?.message ?? ''}`);
  return { kind: scope.kind, fiscalYear: scope.fiscalYear, members: members.map(memberOf), document, ...checkConsolidation(document) };
}

/** The district's departments summed, for the actor's district (reviewer or admin). */
export async function consolidateDistrict(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<Consolidation>> {
  return runAction('consolidateDistrict', async () => {
    const { scope, heading } = await districtScope(db, authenticate(actor), input);
    return consolidate(db, scope, heading);
  });
}

/** A department's own unit and subordinate units summed, from any accounts of the department the actor may see. */
export async function consolidateDepartment(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<Consolidation>> {
  return runAction('consolidateDepartment', async () => {
    const { scope, heading } = await departmentScope(db, authenticate(actor), input);
    return consolidate(db, scope, heading);
  });
}

/** Drill-down: one cell ("expenditure:201:basic") in each member that has it, largest first. */
export async function consolidationContributions(
  actor: Actor | null,
  input: { kind: 'district'; fiscalYear: unknown; statuses?: unknown; cellKey: unknown } | { kind: 'department'; finalAccountsId: unknown; cellKey: unknown },
  db: Db = getPrisma(),
): Promise<ActionResult<Contribution[]>> {
  return runAction('consolidationContributions', async () => {
    const user = authenticate(actor);
    const [table = '', row = '', column = ''] = parseInput(ZCellKey, input.cellKey).split(':');
    const { scope } = input.kind === 'district'
      ? await districtScope(db, user, { fiscalYear: input.fiscalYear, ...(input.statuses === undefined ? {} : { statuses: input.statuses }) })
      : await departmentScope(db, user, { finalAccountsId: input.finalAccountsId });
    const rows = await readContributions(db, scope, { table, row, column });
    return rows.map((r) => ({ ...memberOf(r), amount: r.amount }));
  });
}

/** The consolidated document as interchange JSON, with a file name for the download. */
export async function consolidationDownload(
  actor: Actor | null,
  input: { kind: 'district'; fiscalYear: unknown; statuses?: unknown } | { kind: 'department'; finalAccountsId: unknown },
  db: Db = getPrisma(),
): Promise<ActionResult<{ fileName: string; json: string }>> {
  const { kind, ...rest } = input;
  const result = kind === 'district' ? await consolidateDistrict(actor, rest, db) : await consolidateDepartment(actor, rest, db);
  if (!result.ok) return result;
  const { document } = result.data;
  return { ok: true, data: { fileName: `${document.department.name}-${document.fiscalYear}.json`, json: `${JSON.stringify(document, null, 2)}\n` } };
}
