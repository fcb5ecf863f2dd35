// Random sequences of actions by random people through the real actions on PostgreSQL: the
// department's accountant (submit, save), a reviewer of the district (comment, return, approve,
// publish, correct), an admin of the district and a reviewer of another district. Before each step
// the expected outcome is derived from the workflow's nextStatus, the scope and the version; after
// it, an accepted action moved the accounts exactly as the rules say, a refused one changed nothing
// (status, version, dates, figures, revisions, audit rows, comments), and no published revision changed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { findingAnchor } from '../../lib/accounts/explanations';
import { nextStatus, type Action, type Role, type Status } from '../../lib/accounts/workflow';
import type { ActionResult } from '../../lib/action';
import { saveCells } from '../../lib/data/accounts-write';
import type { Actor } from '../../lib/data/actor';
import { addComment } from '../../lib/data/comments';
import { submitFinalAccounts } from '../../lib/data/entry';
import { approveAccounts, publishAccounts, returnAccounts, startCorrection } from '../../lib/data/review-actions';
import { statusFromDb } from '../../lib/data/workflow-store';
import { disconnectPrisma } from '../../lib/db';
import { createActor, departmentWithAccounts, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';
import { reviewSnapshot, submittableDocument } from './review-fixtures';

afterAll(disconnectPrisma);

type Who = 'accountant' | 'reviewer' | 'admin' | 'stranger';
type Move = Action | 'save' | 'comment';
/** 'next' is the move the accounts' status invites (submit a draft, approve a submission …), resolved when run. */
type Step = { move: Move | 'next'; natural: boolean; who: Who; stale: boolean; flip: boolean };

const ROLE: Record<Who, Role> = { accountant: 'accountant', reviewer: 'reviewer', admin: 'admin', stranger: 'reviewer' };
/** Who usually takes each action. */
const NATURAL: Record<Move, Who> = {
  submit: 'accountant', save: 'accountant', comment: 'reviewer', return: 'reviewer', approve: 'reviewer', publish: 'reviewer', correct: 'admin',
};
const MOVES = Object.keys(NATURAL) as Move[];

// Weighted towards the invited move by its usual actor, so that sequences reach approval,
// publication and correction; any move by anyone, and a stale version, still come often.
const step: fc.Arbitrary<Step> = fc.record({
  move: fc.oneof({ arbitrary: fc.constant('next' as const), weight: 3 }, { arbitrary: fc.constantFrom(...MOVES), weight: 1 }),
  natural: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  who: fc.constantFrom<Who>('accountant', 'reviewer', 'admin', 'stranger'),
  stale: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
  flip: fc.boolean(),
});

/** The move a status invites: a returned draft is saved or submitted, a submission commented on, then returned or approved. */
function invited(status: Status, hasComment: boolean, flip: boolean): Move {
  switch (status) {
    case 'draft': return 'submit';
    case 'returned': return flip ? 'save' : 'submit';
    case 'submitted': return !hasComment ? 'comment' : flip ? 'return' : 'approve';
    case 'approved': return 'publish';
    case 'published': return 'correct';
  }
}

const document = submittableDocument();
const warnings = checkFinalAccounts(document).filter((f) => f.severity === 'warning');
let org: Organisation;
let people: Omit<Record<Who, Actor>, 'accountant'>;

beforeAll(async () => {
  org = await createOrganisation(2021);
  people = { reviewer: await createActor('REVIEWER', org), admin: await createActor('ADMIN', org), stranger: await createActor('REVIEWER', await createOrganisation(2021)) };
});

/** Fresh accounts of a new department, every warning explained, and their accountant. */
async function freshAccounts() {
  const created = await departmentWithAccounts(org, { document });
  await db().checkExplanation.createMany({
    data: warnings.map((w) => ({ finalAccountsId: created.id, rule: w.rule, anchor: findingAnchor(w, document), text: '已核实', authorId: created.accountant.id })),
  });
  return created;
}

const publishedRevisions = (id: string) =>
  db().finalAccountsRevision.findMany({ where: { finalAccountsId: id, status: 'PUBLISHED' }, orderBy: { version: 'asc' } });

async function commentsOnSubmission(id: string, version: number): Promise<number> {
  const submitted = await db().finalAccountsRevision.findFirst({ where: { finalAccountsId: id, status: 'SUBMITTED' }, orderBy: { version: 'desc' } });
  return db().reviewComment.count({ where: { finalAccountsId: id, version: submitted?.version ?? version } });
}

/** The narrative with or without a sentence of no figures added, so a save always changes something. */
function narrative(noted: boolean) {
  return document.narrative.map((s, i) => (i === 0 && noted ? { ...s, text: `${s.text}已核实。` } : s));
}

describe('the review workflow on PostgreSQL', () => {
  it('reaches only states the rules allow, and a refused action changes nothing', async () => {
    const tally: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
      const { id, accountant } = await freshAccounts();
      const actors: Record<Who, Actor> = { ...people, accountant };
      let noted = false;
      for (const { move, natural, who: drawn, stale, flip } of steps) {
        const before = await reviewSnapshot(id);
        const commented = (await commentsOnSubmission(id, before.version)) > 0;
        const action = move === 'next' ? invited(statusFromDb(before.status), commented, flip) : move;
        const who = natural ? NATURAL[action] : drawn;
        const published = await publishedRevisions(id);
        const status = statusFromDb(before.status);
        const expectedVersion = stale ? before.version + 1 : before.version;
        const input = { finalAccountsId: id, expectedVersion };
        const inScope = who !== 'stranger';
        const editable = (status === 'draft' || status === 'returned') && who === 'accountant' && !stale;

        let result: ActionResult<unknown>;
        let allowed: boolean;
        let to = status;
        if (action === 'save') {
          allowed = editable;
          result = await saveCells(actors[who], { ...input, changes: [], sections: { narrative: narrative(!noted) } });
        } else if (action === 'comment') {
          allowed = inScope && who === 'reviewer' && (status === 'submitted' || status === 'approved');
          result = await addComment(actors[who], { finalAccountsId: id, anchor: 'narrative[0]', body: '请核对' });
        } else {
          const transition = nextStatus(status, action, ROLE[who]);
          allowed = inScope && transition.ok && !stale && (action !== 'return' || commented);
          if (transition.ok) to = transition.to;
          const run = { submit: submitFinalAccounts, return: returnAccounts, approve: approveAccounts, publish: publishAccounts, correct: startCorrection }[action];
          result = await run(actors[who], action === 'correct' ? { ...input, reason: '更正数字' } : input);
        }

        const after = await reviewSnapshot(id);
        expect(result.ok, `${who} ${action}${stale ? ' (stale)' : ''} on ${status}: ${result.ok ? 'ok' : result.message}`).toBe(allowed);
        expect(await publishedRevisions(id)).toEqual(expect.arrayContaining(published));
        if (!result.ok) {
          expect(after).toEqual(before);
          continue;
        }
        tally[action] = (tally[action] ?? 0) + 1;
        if (action === 'save') noted = !noted;
        const bumps = action !== 'comment';
        const revisions = ['submit', 'approve', 'publish'].includes(action) ? 1 : 0;
        expect(after).toMatchObject({
          status: action === 'save' || action === 'comment' ? before.status : to.toUpperCase(),
          version: before.version + (bumps ? 1 : 0), revisions: before.revisions + revisions, audits: before.audits + 1,
          comments: before.comments + (action === 'comment' ? 1 : 0),
        });
        // Dates follow the status: approved and published accounts carry them.
        if (to === 'approved' || to === 'published') expect(after.approvedAt).toBeInstanceOf(Date);
        if (to === 'published') expect((await publishedRevisions(id)).length).toBeGreaterThan(published.length);
        if (action === 'return') expect(after.approvedAt).toBeNull();
      }
    }), { numRuns: 25 });
    // Random, but weighted so that every move succeeds somewhere in 25 runs.
    expect(Object.keys(tally).sort()).toEqual([...MOVES].sort());
  }, 300_000);
});
