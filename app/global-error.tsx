'use client';
// An error in the root layout itself: this replaces the whole document, so it brings its own
// <html lang="zh-CN"> and a few inline styles (globals.css is not loaded here). The error's
// message and stack are never shown; the server has logged them.
import Link from 'next/link';

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', lineHeight: 1.6, color: '#1f2328' }}>
        <title>页面暂时无法显示 · 决算公开</title>
        <main style={{ maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
          <h1>页面暂时无法显示</h1>
          <p>服务器处理这个页面时出错。请稍后再试，或返回首页。</p>
          <p>
            <button type="button" onClick={() => retry()}>重试</button>
            {' '}
            <Link href="/">返回首页</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
