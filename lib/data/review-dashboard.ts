// The reviewers' dashboard: every department of the actor's district for one fiscal year, with
// the status of its department accounts, the check engine's counts as they stood at the last
// submission (kept in that revision's summary, so no check runs per row) and the statutory
// 20-day publication deadline of approved accounts. One statement for the whole district. Server-only.
import { z } from 'zod';
import type { Status } from '../accounts/workflow';
import { ActionError, runAction, type ActionResult } from '../action';
import { getPrisma, Prisma, type Db } from '../db';
import type { AccountsStatus } from '../generated/prisma/enums';
import { DEPARTMENT_SCOPE } from './accounts-store';
import { authenticate, parseInput } from './action-steps';
import type { Actor } from './actor';
import { queryRows } from './plain-sql';
import { authorizeReviewerOrAdmin } from './review-steps';
import { statusFromDb } from './workflow-store';

/** Approved accounts must be published within 20 days (calendar days, China time). */
export const PUBLICATION_DEADLINE_DAYS = 20;

export const ZListDistrictAccounts = z.strictObject({ fiscalYear: z.int('年度须为整数').min(2000, '年度须在 2000 至 2100 之间').max(2100, '年度须在 2000 至 2100 之间') });

export interface DashboardRow {
  departmentId: string;
  departmentName: string;
  finalAccountsId: string | null;
  status: Status | 'notStarted';
  /** The check engine's counts at the last submission; null when never submitted. */
  blocking: number | null;
  warnings: number | null;
  /** ISO 8601 instants, or null. */
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  /** For approved accounts: the last day to publish ("2026-12-18", China time), and the days left (negative = overdue). */
  deadline: string | null;
  daysLeft: number | null;
}

interface Row {
  department_id: string;
  department_name: string;
  id: string | null;
  status: AccountsStatus | null;
  submitted_at: Date | string | null;
  approved_at: Date | string | null;
  published_at: Date | string | null;
  checks: { blocking?: unknown; warnings?: unknown } | null;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Days since the epoch of the calendar day `instant` falls on in China (UTC+8, no daylight saving). */
const chinaDay = (instant: Date): number => Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS);
const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The publication deadline of accounts approved at `approvedAt`, and the days left at `now`. */
export function publicationDeadline(approvedAt: Date, now: Date): { deadline: string; daysLeft: number } {
  const last = chinaDay(approvedAt) + PUBLICATION_DEADLINE_DAYS;
  return { deadline: dayText(last), daysLeft: last - chinaDay(now) };
}

const instant = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

export async function listDistrictAccounts(actor: Actor | null, input: unknown, db: Db = getPrisma(), now: Date = new Date()): Promise<ActionResult<DashboardRow[]>> {
  return runAction('listDistrictAccounts', async () => {
    const user = authenticate(actor);
    const { fiscalYear } = parseInput(ZListDistrictAccounts, input);
    authorizeReviewerOrAdmin(user);
    if (!user.districtId) throw new ActionError('forbidden', '您的账号没有所属的区财政局');
    const rows = await queryRows<Row>(db, Prisma.sql`
      SELECT d.id AS department_id, d.name AS department_name, fa.id, fa.status::text AS status,
        fa.submitted_at, fa.approved_at, fa.published_at, r.summary->'checks' AS checks
      FROM department d
      LEFT JOIN final_accounts fa ON fa.department_id = d.id AND fa.fiscal_year = ${fiscalYear} AND fa.scope = ${DEPARTMENT_SCOPE}
      LEFT JOIN LATERAL (
        SELECT summary FROM final_accounts_revision rv WHERE rv.final_accounts_id = fa.id AND rv.status = 'SUBMITTED'
        ORDER BY rv.version DESC LIMIT 1) r ON true
      WHERE d.district_id = ${user.districtId}::uuid
      ORDER BY d.name`);
    return rows.map((row): DashboardRow => {
      const status = row.status ? statusFromDb(row.status) : 'notStarted';
      const approvedAt = instant(row.approved_at);
      const due = status === 'approved' && approvedAt ? publicationDeadline(approvedAt, now) : null;
      return {
        departmentId: row.department_id, departmentName: row.department_name, finalAccountsId: row.id, status,
        blocking: count(row.checks?.blocking), warnings: count(row.checks?.warnings),
        submittedAt: instant(row.submitted_at)?.toISOString() ?? null, approvedAt: approvedAt?.toISOString() ?? null,
        publishedAt: instant(row.published_at)?.toISOString() ?? null,
        deadline: due?.deadline ?? null, daysLeft: due?.daysLeft ?? null,
      };
    });
  });
}
