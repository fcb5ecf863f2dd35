// The old address of published accounts (/accounts/{uuid}): a permanent redirect to the readable
// one (/2021/qiaokou/big-data-center), so links and bookmarks made before keep working. Unknown,
// malformed or unpublished ids are "not found". Prerendered on first visit and cached like the
// pages it points to (which also lets PublicNotFound set the 404 status).
import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { PublicNotFound } from '@/components/site/public-not-found';
import { SiteMain } from '@/components/site/site-main';
import { getPublishedAccounts } from '@/lib/data/public-accounts';

interface Props {
  params: Promise<{ id: string }>;
}

// Only ever shown when there is nothing to redirect to.
export const metadata: Metadata = { title: '未找到' };

export function generateStaticParams(): { id: string }[] {
  return [];
}

export default async function OldAccountsAddress({ params }: Props) {
  const accounts = await getPublishedAccounts((await params).id);
  if (accounts) permanentRedirect(accounts.path);
  return (
    <SiteMain>
      <PublicNotFound />
    </SiteMain>
  );
}
