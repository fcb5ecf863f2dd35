// The published accounts a department-year address names, read once per render (generateMetadata
// and the page share it); null for a malformed segment or nothing published there.
import { cache } from 'react';
import { getPublishedAccountsByPath, parsePublicPath, type PublishedAccounts } from '@/lib/data/public-accounts';

export interface DepartmentYearParams {
  params: Promise<{ year: string; district: string; department: string }>;
}

const load = cache(async (year: string, district: string, department: string): Promise<PublishedAccounts | null> => {
  const path = parsePublicPath({ year, district, department });
  if (!path.ok || path.year === undefined || !path.district || !path.department) return null;
  return getPublishedAccountsByPath(path.year, path.district, path.department);
});

export async function loadDepartmentYear({ params }: DepartmentYearParams): Promise<PublishedAccounts | null> {
  const { year, district, department } = await params;
  return load(year, district, department);
}
