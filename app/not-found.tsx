// Unknown addresses, and accounts that are not (or no longer) published. Rendered on the server
// in the root layout (lang="zh-CN") with the public frame, so the text is there without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader, StaffSignInLink } from '@/components/site/site-header';
import { SiteMain } from '@/components/site/site-main';
import './(public)/public.css';

export const metadata: Metadata = { title: '未找到' };

export default function NotFound() {
  return (
    <>
      <SiteHeader nav={<StaffSignInLink />} />
      <SiteMain>
        <h1>未找到</h1>
        <p className="lead">没有找到这个页面，或该部门决算尚未公开。请检查网址，或从首页查找已公开的部门决算。</p>
        <p>
          <Link href="/">返回首页</Link>
        </p>
      </SiteMain>
    </>
  );
}
