// One department's published final accounts for one year (/2021/qiaokou/big-data-center): the
// whole document as published, part by part, with its dates, corrections and downloads.
// Published revisions never change, so the page is rendered on its first visit and then served
// from the cache until something is published (revalidatePublicPages). It has no client
// component (the charts have a page of their own, …/charts), so the cache keeps it as plain
// HTML without scripts (lib/page-cache.mjs).
import type { Metadata } from 'next';
import { cache } from 'react';
import { DisclosureDocument } from '@/components/disclosure/document/disclosure-document';
import { PublicNotFound } from '@/components/site/public-not-found';
import { narrativeFigureLinks } from '@/lib/accounts/disclosure/narrative-links';
import { templateFor } from '@/lib/accounts/templates';
import { getPublishedAccountsByPath, parsePublicPath } from '@/lib/data/public-accounts';
import { AccountsHeading, headingOf } from './_components/accounts-heading';
import { Downloads } from './_components/downloads';

// Rendered once per address on its first request, kept until revalidated; no address is known
// at build time (the database is not read while building).
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; district: string; department: string }[] {
  return [];
}

interface Props {
  params: Promise<{ year: string; district: string; department: string }>;
}

// generateMetadata and the page share one read per render.
const loadAccounts = cache(async (year: string, district: string, department: string) => {
  const path = parsePublicPath({ year, district, department });
  if (!path.ok || path.year === undefined || !path.district || !path.department) return null;
  return getPublishedAccountsByPath(path.year, path.district, path.department);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, district, department } = await params;
  const accounts = await loadAccounts(year, district, department);
  return { title: accounts ? headingOf(accounts) : '未找到' };
}

export default async function DepartmentYearPage({ params }: Props) {
  const { year, district, department } = await params;
  const accounts = await loadAccounts(year, district, department);
  // Not notFound(): Next would send an empty shell without the text (see PublicNotFound).
  if (!accounts) return <PublicNotFound />;
  const { document } = accounts;
  const template = templateFor(document.template);

  return (
    <article className="disclosure">
      <AccountsHeading accounts={accounts} />
      <Downloads accounts={accounts} template={template} />
      <DisclosureDocument document={document} template={template} links={narrativeFigureLinks(document, template)} />
    </article>
  );
}
