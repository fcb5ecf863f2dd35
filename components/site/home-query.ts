// The home page's query string read leniently: a value that is malformed, repeated or out of
// range is ignored (or clamped), never an error, so any link someone shares still opens a page.
import { MAX_QUERY_LENGTH, parsePublicPath, type PublishedListQuery } from '@/lib/data/public-accounts';

export type SearchParams = Record<string, string | string[] | undefined>;

export interface HomeQuery {
  q?: string;
  year?: number;
  district?: string;
  page: number;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Control characters are never in a department's name; NUL would even make PostgreSQL refuse the query.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export function readHomeQuery(params: SearchParams): HomeQuery {
  const q = first(params.q)?.replace(CONTROL_CHARACTERS, ' ').trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH) || undefined;
  const year = parsePublicPath({ year: first(params.year) });
  const district = parsePublicPath({ district: first(params.district) });
  const pageText = first(params.page);
  const page = pageText !== undefined && /^\d{1,6}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
  return {
    q,
    year: year.ok ? year.year : undefined,
    district: district.ok ? district.district : undefined,
    page,
  };
}

/** The home page's address for a query: only what is set, and no page= for the first page. */
export function homeHref(query: PublishedListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.district) params.set('district', query.district);
  if (query.page !== undefined && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
