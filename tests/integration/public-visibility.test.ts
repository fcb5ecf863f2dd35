// Only published revisions reach the public: accounts in draft, submitted, returned and approved
// but not published appear in no public data function and in no API response, while published
// ones do; a correction in progress (changed, resubmitted and approved again, not yet published)
// leaves the published version in place. Real accounts moved through the real actions, in a
// district of their own, and a second district whose accounts are all unpublished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getFindings } from '../../app/api/v1/accounts/[id]/findings/route';
import { GET as getDocument } from '../../app/api/v1/accounts/[id]/route';
import { GET as getSummary } from '../../app/api/v1/accounts/[id]/summary/route';
import { GET as listAccounts } from '../../app/api/v1/accounts/route';
import { saveCells } from '../../lib/data/accounts-write';
import { addComment } from '../../lib/data/comments';
import { submitFinalAccounts } from '../../lib/data/entry';
import {
  getPublishedAccounts, getPublishedAccountsByPath, getPublishedDistrict, listPublicFacets, listPublishedAccounts, listPublishedYears,
} from '../../lib/data/public-accounts';
import { approveAccounts, publishAccounts, returnAccounts, startCorrection } from '../../lib/data/review-actions';
import { disconnectPrisma } from '../../lib/db';
import { createActor, departmentWithAccounts, type Organisation } from './entry-fixtures';
import { createOrganisation, db } from './fixtures';
import { submittedAccounts } from './review-fixtures';

afterAll(disconnectPrisma);

const YEAR = 2021;
const CORRECTION_NOTE = '更正中补充的说明。';

interface Case {
  state: string;
  id: string;
  departmentName: string;
  departmentSlug: string;
  districtSlug: string;
}

async function describeCase(state: string, org: Organisation, id: string): Promise<Case> {
  const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id }, select: { status: true, department: { select: { name: true, slug: true } } } });
  return { state, id, departmentName: accounts.department.name, departmentSlug: accounts.department.slug, districtSlug: org.district.slug };
}

/** One department's accounts in each state the public must not see, in `org`. */
async function unpublishedCases(org: Organisation): Promise<Case[]> {
  const reviewer = await createActor('REVIEWER', org);
  const draft = await departmentWithAccounts(org);
  const submitted = await submittedAccounts(org);
  const returned = await submittedAccounts(org);
  const comment = await addComment(reviewer, { finalAccountsId: returned.id, anchor: 'expenditure:2101102:basic', body: '请核对' });
  if (!comment.ok) throw new Error(comment.message);
  expect(await returnAccounts(reviewer, { finalAccountsId: returned.id, expectedVersion: 2 })).toMatchObject({ ok: true, data: { status: 'RETURNED' } });
  const approved = await submittedAccounts(org);
  expect(await approveAccounts(reviewer, { finalAccountsId: approved.id, expectedVersion: 2 })).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
  return Promise.all([
    describeCase('draft', org, draft.id), describeCase('submitted', org, submitted.id),
    describeCase('returned', org, returned.id), describeCase('approved', org, approved.id),
  ]);
}

let org: Organisation;
let hidden: Organisation;
let unpublished: Case[];
let hiddenCases: Case[];
let published: Case;
let corrected: Case;

beforeAll(async () => {
  org = await createOrganisation(YEAR);
  hidden = await createOrganisation(YEAR);
  unpublished = await unpublishedCases(org);
  hiddenCases = await unpublishedCases(hidden);
  const reviewer = await createActor('REVIEWER', org);

  const toPublish = await submittedAccounts(org);
  expect(await approveAccounts(reviewer, { finalAccountsId: toPublish.id, expectedVersion: 2 })).toMatchObject({ ok: true });
  expect(await publishAccounts(reviewer, { finalAccountsId: toPublish.id, expectedVersion: 3 })).toMatchObject({ ok: true, data: { version: 4, status: 'PUBLISHED' } });
  published = await describeCase('published', org, toPublish.id);

  // Published, then corrected (a sentence added to the first narrative section), resubmitted and approved again, not yet published.
  const toCorrect = await submittedAccounts(org);
  expect(await approveAccounts(reviewer, { finalAccountsId: toCorrect.id, expectedVersion: 2 })).toMatchObject({ ok: true });
  expect(await publishAccounts(reviewer, { finalAccountsId: toCorrect.id, expectedVersion: 3 })).toMatchObject({ ok: true, data: { version: 4 } });
  expect(await startCorrection(reviewer, { finalAccountsId: toCorrect.id, expectedVersion: 4, reason: '情况说明补充' })).toMatchObject({ ok: true, data: { version: 5, status: 'DRAFT' } });
  const narrative = toCorrect.document.narrative.map((section, i) => (i === 0 ? { ...section, text: `${section.text}${CORRECTION_NOTE}` } : section));
  expect(await saveCells(toCorrect.accountant, { finalAccountsId: toCorrect.id, expectedVersion: 5, changes: [], sections: { narrative } })).toMatchObject({ ok: true, data: { version: 6 } });
  expect(await submitFinalAccounts(toCorrect.accountant, { finalAccountsId: toCorrect.id, expectedVersion: 6 })).toMatchObject({ ok: true, data: { version: 7 } });
  expect(await approveAccounts(reviewer, { finalAccountsId: toCorrect.id, expectedVersion: 7 })).toMatchObject({ ok: true, data: { version: 8, status: 'APPROVED' } });
  corrected = await describeCase('correction approved, not published', org, toCorrect.id);
}, 120_000);

/** Every id on every page of the public listing (pages of 100). */
async function everyListedId(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const result = await listPublishedAccounts({ page, pageSize: 100 });
    for (const item of result.items) ids.add(item.id);
    if (page >= result.pageCount) return ids;
  }
}

describe('the public data functions', () => {
  it('list only the published accounts of the district, the correction in progress at its published version', async () => {
    const listing = await listPublishedAccounts({ district: org.district.slug, pageSize: 100 });
    expect(listing.items.map((item) => item.id).sort()).toEqual([published.id, corrected.id].sort());
    expect(listing.items.find((item) => item.id === corrected.id)).toMatchObject({ version: 4, correctionReason: null, incomeTotal: '2882.93' });
    expect(await listPublishedAccounts({ district: hidden.district.slug })).toMatchObject({ items: [], total: 0 });

    const everywhere = await everyListedId();
    expect(everywhere.has(published.id) && everywhere.has(corrected.id)).toBe(true);
    for (const c of [...unpublished, ...hiddenCases]) {
      expect(everywhere.has(c.id), c.state).toBe(false);
      expect((await listPublishedAccounts({ q: c.departmentName })).total, c.state).toBe(0);
    }
    expect((await listPublishedAccounts({ q: published.departmentName })).items.map((item) => item.id)).toEqual([published.id]);
  });

  it('read none of the unpublished accounts by id, by address, in the district or across the years', async () => {
    for (const c of [...unpublished, ...hiddenCases]) {
      expect(await getPublishedAccounts(c.id), c.state).toBeNull();
      expect(await getPublishedAccountsByPath(YEAR, c.districtSlug, c.departmentSlug), c.state).toBeNull();
      expect(await listPublishedYears(c.districtSlug, c.departmentSlug), c.state).toEqual([]);
    }
    const district = await getPublishedDistrict(YEAR, org.district.slug);
    expect(district?.members.map((m) => m.id).sort()).toEqual([published.id, corrected.id].sort());
    expect(await getPublishedDistrict(YEAR, hidden.district.slug)).toBeNull();

    const facets = await listPublicFacets();
    expect(facets.districts).toContainEqual({ slug: org.district.slug, name: org.district.name });
    expect(facets.districts.map((d) => d.slug)).not.toContain(hidden.district.slug);
    expect(facets.years).toContain(YEAR);
  });

  it('read the published accounts, and a correction in progress as it was published', async () => {
    const byId = await getPublishedAccounts(published.id);
    expect(byId).toMatchObject({ id: published.id, version: 4, departmentName: published.departmentName, path: `/${YEAR}/${org.district.slug}/${published.departmentSlug}` });
    expect(await getPublishedAccountsByPath(YEAR, org.district.slug, published.departmentSlug)).toMatchObject({ id: published.id, version: 4 });
    expect((await listPublishedYears(org.district.slug, published.departmentSlug)).map((a) => a.id)).toEqual([published.id]);

    const correction = await getPublishedAccountsByPath(YEAR, org.district.slug, corrected.departmentSlug);
    expect(correction).toMatchObject({ id: corrected.id, version: 4, correctionReason: null, publications: [expect.objectContaining({ version: 4, correctionReason: null })] });
    expect(correction?.document.narrative[0]?.text.endsWith(CORRECTION_NOTE)).toBe(false);
    // What was approved for the correction is stored, and still not public.
    const approved = await db().finalAccountsRevision.findUniqueOrThrow({ where: { finalAccountsId_version_status: { finalAccountsId: corrected.id, version: 8, status: 'APPROVED' } } });
    expect(JSON.stringify(approved.document)).toContain(CORRECTION_NOTE);
  });
});

// The API's route handlers, called as Next calls them: a Request, and the dynamic segments as a promise.
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(handler: Handler, url: string, id = ''): Promise<{ status: number; text: string; json: unknown }> {
  const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve({ id }) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

describe('the API', () => {
  const ENDPOINTS: [Handler, string][] = [[getDocument, ''], [getSummary, '/summary'], [getFindings, '/findings']];

  it('lists the published accounts and none of the others, on any page', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 1000; page++) {
      const { status, text, json } = await call(listAccounts, `/api/v1/accounts?page=${page}&pageSize=100`);
      expect(status).toBe(200);
      seen.push(text);
      const { pageCount } = json as { pageCount?: number };
      if (pageCount === undefined || page >= pageCount) break;
    }
    const all = seen.join('\n');
    expect(all).toContain(published.id);
    expect(all).toContain(corrected.id);
    for (const c of [...unpublished, ...hiddenCases]) {
      expect(all.includes(c.id), c.state).toBe(false);
      expect(all.includes(c.departmentName), c.state).toBe(false);
    }
    expect(all).not.toContain(hidden.district.name);
  });

  it('answers 404 JSON for every unpublished id on every endpoint', async () => {
    for (const [handler, suffix] of ENDPOINTS) {
      for (const c of [...unpublished, ...hiddenCases]) {
        const { status, text } = await call(handler, `/api/v1/accounts/${c.id}${suffix}`, c.id);
        expect(status, `${suffix} ${c.state}`).toBe(404);
        expect(text, `${suffix} ${c.state}`).not.toContain(c.departmentName);
      }
    }
  });

  it('serves the published accounts, and the correction in progress as it was published', async () => {
    const doc = await call(getDocument, `/api/v1/accounts/${published.id}`, published.id);
    expect(doc.status).toBe(200);
    const publishedDocument = (await getPublishedAccounts(published.id))?.document;
    expect(doc.json).toEqual(JSON.parse(JSON.stringify(publishedDocument)));

    const correction = await call(getDocument, `/api/v1/accounts/${corrected.id}`, corrected.id);
    expect(correction.status).toBe(200);
    expect(correction.text).not.toContain(CORRECTION_NOTE);
    expect(correction.json).toEqual(JSON.parse(JSON.stringify((await getPublishedAccounts(corrected.id))?.document)));
    const totals = await call(getSummary, `/api/v1/accounts/${corrected.id}/summary`, corrected.id);
    expect(totals.status).toBe(200);
    expect(totals.json).toMatchObject({ incomeTotal: '2882.93', expenditureTotal: '2882.93', basicExpenditure: '288.90', projectExpenditure: '2594.03' });
    const findings = await call(getFindings, `/api/v1/accounts/${corrected.id}/findings`, corrected.id);
    expect(findings.status).toBe(200);
    expect(findings.text).not.toContain(CORRECTION_NOTE);
  });
});
