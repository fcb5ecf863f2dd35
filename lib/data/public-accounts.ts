// What the public may read: published revisions only. A correction in progress does not
// change what is published until it is published again as a new version. Server-only.
import { z } from 'zod';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { summarizeFinalAccounts } from '../accounts/summary';
import { getPrisma } from '../db';

interface PublishedHeader {
  id: string;
  departmentName: string;
  district: string;
  fiscalYear: number;
  version: number;
  publishedAt: string;
}

export interface PublishedAccountsListing extends PublishedHeader {
  incomeTotal: string;
  expenditureTotal: string;
}

export interface PublishedAccounts extends PublishedHeader {
  document: TFinalAccounts;
}

/** The newest published revision of every department's accounts. */
async function latestPublishedRevisions(finalAccountsId?: string) {
  const revisions = await getPrisma().finalAccountsRevision.findMany({
    where: { status: 'PUBLISHED', finalAccounts: { level: 'DEPARTMENT' }, ...(finalAccountsId ? { finalAccountsId } : {}) },
    orderBy: [{ finalAccountsId: 'asc' }, { version: 'desc' }],
    distinct: ['finalAccountsId'],
    include: { finalAccounts: { select: { fiscalYear: true, department: { select: { name: true, district: { select: { name: true } } } } } } },
  });
  return revisions.map((revision) => ({
    id: revision.finalAccountsId,
    departmentName: revision.finalAccounts.department.name,
    district: revision.finalAccounts.department.district.name,
    fiscalYear: revision.finalAccounts.fiscalYear,
    version: revision.version,
    publishedAt: revision.createdAt.toISOString(),
    document: ZFinalAccounts.parse(revision.document),
  }));
}

export async function listPublishedAccounts(): Promise<PublishedAccountsListing[]> {
  const published = await latestPublishedRevisions();
  return published
    .map(({ document, ...listing }) => {
      const summary = summarizeFinalAccounts(document);
      return { ...listing, incomeTotal: summary.incomeTotal, expenditureTotal: summary.expenditureTotal };
    })
    .sort((a, b) => b.fiscalYear - a.fiscalYear || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

/** A malformed or unknown id, or accounts not published, read as "not found". */
export async function getPublishedAccounts(id: string): Promise<PublishedAccounts | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [published] = await latestPublishedRevisions(id);
  return published ?? null;
}
