// Home with a search or a filter (?q=, ?year=, ?district=): rendered per request. The plain
// listing (/, /?page=N) is rewritten by proxy.ts to the cached /list/{page}.
import type { Metadata } from 'next';
import { readHomeQuery, type SearchParams } from '@/components/site/home-query';
import { HomeView } from '@/components/site/home-view';

export const metadata: Metadata = { title: { absolute: '部门决算公开' } };

interface Props {
  searchParams: Promise<SearchParams>;
}

export default async function HomePage({ searchParams }: Props) {
  return <HomeView query={readHomeQuery(await searchParams)} />;
}
