// GET /review/consolidation/download?year=2021: the district consolidation as interchange JSON,
// for the reviewers and admins of the district (lib/data checks who asks).
import { currentActor } from '@/lib/auth';
import { consolidationDownload } from '@/lib/data/consolidation';

export const dynamic = 'force-dynamic';

const STATUS_OF = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 400 } as const;

export async function GET(request: Request): Promise<Response> {
  const year = new URL(request.url).searchParams.get('year');
  const result = await consolidationDownload(await currentActor(), { kind: 'district', fiscalYear: year && /^\d{4}$/.test(year) ? Number(year) : year });
  if (!result.ok) {
    const status = result.code in STATUS_OF ? STATUS_OF[result.code as keyof typeof STATUS_OF] : 500;
    return new Response(result.message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(result.data.json, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="consolidation-${result.data.fileName.slice(-9)}"; filename*=UTF-8''${encodeURIComponent(result.data.fileName)}`,
    },
  });
}
