// What the public may read: department accounts' published revisions, nothing else. The
// newest published revision is the published version, so a correction in progress changes
// nothing public until it is itself published. Server-only; no actor, no drafts. Revisions
// never change, so one stored before format 2 is read through upgradeDocument. The heading
// (department, district, dates, correction) is the revision's own, as it stood when published:
// renaming a department later changes nothing published. Addresses use the district's and the
// department's slugs (/2021/qiaokou/big-data-center), which do not change with a name either.
import { z } from 'zod';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { upgradeDocument } from '../accounts/upgrade';
import { getPrisma, Prisma, type Db } from '../db';
import { isSlug } from '../slug.mjs';
import { queryRows } from './plain-sql';

export interface PublishedAccountsHeader {
  /** The accounts' id (a uuid): stable, the API's id. */
  id: string;
  departmentName: string;
  district: string;
  districtSlug: string;
  departmentSlug: string;
  /** 发布机关: the district's finance bureau. */
  financeBureauName: string;
  fiscalYear: number;
  version: number;
  /** ISO 8601 */
  publishedAt: string;
  /** ISO 8601; null when the accounts were published without an approval date on record. */
  approvedAt: string | null;
  /** Set when this version corrects an earlier publication: why (publishedAt says when). */
  correctionReason: string | null;
  /** The public address, "/2021/qiaokou/big-data-center". */
  path: string;
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

export interface PublishedListQuery {
  /** Part of the department's name. */
  q?: string;
  year?: number;
  /** A district's slug. */
  district?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface PublishedListPage {
  items: PublishedAccountsListItem[];
  /** How many published accounts match, on every page. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface PublishedDistrict {
  slug: string;
  name: string;
  financeBureauName: string;
  fiscalYear: number;
  /** Every department's published accounts of that year, by department name. */
  members: PublishedAccounts[];
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** A search longer than any department's name finds nothing; refusing it early bounds the LIKE. */
export const MAX_QUERY_LENGTH = 100;

// Any string PostgreSQL accepts as a uuid in canonical form; anything else is "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^\d{4}$/;
const ZSummaryTotals = z.object({ incomeTotal: z.string(), expenditureTotal: z.string() });

export const isAccountsId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

export type PublicPath = { ok: true; year?: number; district?: string; department?: string } | { ok: false };

/** Route segments as given (already decoded by the router); any that is malformed makes the path not one of ours. */
export function parsePublicPath(segments: { year?: string; district?: string; department?: string }): PublicPath {
  const { year, district, department } = segments;
  if (year !== undefined && !YEAR.test(year)) return { ok: false };
  if (district !== undefined && !isSlug(district)) return { ok: false };
  if (department !== undefined && !isSlug(department)) return { ok: false };
  return { ok: true, ...(year !== undefined ? { year: Number(year) } : {}), ...(district !== undefined ? { district } : {}), ...(department !== undefined ? { department } : {}) };
}

export const publicPath = (year: number, districtSlug: string, departmentSlug: string): string => `/${year}/${districtSlug}/${departmentSlug}`;

interface HeaderRow {
  id: string;
  version: number;
  department_name: string | null;
  district_name: string | null;
  approved_at: Date | null;
  published_at: Date | null;
  correction_reason: string | null;
  created_at: Date;
  fiscal_year: number;
  district_slug: string;
  department_slug: string;
  finance_bureau_name: string;
}

function header(row: HeaderRow): PublishedAccountsHeader {
  // A CHECK constraint keeps both names on every published revision.
  if (row.department_name === null || row.district_name === null) {
    throw new Error(`已公开决算 ${row.id} 第 ${row.version} 版缺少部门或地区名称`);
  }
  return {
    id: row.id,
    departmentName: row.department_name,
    district: row.district_name,
    districtSlug: row.district_slug,
    departmentSlug: row.department_slug,
    financeBureauName: row.finance_bureau_name,
    fiscalYear: row.fiscal_year,
    version: row.version,
    publishedAt: (row.published_at ?? row.created_at).toISOString(),
    approvedAt: row.approved_at?.toISOString() ?? null,
    correctionReason: row.correction_reason,
    path: publicPath(row.fiscal_year, row.district_slug, row.department_slug),
  };
}

/**
 * The newest published revision of each department-level accounts that `where` admits, with
 * the columns of the heading; `extra` adds columns of the revision `r`. One statement: DISTINCT
 * ON picks the newest version per accounts through the (status, final_accounts_id, version) index.
 */
function publishedRevisions(extra: Prisma.Sql, where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    WITH latest AS (
      SELECT DISTINCT ON (final_accounts_id) *
        FROM final_accounts_revision
       WHERE status = 'PUBLISHED'
       ORDER BY final_accounts_id, version DESC
    )
    SELECT r.final_accounts_id AS id, r.version, r.department_name, r.district_name, r.approved_at,
           r.published_at, r.correction_reason, r.created_at, fa.fiscal_year,
           di.slug AS district_slug, de.slug AS department_slug, di.finance_bureau_name${extra}
      FROM latest r
      JOIN final_accounts fa ON fa.id = r.final_accounts_id AND fa.level = 'DEPARTMENT'
      JOIN department de ON de.id = fa.department_id
      JOIN district di ON di.id = de.district_id
     WHERE ${where}
     ${tail}`;
}

// Chinese names in pinyin order, as a reader expects; ICU is in every PostgreSQL this runs on
// (the embedded server, Debian's and the official image).
const BY_YEAR_DISTRICT_DEPARTMENT = Prisma.sql`ORDER BY fa.fiscal_year DESC, r.district_name COLLATE "zh-Hans-x-icu", r.department_name COLLATE "zh-Hans-x-icu", r.final_accounts_id`;

const clampInt = (value: number | undefined, min: number, max: number, fallback: number): number =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));

/**
 * One page of every department's published accounts, newest year first, then by district and
 * department, filtered by name, year and district. Values out of range are clamped (a page past
 * the last gives the last), so a hand-edited address never fails.
 */
export async function listPublishedAccounts(query: PublishedListQuery = {}, db: Db = getPrisma()): Promise<PublishedListPage> {
  const pageSize = clampInt(query.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  // PostgreSQL text cannot hold NUL; a search with one would fail the statement.
  const q = query.q?.replaceAll('\0', '').trim().slice(0, MAX_QUERY_LENGTH) ?? '';
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  // The search is a plain substring: % and _ typed by a reader are literal characters.
  if (q !== '') conditions.push(Prisma.sql`strpos(r.department_name, ${q}) > 0`);
  if (query.year !== undefined && Number.isInteger(query.year)) conditions.push(Prisma.sql`fa.fiscal_year = ${query.year}`);
  if (query.district !== undefined) {
    if (!isSlug(query.district)) return { items: [], total: 0, page: 1, pageSize, pageCount: 1 };
    conditions.push(Prisma.sql`di.slug = ${query.district}`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const counted = await queryRows<{ total: number }>(db, Prisma.sql`SELECT count(*)::int AS total FROM (${publishedRevisions(Prisma.empty, where)}) matching`);
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = clampInt(query.page, 1, pageCount, 1);
  const rows = await queryRows<HeaderRow & { summary: unknown }>(
    db,
    publishedRevisions(Prisma.sql`, r.summary`, where, Prisma.sql`${BY_YEAR_DISTRICT_DEPARTMENT} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  );
  const items = rows.flatMap((row) => {
    const totals = ZSummaryTotals.safeParse(row.summary);
    // One damaged revision must not take the whole list down; it is logged and left out.
    if (!totals.success) {
      console.error(`已公开决算 ${row.id} 第 ${row.version} 版的合计数无效，未列出`);
      return [];
    }
    return [{ ...header(row), incomeTotal: totals.data.incomeTotal, expenditureTotal: totals.data.expenditureTotal }];
  });
  return { items, total, page, pageSize, pageCount };
}

/** The finance bureau that publishes a district's accounts (of that year): null when it has published none. */
export async function getDistrictPublisher(district: string, year?: number, db: Db = getPrisma()): Promise<string | null> {
  if (!isSlug(district) || (year !== undefined && !Number.isInteger(year))) return null;
  const rows = await queryRows<{ finance_bureau_name: string }>(
    db,
    Prisma.sql`SELECT di.finance_bureau_name FROM district di
                WHERE di.slug = ${district}
                  AND EXISTS (SELECT 1 FROM department de
                                JOIN final_accounts fa ON fa.department_id = de.id AND fa.level = 'DEPARTMENT'
                                JOIN final_accounts_revision r ON r.final_accounts_id = fa.id AND r.status = 'PUBLISHED'
                               WHERE de.district_id = di.id ${year === undefined ? Prisma.empty : Prisma.sql`AND fa.fiscal_year = ${year}`})`,
  );
  return rows[0]?.finance_bureau_name ?? null;
}

/**
 * The years and districts that have published accounts, for the home page's filters. A
 * district is named as its newest publication names it, like every public heading, so a rename
 * shows only once something is published under the new name.
 */
export async function listPublicFacets(db: Db = getPrisma()): Promise<{ years: number[]; districts: { slug: string; name: string }[] }> {
  const rows = await queryRows<{ fiscal_year: number; district_slug: string; district_name: string }>(
    db,
    Prisma.sql`SELECT DISTINCT ON (published.district_slug, published.fiscal_year) published.fiscal_year, published.district_slug, published.district_name
                 FROM (${publishedRevisions(Prisma.empty, Prisma.sql`TRUE`)}) published
                ORDER BY published.district_slug, published.fiscal_year, published.published_at DESC NULLS LAST`,
  );
  const years = [...new Set(rows.map((r) => r.fiscal_year))].sort((a, b) => b - a);
  // Rows come by slug and then year, so the last of each slug is its newest year's name.
  const districts = new Map(rows.map((r) => [r.district_slug, r.district_name]));
  const collator = new Intl.Collator('zh-CN');
  return {
    years,
    districts: [...districts].map(([slug, name]) => ({ slug, name })).sort((a, b) => collator.compare(a.name, b.name)),
  };
}

function readDocument(row: { id: string; version: number; document: unknown }): TFinalAccounts {
  const document = ZFinalAccounts.safeParse(upgradeDocument(row.document));
  if (!document.success) throw new Error(`已公开决算 ${row.id} 第 ${row.version} 版的文件无效：${document.error.message}`);
  return document.data;
}

/** Every publication of each of these accounts, oldest first. */
async function publicationsOf(db: Db, ids: readonly string[]): Promise<Map<string, Publication[]>> {
  const rows = await queryRows<{ id: string; version: number; published_at: Date | null; created_at: Date; correction_reason: string | null }>(
    db,
    Prisma.sql`SELECT final_accounts_id AS id, version, published_at, created_at, correction_reason
                 FROM final_accounts_revision
                WHERE status = 'PUBLISHED' AND final_accounts_id = ANY(${[...ids]}::uuid[])
                ORDER BY final_accounts_id, version`,
  );
  const byId = new Map<string, Publication[]>();
  for (const row of rows) {
    const list = byId.get(row.id) ?? [];
    list.push({ version: row.version, publishedAt: (row.published_at ?? row.created_at).toISOString(), correctionReason: row.correction_reason });
    byId.set(row.id, list);
  }
  return byId;
}

/** Published accounts with their documents and publications, for the revisions `where` admits. */
async function readPublished(db: Db, where: Prisma.Sql, order: Prisma.Sql): Promise<PublishedAccounts[]> {
  const rows = await queryRows<HeaderRow & { document: unknown }>(db, publishedRevisions(Prisma.sql`, r.document`, where, order));
  if (rows.length === 0) return [];
  const publications = await publicationsOf(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...header(row), document: readDocument(row), publications: publications.get(row.id) ?? [] }));
}

/** One department's published accounts; a malformed or unknown id, or unpublished accounts, give null. */
export async function getPublishedAccounts(id: string, db: Db = getPrisma()): Promise<PublishedAccounts | null> {
  if (!isAccountsId(id)) return null;
  const [accounts] = await readPublished(db, Prisma.sql`r.final_accounts_id = ${id}::uuid`, Prisma.empty);
  return accounts ?? null;
}

/** The published accounts at /{year}/{district}/{department}; null when there are none (or a segment is malformed). */
export async function getPublishedAccountsByPath(year: number, district: string, department: string, db: Db = getPrisma()): Promise<PublishedAccounts | null> {
  if (!Number.isInteger(year) || !isSlug(district) || !isSlug(department)) return null;
  const [accounts] = await readPublished(db, Prisma.sql`fa.fiscal_year = ${year} AND di.slug = ${district} AND de.slug = ${department}`, Prisma.empty);
  return accounts ?? null;
}

/** A district's published department accounts of one year; null when the district has none that year. */
export async function getPublishedDistrict(year: number, district: string, db: Db = getPrisma()): Promise<PublishedDistrict | null> {
  if (!Number.isInteger(year) || !isSlug(district)) return null;
  const members = await readPublished(db, Prisma.sql`fa.fiscal_year = ${year} AND di.slug = ${district}`, Prisma.sql`ORDER BY r.department_name COLLATE "zh-Hans-x-icu", r.final_accounts_id`);
  // Named as its newest publication of that year names it, like the members' own headings.
  const newest = members.reduce<PublishedAccounts | undefined>((a, b) => (a === undefined || b.publishedAt > a.publishedAt ? b : a), undefined);
  if (newest === undefined) return null;
  return { slug: district, name: newest.district, financeBureauName: newest.financeBureauName, fiscalYear: year, members };
}

/** One department's published accounts of every year, oldest year first; [] when none. */
export async function listPublishedYears(district: string, department: string, db: Db = getPrisma()): Promise<PublishedAccounts[]> {
  if (!isSlug(district) || !isSlug(department)) return [];
  return readPublished(db, Prisma.sql`di.slug = ${district} AND de.slug = ${department}`, Prisma.sql`ORDER BY fa.fiscal_year`);
}
