// The reviewer's dashboard in words: statuses in the order the reviewer works them, dates as the
// day is in Beijing (an approval at 01:00 Beijing time is dated that day, not the UTC day before),
// the 20-day deadline as days left or overdue, and the counts the status filter shows.
import { describe, expect, it } from 'vitest';
import { countByStatus, DASHBOARD_STATUS_LABELS, dateText, daysLeftText, deadlineUrgency, statusRank } from '@/app/(review)/review/_lib/dashboard';

describe('review dashboard', () => {
  it('puts accounts waiting for the reviewer first and published ones last', () => {
    expect(statusRank('submitted')).toBeLessThan(statusRank('approved'));
    expect(statusRank('approved')).toBeLessThan(statusRank('returned'));
    expect(statusRank('notStarted')).toBeLessThan(statusRank('published'));
    expect(DASHBOARD_STATUS_LABELS.notStarted).toBe('未开始');
    expect(DASHBOARD_STATUS_LABELS.submitted).toBe('已上报');
  });

  it('dates an instant by the Beijing day', () => {
    expect(dateText('2022-06-29T17:30:00.000Z')).toBe('2022-06-30');
    expect(dateText('2022-06-29T15:59:00.000Z')).toBe('2022-06-29');
    expect(dateText('2022-07-20')).toBe('2022-07-20');
    expect(dateText(null)).toBe('');
  });

  it('tells the deadline as days left, due today, or overdue', () => {
    expect(daysLeftText(12)).toBe('剩 12 天');
    expect(daysLeftText(0)).toBe('今天到期');
    expect(daysLeftText(-3)).toBe('逾期 3 天');
    expect(daysLeftText(null)).toBe('');
    expect([deadlineUrgency(-1), deadlineUrgency(0), deadlineUrgency(5), deadlineUrgency(6), deadlineUrgency(null)]).toEqual(['overdue', 'soon', 'soon', 'ok', undefined]);
  });

  it('counts departments by status, every status present', () => {
    const counts = countByStatus([{ status: 'submitted' }, { status: 'submitted' }, { status: 'notStarted' }, { status: 'published' }]);
    expect(counts).toEqual({ submitted: 2, approved: 0, returned: 0, draft: 0, notStarted: 1, published: 1 });
  });
});
