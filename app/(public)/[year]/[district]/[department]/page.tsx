// One department's published final accounts for one year (/2021/qiaokou/big-data-center): the
// whole document as published, part by part, with its dates, corrections and downloads.
// Published revisions never change, so the page is rendered on its first visit and then served
// from the cache until something is published (revalidatePublicPages). It has no client
// component (the charts have a page of their own, …/charts), so the cache keeps it as plain
// HTML without scripts (lib/page-cache.mjs).
import type { Metadata } from 'next';
import { DisclosureDocument } from '@/components/disclosure/document/disclosure-document';
import { PublicNotFound } from '@/components/site/public-not-found';
import { narrativeFigureLinks } from '@/lib/accounts/disclosure/narrative-links';
import { templateFor } from '@/lib/accounts/templates';
import { AccountsHeading, headingOf } from './_components/accounts-heading';
import { Downloads } from './_components/downloads';
import { loadDepartmentYear, type DepartmentYearParams } from './_components/load-accounts';

// Rendered once per address on its first request, kept until revalidated; no address is known
// at build time (the database is not read while building).
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; district: string; department: string }[] {
  return [];
}

export async function generateMetadata(props: DepartmentYearParams): Promise<Metadata> {
  const accounts = await loadDepartmentYear(props);
  return { title: accounts ? headingOf(accounts) : '未找到' };
}

export default async function DepartmentYearPage(props: DepartmentYearParams) {
  const accounts = await loadDepartmentYear(props);
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
