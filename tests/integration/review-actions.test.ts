// The finance bureau's actions on real accounts: a comment, a return, the accountant's fix and
// resubmission, approval, publication (the revision holding its heading) and a correction with its
// reason; and each refusal (role, district, status, version, missing comment or reason) changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { saveCells } from '../../lib/data/accounts-write';
import { addComment } from '../../lib/data/comments';
import { submitFinalAccounts } from '../../lib/data/entry';
import { approveAccounts, publishAccounts, returnAccounts, startCorrection } from '../../lib/data/review-actions';
import { getPublishedAccounts } from '../../lib/data/public-accounts';
import { disconnectPrisma } from '../../lib/db';
import { createActor, notFound, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';
import { reviewSnapshot, submittedAccounts } from './review-fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

/** The narrative with a sentence without figures added to its first section. */
function withNote(document: TFinalAccounts, note: string): TFinalAccounts['narrative'] {
  return document.narrative.map((section, i) => (i === 0 ? { ...section, text: `${section.text}${note}` } : section));
}

const audits = (finalAccountsId: string) =>
  db().auditEvent.findMany({ where: { finalAccountsId, action: { in: ['comment.create', 'finalAccounts.return', 'finalAccounts.approve', 'finalAccounts.publish', 'finalAccounts.correct'] } }, orderBy: { id: 'asc' } });

describe('the review loop', () => {
  it('returns with a comment, approves the resubmission, publishes with the heading, and corrects with a reason', async () => {
    const { id, accountant, version, document } = await submittedAccounts(org);
    const reviewer = await createActor('REVIEWER', org);
    expect(version).toBe(2);

    const comment = await addComment(reviewer, { finalAccountsId: id, anchor: 'expenditure:2101102:basic', body: '  请核对行政单位医疗的基本支出  ' });
    expect(comment).toMatchObject({ ok: true, data: { version: 2, anchor: 'expenditure:2101102:basic', body: '请核对行政单位医疗的基本支出', authorId: reviewer.id, authorName: reviewer.displayName } });
    expect((await reviewSnapshot(id)).version).toBe(2);

    expect(await returnAccounts(reviewer, { finalAccountsId: id, expectedVersion: 2 })).toEqual({ ok: true, data: { version: 3, status: 'RETURNED' } });
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 3, changes: [], sections: { narrative: withNote(document, '医疗支出已核实。') } })).toEqual({ ok: true, data: { version: 4 } });
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 4 })).toEqual({ ok: true, data: { version: 5, status: 'SUBMITTED' } });

    expect(await approveAccounts(reviewer, { finalAccountsId: id, expectedVersion: 5 })).toEqual({ ok: true, data: { version: 6, status: 'APPROVED' } });
    const approved = await reviewSnapshot(id);
    expect(approved).toMatchObject({ status: 'APPROVED', version: 6, revisions: 3, comments: 1 });
    expect(approved.approvedAt).toBeInstanceOf(Date);
    const approvedRevision = await db().finalAccountsRevision.findUniqueOrThrow({ where: { finalAccountsId_version_status: { finalAccountsId: id, version: 6, status: 'APPROVED' } } });
    expect(approvedRevision.approvedAt).toEqual(approved.approvedAt);

    expect(await publishAccounts(reviewer, { finalAccountsId: id, expectedVersion: 6 })).toEqual({ ok: true, data: { version: 7, status: 'PUBLISHED' } });
    const published = await db().finalAccountsRevision.findUniqueOrThrow({ where: { finalAccountsId_version_status: { finalAccountsId: id, version: 7, status: 'PUBLISHED' } } });
    const department = await db().department.findFirstOrThrow({ where: { finalAccounts: { some: { id } } } });
    expect(published).toMatchObject({ departmentName: department.name, districtName: org.district.name, approvedAt: approved.approvedAt, correctionReason: null });
    expect(published.publishedAt).toBeInstanceOf(Date);
    // The published document holds the accountant's fix.
    expect((published.document as typeof document).narrative[0]?.text).toMatch(/医疗支出已核实。$/);

    expect(await startCorrection(reviewer, { finalAccountsId: id, expectedVersion: 7, reason: '  表3 行政单位医疗数字有误  ' })).toEqual({ ok: true, data: { version: 8, status: 'DRAFT' } });
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 8, changes: [], sections: { narrative: document.narrative } })).toEqual({ ok: true, data: { version: 9 } });
    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 9 })).toMatchObject({ ok: true, data: { version: 10 } });
    expect(await approveAccounts(reviewer, { finalAccountsId: id, expectedVersion: 10 })).toMatchObject({ ok: true, data: { version: 11 } });
    const admin = await createActor('ADMIN', org);
    expect(await publishAccounts(admin, { finalAccountsId: id, expectedVersion: 11 })).toEqual({ ok: true, data: { version: 12, status: 'PUBLISHED' } });
    const corrected = await db().finalAccountsRevision.findUniqueOrThrow({ where: { finalAccountsId_version_status: { finalAccountsId: id, version: 12, status: 'PUBLISHED' } } });
    expect(corrected.correctionReason).toBe('表3 行政单位医疗数字有误');
    // The public page says a correction happened, when, and why: both publications, oldest first.
    const publicView = await getPublishedAccounts(id);
    expect(publicView?.version).toBe(12);
    expect(publicView?.publications.map(({ version, correctionReason }) => ({ version, correctionReason }))).toEqual([
      { version: 7, correctionReason: null }, { version: 12, correctionReason: '表3 行政单位医疗数字有误' },
    ]);

    expect((await audits(id)).map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ['comment.create', reviewer.id, null, { version: 2, anchor: 'expenditure:2101102:basic', body: '请核对行政单位医疗的基本支出' }],
      ['finalAccounts.return', reviewer.id, { status: 'SUBMITTED', version: 2 }, { status: 'RETURNED', version: 3 }],
      ['finalAccounts.approve', reviewer.id, { status: 'SUBMITTED', version: 5 }, { status: 'APPROVED', version: 6 }],
      ['finalAccounts.publish', reviewer.id, { status: 'APPROVED', version: 6 }, { status: 'PUBLISHED', version: 7 }],
      ['finalAccounts.correct', reviewer.id, { status: 'PUBLISHED', version: 7 }, { status: 'DRAFT', version: 8, reason: '表3 行政单位医疗数字有误' }],
      ['finalAccounts.approve', reviewer.id, { status: 'SUBMITTED', version: 10 }, { status: 'APPROVED', version: 11 }],
      ['finalAccounts.publish', admin.id, { status: 'APPROVED', version: 11 }, { status: 'PUBLISHED', version: 12 }],
    ]);
  });
});

describe('refusals change nothing', () => {
  it('refuses by role, district, status, version, a missing comment and bad input', async () => {
    const { id, accountant } = await submittedAccounts(org);
    const reviewer = await createActor('REVIEWER', org);
    const admin = await createActor('ADMIN', org);
    const stranger = await createActor('REVIEWER', await createOrganisation(2021));
    const before = await reviewSnapshot(id);
    const at = { finalAccountsId: id, expectedVersion: 2 };

    expect(await returnAccounts(reviewer, at)).toEqual({ ok: false, code: 'conflict', message: '退回前请至少写一条审核意见，说明需要修改之处' });
    expect(await approveAccounts(accountant, at)).toEqual({ ok: false, code: 'forbidden', message: '无权审核通过该决算' });
    expect(await approveAccounts(admin, at)).toEqual({ ok: false, code: 'forbidden', message: '无权审核通过该决算' });
    expect(await approveAccounts(stranger, at)).toEqual(notFound);
    expect(await approveAccounts(null, at)).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await approveAccounts(reviewer, { ...at, expectedVersion: 1 })).toMatchObject({ ok: false, code: 'stale' });
    expect(await publishAccounts(reviewer, at)).toEqual({ ok: false, code: 'conflict', message: '已上报的决算不能公开' });
    expect(await startCorrection(reviewer, { ...at, reason: '原因' })).toEqual({ ok: false, code: 'conflict', message: '已上报的决算不能更正' });
    expect(await startCorrection(reviewer, { ...at, reason: '   ' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'reason', message: '请写明更正原因（收到 ""）' }] });
    expect(await approveAccounts(reviewer, { finalAccountsId: 'x', expectedVersion: 2 })).toMatchObject({ ok: false, code: 'invalid' });

    expect(await addComment(accountant, { finalAccountsId: id, anchor: 'table:expenditure', body: '意见' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addComment(admin, { finalAccountsId: id, anchor: 'table:expenditure', body: '意见' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addComment(stranger, { finalAccountsId: id, anchor: 'table:expenditure', body: '意见' })).toEqual(notFound);
    expect(await addComment(reviewer, { finalAccountsId: id, anchor: 'table:nowhere', body: '意见' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await addComment(reviewer, { finalAccountsId: id, anchor: 'narrative[2]', body: ' ' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'body', message: '请填写审核意见（收到 ""）' }] });
    expect(await reviewSnapshot(id)).toEqual(before);

    // Anchors of each kind are accepted: a table, a narrative paragraph, a document path.
    for (const anchor of ['table:expenditure', 'narrative[2]', 'performance.projects[3].selfEvaluation']) {
      expect(await addComment(reviewer, { finalAccountsId: id, anchor, body: '请说明' })).toMatchObject({ ok: true, data: { anchor, version: 2 } });
    }
    expect(await returnAccounts(reviewer, at)).toMatchObject({ ok: true, data: { status: 'RETURNED' } });
    const returned = await reviewSnapshot(id);
    expect(await addComment(reviewer, { finalAccountsId: id, anchor: 'table:expenditure', body: '意见' })).toEqual({ ok: false, code: 'conflict', message: '只能对已上报或审核通过的决算提出审核意见' });
    expect(await approveAccounts(reviewer, { ...at, expectedVersion: 3 })).toEqual({ ok: false, code: 'conflict', message: '已退回的决算不能审核通过' });
    expect(await reviewSnapshot(id)).toEqual(returned);
  });
});

describe('two reviewers at once', () => {
  it('lets one of an approval and a return at the same version through; the other is refused and writes nothing', async () => {
    const { id } = await submittedAccounts(org);
    const [first, second] = [await createActor('REVIEWER', org), await createActor('REVIEWER', org)];
    await addComment(first, { finalAccountsId: id, anchor: 'table:expenditure', body: '请核对' });
    const before = await reviewSnapshot(id);
    const results = await Promise.all([
      approveAccounts(first, { finalAccountsId: id, expectedVersion: 2 }),
      returnAccounts(second, { finalAccountsId: id, expectedVersion: 2 }),
    ]);
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    // Stale when it read the version before the winner wrote; a conflict when it read the winner's status.
    const lost = results.find((r) => !r.ok);
    expect(lost && !lost.ok && ['stale', 'conflict'].includes(lost.code)).toBe(true);
    const after = await reviewSnapshot(id);
    const approvedFirst = results[0]?.ok === true;
    expect(after).toMatchObject({ version: 3, status: approvedFirst ? 'APPROVED' : 'RETURNED', revisions: before.revisions + (approvedFirst ? 1 : 0), audits: before.audits + 1 });
  });
});

