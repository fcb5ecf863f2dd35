// GET /api/v1/accounts: the published accounts, newest year first, paginated in SQL.
//   ?page=1 (from 1) &pageSize=20 (1–100) &year=2021 &district=qiaokou &q=大数据 (department name)
// A malformed parameter is a 400 that names it; an unknown district or year is an empty page.
// Each item's url (its page) and api (its document) are paths on this site.
import { z } from 'zod';
import { listPublishedAccounts, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, parsePublicPath } from '@/lib/data/public-accounts';
import { answer, errorResponse, jsonResponse } from '../_lib/respond';

export const dynamic = 'force-dynamic';

const integer = (min: number, max: number, what: string) =>
  z.string().regex(/^\d{1,9}$/, `${what}须为整数`).transform(Number).pipe(z.number().min(min, `${what}须在 ${min} 至 ${max} 之间`).max(max, `${what}须在 ${min} 至 ${max} 之间`));

const ZListQuery = z.object({
  page: integer(1, 1_000_000, 'page').optional(),
  pageSize: integer(1, MAX_PAGE_SIZE, 'pageSize').optional(),
  year: integer(2000, 2100, 'year').optional(),
  district: z.string().refine((district) => parsePublicPath({ district }).ok, 'district 须为地区代码，如 qiaokou').optional(),
  q: z.string().max(MAX_QUERY_LENGTH, `q 最长 ${MAX_QUERY_LENGTH} 字`).optional(),
});

const PARAMETERS = ['page', 'pageSize', 'year', 'district', 'q'] as const;

export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const url = new URL(request.url);
    const given = Object.fromEntries(PARAMETERS.flatMap((name) => {
      const value = url.searchParams.get(name);
      return value === null || value === '' ? [] : [[name, value]];
    }));
    const query = ZListQuery.safeParse(given);
    if (!query.success) return errorResponse(400, query.error.issues.map((issue) => issue.message).join('；'));
    // Without pageSize, the data layer's DEFAULT_PAGE_SIZE.
    const page = await listPublishedAccounts(query.data);
    return jsonResponse({
      items: page.items.map((item) => ({
        id: item.id,
        department: item.departmentName,
        departmentSlug: item.departmentSlug,
        district: item.district,
        districtSlug: item.districtSlug,
        year: item.fiscalYear,
        version: item.version,
        publishedAt: item.publishedAt,
        // Relative to the site: the Host a request names is not to be trusted into a cacheable answer.
        url: item.path,
        api: `/api/v1/accounts/${item.id}`,
      })),
      page: page.page,
      pageSize: page.pageSize,
      total: page.total,
      pageCount: page.pageCount,
    });
  });
}
