'use client';
// The drawings come from one lazily loaded chunk (recharts and drawings.tsx), fetched when a
// figure first nears the viewport; until then, and without JavaScript, the figure keeps its
// reserved height, its caption, legend and data table.
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export const ComparisonDrawing = dynamic(() => import('./drawings').then((m) => m.ComparisonDrawing), { ssr: false });
export const StructureDrawing = dynamic(() => import('./drawings').then((m) => m.StructureDrawing), { ssr: false });
export const TreemapDrawing = dynamic(() => import('./drawings').then((m) => m.TreemapDrawing), { ssr: false });

/** Renders its children once the box is within a screen of the viewport. */
export function WhenNear({ className, children }: { className: string | undefined; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return <div ref={box} className={className}>{near && children}</div>;
}
