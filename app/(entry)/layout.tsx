// The accountant's area: its own styles (grids, check panel) on top of the site's.
import type { ReactNode } from 'react';
import './entry.css';

export default function EntryLayout({ children }: { children: ReactNode }) {
  return children;
}
