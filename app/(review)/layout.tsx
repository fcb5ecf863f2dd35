// The finance bureau's area: the staff frame and its own styles (dashboard, review page, comments)
// on top of the site's and the entry area's buttons and grids, which the review page reuses.
import type { ReactNode } from 'react';
import { StaffFrame } from '@/components/site/staff-frame';
import '../(entry)/entry.css';
import './review.css';

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <StaffFrame>{children}</StaffFrame>;
}
