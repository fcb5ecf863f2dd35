// The accountant's area: the staff frame (signed-in account in the header) and its own styles
// (grids, check panel) on top of the site's.
import type { ReactNode } from 'react';
import { StaffFrame } from '@/components/site/staff-frame';
import './entry.css';

export default function EntryLayout({ children }: { children: ReactNode }) {
  return <StaffFrame>{children}</StaffFrame>;
}
