// GET /2021/qiaokou/big-data-center/download/{file}: accounts.xlsx (the whole accounts as printed,
// one sheet per table), accounts.json (the interchange document), {tableKind}.csv, {tableKind}.xlsx;
// only of the published version. Built on the first request and kept like the page, until
// something is published (revalidatePublicPages).
import { contentDisposition, accountsDownload } from '@/lib/export/downloads';
import { getPublishedAccountsByPath, parsePublicPath } from '@/lib/data/public-accounts';

export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; district: string; department: string; file: string }[] {
  return [];
}

// no-store: Next would otherwise mark a static 404 cacheable for a year, past a later publication.
const notFound = () => new Response('未找到此文件：决算未公开，或没有这个下载。\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ year: string; district: string; department: string; file: string }> }): Promise<Response> {
  const { file, ...segments } = await params;
  const path = parsePublicPath(segments);
  if (!path.ok || path.year === undefined || !path.district || !path.department) return notFound();
  const accounts = await getPublishedAccountsByPath(path.year, path.district, path.department);
  if (!accounts) return notFound();
  const download = await accountsDownload(accounts.document, accounts.departmentSlug, file);
  if (!download) return notFound();
  return new Response(download.body, {
    headers: {
      'content-type': download.contentType,
      'content-disposition': contentDisposition(download.fileName, download.asciiFileName),
      'cache-control': 'public, max-age=300',
    },
  });
}
