// What the reviewer's dashboard says of one department's accounts, in words and order: the
// status (with 未开始 for a department without accounts that year), dates in Beijing time, and
// the 20-day publication deadline as days left or overdue. Pure, so it is tested without a browser.
import { STATUS_LABELS } from '@/lib/accounts/workflow';
import type { DashboardRow } from '@/lib/data/review-dashboard';
import { beijingDateText } from '@/lib/beijing-date';

/** One department of the district for a year: listDistrictAccounts's row (a type only, so nothing server-side reaches the browser). */
export type DashboardRowData = DashboardRow;
export type DashboardStatus = DashboardRow['status'];

export const DASHBOARD_STATUS_LABELS: Readonly<Record<DashboardStatus, string>> = { ...STATUS_LABELS, notStarted: '未开始' };

/** The order of the status column: what waits for the reviewer first, what is done last. */
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = ['submitted', 'approved', 'returned', 'draft', 'notStarted', 'published'];

export const statusRank = (status: DashboardStatus): number => DASHBOARD_STATUSES.indexOf(status);

/** "2022-06-30" for an instant, as the day is in Beijing. */
export const dateText = beijingDateText;

/** The deadline's state in words: 剩 5 天, 今天到期, 逾期 3 天. */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft > 0) return `剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `逾期 ${-daysLeft} 天`;
}

export type DeadlineUrgency = 'overdue' | 'soon' | 'ok';

/** Overdue, or due within five days: the dashboard marks these rows. */
export function deadlineUrgency(daysLeft: number | null): DeadlineUrgency | undefined {
  if (daysLeft === null) return undefined;
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= 5 ? 'soon' : 'ok';
}

/** How many departments are in each status, for the filter's labels. */
export function countByStatus(rows: readonly Pick<DashboardRowData, 'status'>[]): Record<DashboardStatus, number> {
  const counts = Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Record<DashboardStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
