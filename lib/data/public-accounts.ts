// What the public may read: department accounts' published revisions, nothing else. The
// newest published revision is the published version, so a correction in progress changes
// nothing public until it is itself published. Server-only; no actor, no drafts. Revisions
// never change, so one stored before format 2 is read through upgradeDocument. The heading
// (department, district, dates, correction) is the revision's own, as it stood when published:
// renaming a department later changes nothing published.
import { z } from 'zod';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { upgradeDocument } from '../accounts/upgrade';
import { getPrisma } from '../db';

export interface PublishedAccountsHeader {
  id: string;
  departmentName: string;
  district: string;
  fiscalYear: number;
  version: number;
  /** ISO 8601 */
  publishedAt: string;
  /** ISO 8601; null when the accounts were published without an approval date on record. */
  approvedAt: string | null;
  /** Set when this version corrects an earlier publication: why (publishedAt says when). */
  correctionReason: string | null;
}

export interface PublishedAccountsListItem extends PublishedAccountsHeader {
  /** Decimal strings in 万元, "2882.93". */
  incomeTotal: string;
  expenditureTotal: string;
}

/** One publication of the accounts: the first, or a correction of it with its reason. */
export interface Publication {
  version: number;
  /** ISO 8601 */
  publishedAt: string;
  correctionReason: string | null;
}

export interface PublishedAccounts extends PublishedAccountsHeader {
  document: TFinalAccounts;
  /** Every publication of these accounts, oldest first; more than one means it was corrected. */
  publications: Publication[];
}

// Any string PostgreSQL accepts as a uuid in canonical form; anything else is "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZSummaryTotals = z.object({ incomeTotal: z.string(), expenditureTotal: z.string() });

const PUBLISHED = { status: 'PUBLISHED', finalAccounts: { level: 'DEPARTMENT' } } as const;
const HEADER_SELECT = {
  finalAccountsId: true,
  version: true,
  departmentName: true,
  districtName: true,
  approvedAt: true,
  publishedAt: true,
  correctionReason: true,
  createdAt: true,
  finalAccounts: { select: { fiscalYear: true } },
} as const;

interface HeaderRow {
  finalAccountsId: string;
  version: number;
  departmentName: string | null;
  districtName: string | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  correctionReason: string | null;
  createdAt: Date;
  finalAccounts: { fiscalYear: number };
}

function header(row: HeaderRow): PublishedAccountsHeader {
  // A CHECK constraint keeps both names on every published revision.
  if (row.departmentName === null || row.districtName === null) {
    throw new Error(`已公开决算 ${row.finalAccountsId} 第 ${row.version} 版缺少部门或地区名称`);
  }
  return {
    id: row.finalAccountsId,
    departmentName: row.departmentName,
    district: row.districtName,
    fiscalYear: row.finalAccounts.fiscalYear,
    version: row.version,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    correctionReason: row.correctionReason,
  };
}

const collator = new Intl.Collator('zh-CN');

/** Every department's published accounts, newest year first, then by district and department. */
export async function listPublishedAccounts(): Promise<PublishedAccountsListItem[]> {
  const revisions = await getPrisma().finalAccountsRevision.findMany({
    where: PUBLISHED,
    orderBy: [{ finalAccountsId: 'asc' }, { version: 'desc' }],
    distinct: ['finalAccountsId'],
    select: { ...HEADER_SELECT, summary: true },
  });
  return revisions
    .flatMap((revision) => {
      const totals = ZSummaryTotals.safeParse(revision.summary);
      // One damaged revision must not take the whole list down; it is logged and left out.
      if (!totals.success) {
        console.error(`已公开决算 ${revision.finalAccountsId} 第 ${revision.version} 版的合计数无效，未列出`);
        return [];
      }
      return [{ ...header(revision), incomeTotal: totals.data.incomeTotal, expenditureTotal: totals.data.expenditureTotal }];
    })
    .sort((a, b) => b.fiscalYear - a.fiscalYear || collator.compare(a.district, b.district) || collator.compare(a.departmentName, b.departmentName));
}

/** One department's published accounts; a malformed or unknown id, or unpublished accounts, give null. */
export async function getPublishedAccounts(id: string): Promise<PublishedAccounts | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const revision = await getPrisma().finalAccountsRevision.findFirst({
    where: { ...PUBLISHED, finalAccountsId: id },
    orderBy: { version: 'desc' },
    select: { ...HEADER_SELECT, document: true },
  });
  if (!revision) return null;
  const document = ZFinalAccounts.safeParse(upgradeDocument(revision.document));
  if (!document.success) throw new Error(`已公开决算 ${id} 第 ${revision.version} 版的文件无效：${document.error.message}`);
  const publications = await getPrisma().finalAccountsRevision.findMany({
    where: { ...PUBLISHED, finalAccountsId: id },
    orderBy: { version: 'asc' },
    select: { version: true, publishedAt: true, createdAt: true, correctionReason: true },
  });
  return {
    ...header(revision),
    document: document.data,
    publications: publications.map((p) => ({ version: p.version, publishedAt: (p.publishedAt ?? p.createdAt).toISOString(), correctionReason: p.correctionReason })),
  };
}
