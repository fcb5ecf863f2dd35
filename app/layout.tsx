// The frame of every page: Chinese document language, the site header (with 登录, or the
// signed-in e-mail and 退出) and the footer.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SessionNav } from '@/components/auth/session-nav';
import './globals.css';
import '@/components/auth/auth.css';

export const metadata: Metadata = {
  title: { default: '决算公开', template: '%s · 决算公开' },
  description: '部门决算公开：各部门年度收入支出决算及“三公”经费等决算表',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="site-header">
          <Link href="/" className="site-name">
            决算
          </Link>
          <span className="site-tagline">决算公开</span>
          <SessionNav />
        </header>
        <main className="site-main">{children}</main>
        <footer className="site-footer">决算公开 · 金额单位：万元</footer>
      </body>
    </html>
  );
}
