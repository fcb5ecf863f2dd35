// The public pages: the same header for every visitor (a plain link to the staff sign-in, no
// session read), so that the pages can be rendered once and served from the cache. The main
// landmark and the footer come from the pages' own layouts (SiteMain): a district's and a
// department's pages name their district's finance bureau as publisher.
import type { ReactNode } from 'react';
import { SiteHeader, StaffSignInLink } from '@/components/site/site-header';
import './public.css';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader nav={<StaffSignInLink />} />
      {children}
    </>
  );
}
