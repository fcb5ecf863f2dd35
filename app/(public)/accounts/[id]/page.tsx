// The old address of published accounts (/accounts/{uuid}): a permanent redirect to the readable
// one (/2021/qiaokou/big-data-center), so links and bookmarks made before keep working. Unknown,
// malformed or unpublished ids are "not found".
import { notFound, permanentRedirect } from 'next/navigation';
import { getPublishedAccounts } from '@/lib/data/public-accounts';

interface Props {
  params: Promise<{ id: string }>;
}

export default async function OldAccountsAddress({ params }: Props) {
  const accounts = await getPublishedAccounts((await params).id);
  if (!accounts) notFound();
  permanentRedirect(accounts.path);
}
