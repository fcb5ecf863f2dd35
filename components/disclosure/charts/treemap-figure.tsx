'use client';
// 图5: expenditure by functional class, drilled down 类 → 款 → 项. The level shown is the URL's
// `?treemap=205` / `?treemap=20502`, read on the client (the page itself is cached once for
// everyone) and written with history.replaceState, which Next keeps in step with useSearchParams.
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { TreemapChart, TreemapNode } from '@/lib/accounts/disclosure/charts';
import { ChartTable } from './chart-table';
import styles from './charts.module.css';
import { TreemapDrawing, WhenNear } from './lazy-drawing';

export const TREEMAP_QUERY = 'treemap';

/** The nodes from a class down to `code`; empty for an unknown code or one without children to show. */
export function drillPath(nodes: readonly TreemapNode[], code: string | null | undefined): TreemapNode[] {
  if (!code) return [];
  const path: TreemapNode[] = [];
  let level = nodes;
  for (const length of [3, 5]) {
    const node = level.find((n) => n.code === code.slice(0, length));
    if (!node) return [];
    path.push(node);
    if (code.length === length) return node.children.length ? path : [];
    level = node.children;
  }
  return [];
}

function showLevel(code: string | undefined): void {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set(TREEMAP_QUERY, code);
  else url.searchParams.delete(TREEMAP_QUERY);
  window.history.replaceState(null, '', url);
}

export function TreemapFigure({ chart, code }: { chart: TreemapChart; code: string | null }) {
  const path = drillPath(chart.nodes, code);
  const level = path.at(-1)?.children ?? chart.nodes;
  const crumbs = useRef<HTMLParagraphElement>(null);
  // Focus follows a drill made here (the tile pressed is gone), not the level a link opened.
  const moved = useRef(false);
  const shown = path.at(-1)?.code;
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    crumbs.current?.focus();
  }, [shown]);
  const go = (next: string | undefined) => {
    moved.current = true;
    showLevel(next);
  };
  return (
    <figure className={`${styles.figure} ${styles.wide}`} id={chart.id}>
      <figcaption>
        <span className={styles.title}>{chart.title}</span>
        <span className={styles.caption}>{chart.caption}</span>
      </figcaption>
      <div className={styles.toolbar}>
        <p ref={crumbs} tabIndex={-1} className={styles.crumbs} aria-live="polite">
          当前：{['全部（类）', ...path.map((node) => `${node.code} ${node.name}`)].join(' › ')}
          {path.length < 2 && '（点击或按回车查看下级科目）'}
        </p>
        {path.length > 0 && (
          <button type="button" className={styles.back} onClick={() => go(path.at(-2)?.code)}>返回上一级</button>
        )}
      </div>
      <WhenNear className={styles.treemapDrawing}>
        <TreemapDrawing nodes={level} onOpen={go} />
      </WhenNear>
      <ChartTable chart={chart} />
    </figure>
  );
}

/** The figure at the level the URL names; under <Suspense>, as useSearchParams on a cached page must be. */
export function TreemapFromUrl({ chart }: { chart: TreemapChart }) {
  const code = useSearchParams().get(TREEMAP_QUERY);
  return <TreemapFigure chart={chart} code={code} />;
}
