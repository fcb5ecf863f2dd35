// GET /2021/qiaokou/open-data/{file}: the district's open data for the year as a Fiscal Data
// Package — datapackage.json and the CSV resources it lists — from the newest published version
// of each department's accounts. Kept like the pages until something is published.
import { contentDisposition } from '@/lib/export/downloads';
import { PACKAGE_DESCRIPTOR, packageDescriptorJson, packageResourceCsv } from '@/lib/export/fiscal-data-package';
import { getPublishedDistrict, parsePublicPath } from '@/lib/data/public-accounts';

export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; district: string; file: string }[] {
  return [];
}

// no-store: Next would otherwise mark a static 404 cacheable for a year, past a later publication.
const notFound = () => new Response('未找到此文件：该地区该年度没有已公开的决算，或没有这个数据文件。\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ year: string; district: string; file: string }> }): Promise<Response> {
  const { file, ...segments } = await params;
  const path = parsePublicPath(segments);
  if (!path.ok || path.year === undefined || !path.district) return notFound();
  const district = await getPublishedDistrict(path.year, path.district);
  if (!district || district.members.length === 0) return notFound();
  const headers = (contentType: string) => ({ 'content-type': contentType, 'cache-control': 'public, max-age=300' });
  if (file === PACKAGE_DESCRIPTOR) return new Response(packageDescriptorJson(district), { headers: headers('application/json; charset=utf-8') });
  const csv = packageResourceCsv(district, file);
  if (csv === undefined) return notFound();
  return new Response(csv, { headers: { ...headers('text/csv; charset=utf-8'), 'content-disposition': contentDisposition(`${district.slug}-${district.fiscalYear}-${file}`, `${district.slug}-${district.fiscalYear}-${file}`) } });
}
