// The plain listing of every department's published accounts, page by page: what the home page
// shows without a search or a filter. proxy.ts rewrites / and /?page=N here, so the most visited
// page is rendered once and served from the cache (refreshed by revalidatePublicPages) instead of
// per request; a search or a filter stays on the home page, rendered per request.
import type { Metadata } from 'next';
import { HomeView } from '@/components/site/home-view';
import { PublicNotFound } from '@/components/site/public-not-found';
import { SiteMain } from '@/components/site/site-main';

export const metadata: Metadata = { title: { absolute: '部门决算公开' }, alternates: { canonical: '/' } };

interface Props {
  params: Promise<{ page: string }>;
}

// None at build time (the build needs no database); each page is rendered on its first visit.
export function generateStaticParams(): { page: string }[] {
  return [];
}

export default async function ListingPage({ params }: Props) {
  const { page } = await params;
  if (!/^\d{1,6}$/.test(page)) {
    return (
      <SiteMain>
        <PublicNotFound />
      </SiteMain>
    );
  }
  return <HomeView query={{ page: Math.max(1, Number(page)) }} />;
}
