import { describe, expect, it } from 'vitest';
import { STATUSES, availableActions, isEditable, nextStatus } from '../../lib/accounts/workflow';
import { statusFromDb, statusToDb } from '../../lib/data/workflow-store';
import { AccountsStatus } from '../../lib/generated/prisma/enums';

describe('the final accounts workflow', () => {
  it('walks draft → submitted → returned → submitted → approved → published', () => {
    expect(nextStatus('draft', 'submit', 'accountant')).toEqual({ ok: true, to: 'submitted' });
    expect(nextStatus('submitted', 'return', 'reviewer')).toEqual({ ok: true, to: 'returned' });
    expect(nextStatus('returned', 'submit', 'accountant')).toEqual({ ok: true, to: 'submitted' });
    expect(nextStatus('submitted', 'approve', 'reviewer')).toEqual({ ok: true, to: 'approved' });
    expect(nextStatus('approved', 'publish', 'reviewer')).toEqual({ ok: true, to: 'published' });
    expect(nextStatus('published', 'correct', 'admin')).toEqual({ ok: true, to: 'draft' });
  });

  it('refuses transitions out of order, with a reason', () => {
    expect(nextStatus('draft', 'approve', 'reviewer')).toEqual({ ok: false, message: '填报中的决算不能审核通过' });
    expect(nextStatus('published', 'submit', 'accountant')).toEqual({ ok: false, message: '已公开的决算不能上报' });
  });

  it('refuses the wrong role: an accountant cannot approve their own submission', () => {
    expect(nextStatus('submitted', 'approve', 'accountant')).toEqual({ ok: false, message: '无权审核通过该决算' });
    expect(nextStatus('draft', 'submit', 'reviewer')).toEqual({ ok: false, message: '无权上报该决算' });
  });

  it('lets figures change only while the accounts are with the department', () => {
    expect(STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
    expect(availableActions('submitted', 'reviewer')).toEqual(['return', 'approve']);
    expect(availableActions('submitted', 'accountant')).toEqual([]);
  });
});

describe('the workflow statuses in the database', () => {
  it('maps every database status to a core status and back, one to one', () => {
    const dbStatuses = Object.values(AccountsStatus);
    expect(dbStatuses.map(statusFromDb)).toEqual([...STATUSES]);
    for (const status of dbStatuses) expect(statusToDb(statusFromDb(status))).toBe(status);
    for (const status of STATUSES) expect(statusFromDb(statusToDb(status))).toBe(status);
    expect(new Set(STATUSES.map(statusToDb)).size).toBe(STATUSES.length);
  });

  it('lets figures change only in the database statuses of draft and returned', () => {
    expect(Object.values(AccountsStatus).filter((s) => isEditable(statusFromDb(s)))).toEqual(['DRAFT', 'RETURNED']);
  });
});
