// The page's main landmark, the target of the header's 跳到正文 link, followed by the footer.
import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';

export function SiteMain({ children, publisher }: { children: ReactNode; publisher?: string }) {
  return (
    <>
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter publisher={publisher} />
    </>
  );
}
