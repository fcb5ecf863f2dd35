// The document of every page: Chinese document language and the site's styles. The header and
// footer belong to the areas' layouts: the public pages' must not read the session (so that they
// can be cached), the staff areas' show the signed-in account.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '决算公开', template: '%s · 决算公开' },
  description: '部门决算公开：各部门年度收入支出决算及“三公”经费等决算表',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
