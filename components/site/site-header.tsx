// The header of every page. What sits on its right (`nav`) is the area's: a plain 工作人员登录 link
// on the public pages, which must not read the session so that they can be cached, or the
// signed-in account (SessionNav) in the accountant's and the finance bureau's areas.
import Link from 'next/link';
import type { ReactNode } from 'react';

export function SiteHeader({ nav }: { nav: ReactNode }) {
  return (
    <header className="site-header">
      {/* First in the tab order: a keyboard user skips the header straight to the page. */}
      <a href="#main" className="skip-link">
        跳到正文
      </a>
      <Link href="/" className="site-name">
        决算
      </Link>
      <span className="site-tagline">决算公开</span>
      {nav}
    </header>
  );
}

/** The public pages' right side of the header: no session read, the same for every visitor. */
export function StaffSignInLink() {
  return (
    <nav className="site-nav" aria-label="账户">
      <Link href="/login">工作人员登录</Link>
    </nav>
  );
}
