// readReview on a returned and resubmitted submission: the latest submitted document (not the
// accountant's draft in between), its findings with the explanations submitted, the comments of
// every round, what changed since the returned submission, and the audit history; and the
// accountant's readEntry showing the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCells } from '../../lib/data/accounts-write';
import { addComment } from '../../lib/data/comments';
import { readEntry, submitFinalAccounts } from '../../lib/data/entry';
import { returnAccounts } from '../../lib/data/review-actions';
import { documentChanges } from '../../lib/data/review-changes';
import { readReview } from '../../lib/data/review-read';
import { disconnectPrisma } from '../../lib/db';
import { createActor, departmentWithAccounts, notFound, type Organisation } from './entry-fixtures';
import { createOrganisation } from './fixtures';
import { submittableDocument, submittedAccounts } from './review-fixtures';

afterAll(disconnectPrisma);

let org: Organisation;
beforeAll(async () => {
  org = await createOrganisation(2021);
});

describe('documentChanges', () => {
  it('names changed cells by key, a narrative paragraph whole, a table whose rows changed, other fields by path', () => {
    const before = submittableDocument();
    const after = submittableDocument();
    const row = after.tables.expenditure.rows.find((r) => r.row === '2101102');
    if (!row) throw new Error('seed row 2101102 missing');
    row.cells.basic = '9.60';
    after.narrative[2] = { heading: after.narrative[2]?.heading ?? '', text: '改写的段落。' };
    after.tables.generalBudgetBasicExpenditure.rows.pop();
    const project = after.performance.projects[1];
    if (!project) throw new Error('seed project 1 missing');
    project.name = `${project.name}（更名）`;
    const changes = documentChanges(before, after);
    expect(changes.cells).toContain('expenditure:2101102:basic');
    expect(changes.paths).toEqual(['table:generalBudgetBasicExpenditure', 'performance.projects[1].name', 'narrative[2]']);
    expect(documentChanges(before, submittableDocument())).toEqual({ cells: [], paths: [] });
  });
});

describe('readReview', () => {
  it('shows the latest submission with its findings, explanations, comments, changes and history', async () => {
    const { id, accountant, document } = await submittedAccounts(org);
    const reviewer = await createActor('REVIEWER', org);

    const first = await readReview(reviewer, id);
    if (!first.ok) throw new Error(first.message);
    expect(first.data.accounts).toMatchObject({ id, status: 'SUBMITTED', version: 2, submittedVersion: 2, fiscalYear: 2021 });
    expect(first.data.changedSinceLastReview).toEqual({ cells: [], paths: [], comparedWithVersion: null });
    const warnings = first.data.findings.filter((f) => f.severity === 'warning');
    expect(warnings).toHaveLength(9);
    expect(first.data.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
    expect(warnings.every((f) => f.explanation === '已核实，数字无误')).toBe(true);
    expect(first.data.explanations).toHaveLength(9);

    await addComment(reviewer, { finalAccountsId: id, anchor: 'narrative[0]', body: '请补充说明' });
    expect(await returnAccounts(reviewer, { finalAccountsId: id, expectedVersion: 2 })).toMatchObject({ ok: true });
    const narrative = document.narrative.map((s, i) => (i === 0 ? { ...s, text: `${s.text}已补充说明。` } : s));
    expect(await saveCells(accountant, { finalAccountsId: id, expectedVersion: 3, changes: [], sections: { narrative } })).toMatchObject({ ok: true });

    // While the accountant edits, the reviewer still reads the submission she returned.
    const between = await readReview(reviewer, id);
    expect(between.ok && between.data.accounts).toMatchObject({ status: 'RETURNED', version: 4, submittedVersion: 2 });
    expect(between.ok && between.data.accounts.document.narrative[0]?.text).toBe(document.narrative[0]?.text);

    const entry = await readEntry(accountant, id);
    expect(entry.ok && entry.data.comments.map((c) => [c.version, c.anchor, c.body, c.authorName])).toEqual([[2, 'narrative[0]', '请补充说明', reviewer.displayName]]);

    expect(await submitFinalAccounts(accountant, { finalAccountsId: id, expectedVersion: 4 })).toMatchObject({ ok: true, data: { version: 5 } });
    const second = await readReview(reviewer, id);
    if (!second.ok) throw new Error(second.message);
    expect(second.data.accounts).toMatchObject({ status: 'SUBMITTED', version: 5, submittedVersion: 5 });
    expect(second.data.accounts.document.narrative[0]?.text).toMatch(/已补充说明。$/);
    expect(second.data.changedSinceLastReview).toEqual({ cells: [], paths: ['narrative[0]'], comparedWithVersion: 2 });
    expect(second.data.comments.map((c) => [c.version, c.anchor])).toEqual([[2, 'narrative[0]']]);
    expect(second.data.history.map((e) => e.action).filter((a) => a !== 'explanation.update')).toEqual([
      'finalAccounts.submit', 'comment.create', 'finalAccounts.return', 'figure.update', 'finalAccounts.submit',
    ]);
    expect(second.data.history.at(-1)).toMatchObject({ actorLabel: accountant.email, after: { status: 'SUBMITTED', version: 5 } });
    // A save's sections are named, not copied whole, in the history.
    expect(second.data.history.find((e) => e.action === 'figure.update')).toMatchObject({ before: { version: 3, sections: ['narrative'] }, after: { version: 4, sections: ['narrative'] } });
  });

  it('is for the finance bureau of the district only', async () => {
    const { id, accountant } = await submittedAccounts(org);
    const stranger = await createActor('REVIEWER', await createOrganisation(2021));
    expect(await readReview(stranger, id)).toEqual(notFound);
    expect(await readReview(accountant, id)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await readReview(await createActor('ADMIN', org), id)).toMatchObject({ ok: true, data: { accounts: { id } } });
  });

  it('shows the stored document of accounts stored as submitted without a revision (an import)', async () => {
    const { id } = await departmentWithAccounts(org, { status: 'SUBMITTED', document: submittableDocument() });
    const review = await readReview(await createActor('REVIEWER', org), id);
    if (!review.ok) throw new Error(review.message);
    expect(review.data.accounts).toMatchObject({ status: 'SUBMITTED', version: 1, submittedVersion: null });
    expect(review.data.accounts.document.narrative).toEqual(submittableDocument().narrative);
    expect(review.data.findings.filter((f) => f.severity === 'warning').map((f) => f.explanation)).toEqual(Array.from({ length: 9 }, () => null));
  });
});
