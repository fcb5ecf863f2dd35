// The frame of the staff areas (sign-in, entry, review): the header shows the signed-in account,
// which reads the session, so these pages are rendered per request.
import type { ReactNode } from 'react';
import { SessionNav } from '@/components/auth/session-nav';
import { SiteHeader } from './site-header';
import { SiteMain } from './site-main';
import '@/components/auth/auth.css';

export function StaffFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader nav={<SessionNav />} />
      <SiteMain>{children}</SiteMain>
    </>
  );
}
