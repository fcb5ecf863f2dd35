// The reviewers' dashboard: one row per department of the district, with the status, the check
// engine's counts stored at submission, the dates and the publication deadline; nothing of
// another district; accountants refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectPrisma } from '../../lib/db';
import { listDistrictAccounts, publicationDeadline } from '../../lib/data/review-dashboard';
import { createActor, departmentWithAccounts, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';
import { submittedAccounts } from './review-fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

describe('publicationDeadline', () => {
  it('counts 20 calendar days from the day of approval in China time', () => {
    // 2026-11-30 23:30 in Beijing is still the 30th there: the deadline is 20 December.
    const approvedAt = new Date('2026-11-30T15:30:00Z');
    expect(publicationDeadline(approvedAt, new Date('2026-12-01T02:00:00Z'))).toEqual({ deadline: '2026-12-20', daysLeft: 19 });
    expect(publicationDeadline(approvedAt, new Date('2026-12-20T15:59:00Z'))).toEqual({ deadline: '2026-12-20', daysLeft: 0 });
    expect(publicationDeadline(approvedAt, new Date('2026-12-20T16:00:00Z'))).toEqual({ deadline: '2026-12-20', daysLeft: -1 });
  });
});

describe('listDistrictAccounts', () => {
  it('lists every department of the district with its status, counts at submission, dates and deadline', async () => {
    const submitted = await submittedAccounts(org);
    const draft = await departmentWithAccounts(org);
    const approved = await departmentWithAccounts(org, { status: 'APPROVED' });
    const approvedAt = new Date('2026-11-20T03:00:00Z');
    await db().finalAccounts.update({ where: { id: approved.id }, data: { approvedAt } });
    const reviewer = await createActor('REVIEWER', org);

    const result = await listDistrictAccounts(reviewer, { fiscalYear: 2021 }, db(), new Date('2026-11-28T12:00:00Z'));
    if (!result.ok) throw new Error(result.message);
    const byId = new Map(result.data.map((row) => [row.departmentId, row]));
    const departments = await db().department.findMany({ where: { districtId: org.district.id }, select: { id: true } });
    expect(result.data).toHaveLength(departments.length);

    const submittedAt = (await db().finalAccounts.findUniqueOrThrow({ where: { id: submitted.id } })).submittedAt?.toISOString();
    expect(byId.get(submitted.departmentId)).toMatchObject({ finalAccountsId: submitted.id, status: 'submitted', blocking: 0, warnings: 9, submittedAt, approvedAt: null, deadline: null, daysLeft: null });
    expect(byId.get(draft.departmentId)).toMatchObject({ finalAccountsId: draft.id, status: 'draft', blocking: null, warnings: null, submittedAt: null });
    expect(byId.get(approved.departmentId)).toMatchObject({ status: 'approved', approvedAt: approvedAt.toISOString(), deadline: '2026-12-10', daysLeft: 12 });
    // The organisation's own department has no accounts of 2021.
    expect(byId.get(org.department.id)).toMatchObject({ finalAccountsId: null, status: 'notStarted', blocking: null, submittedAt: null });
    // No accounts of 2022 anywhere: every department is not started.
    const nextYear = await listDistrictAccounts(reviewer, { fiscalYear: 2022 }, db());
    expect(nextYear.ok && nextYear.data.every((row) => row.status === 'notStarted')).toBe(true);
  });

  it('shows a reviewer nothing of another district and refuses accountants and bad years', async () => {
    const other = await createOrganisation(2021);
    await departmentWithAccounts(other);
    const reviewer = await createActor('REVIEWER', org);
    const result = await listDistrictAccounts(reviewer, { fiscalYear: 2021 }, db());
    const otherDepartments = new Set((await db().department.findMany({ where: { districtId: other.district.id } })).map((d) => d.id));
    expect(result.ok && result.data.some((row) => otherDepartments.has(row.departmentId))).toBe(false);

    const accountant = await createActor('ACCOUNTANT', org);
    expect(await listDistrictAccounts(accountant, { fiscalYear: 2021 }, db())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await listDistrictAccounts(null, { fiscalYear: 2021 }, db())).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await listDistrictAccounts(reviewer, { fiscalYear: '2021' }, db())).toMatchObject({ ok: false, code: 'invalid' });
  });
});
