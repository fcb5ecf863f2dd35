'use client';
// An error while rendering a public page: inside the public layout (its header stays), Chinese
// text, a retry and the way home. The error's message and stack are never shown; the server has
// logged them.
import Link from 'next/link';
import { SiteMain } from '@/components/site/site-main';

export default function PublicError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <SiteMain>
      <title>页面暂时无法显示 · 决算公开</title>
      <h1>页面暂时无法显示</h1>
      <p className="lead">服务器处理这个页面时出错，请稍后再试。已公开的部门决算可从首页查找。</p>
      <p>
        <button type="button" className="search-button" onClick={() => retry()}>重试</button>
        {' '}
        <Link href="/">返回首页</Link>
      </p>
    </SiteMain>
  );
}
