// Unknown addresses, and accounts that are not (or no longer) published. Rendered on the server
// in the root layout (lang="zh-CN") with the public frame, so the text is there without JavaScript.
import type { Metadata } from 'next';
import { NotFoundText } from '@/components/site/not-found-text';
import { SiteHeader, StaffSignInLink } from '@/components/site/site-header';
import { SiteMain } from '@/components/site/site-main';
import './(public)/public.css';

export const metadata: Metadata = { title: '未找到' };

export default function NotFound() {
  return (
    <>
      <SiteHeader nav={<StaffSignInLink />} />
      <SiteMain>
        <NotFoundText />
      </SiteMain>
    </>
  );
}
