// A wide table's frame: it scrolls sideways on a phone instead of the page, and, being focusable
// and named, a keyboard user can reach it and scroll it (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

type Props = { children: ReactNode } & ({ labelledBy: string; label?: never } | { label: string; labelledBy?: never });

export function ScrollRegion({ children, labelledBy, label }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={label}>
      {children}
    </div>
  );
}
