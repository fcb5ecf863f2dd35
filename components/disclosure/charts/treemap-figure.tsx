'use client';
// 图5: expenditure by functional class, drilled down 类 → 款 → 项. The level shown is the URL's
// `?treemap=205` / `?treemap=20502`, read on the client after hydration (the page is cached once
// for every query) and written with history.replaceState, which Next keeps in step with useSearchParams.
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TreemapChart } from '@/lib/accounts/disclosure/charts';
import { ChartTable } from './chart-table';
import styles from './charts.module.css';
import { drillPath, TREEMAP_QUERY } from './drill';
import { TreemapDrawing, WhenNear } from './lazy-drawing';

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

const subscribeNever = () => () => {};

/**
 * The figure at the level the URL names; under <Suspense>, as useSearchParams wants. The cached
 * page was rendered without a query, so hydration renders the top level too (no mismatch) and
 * the URL's level follows at once.
 */
export function TreemapFromUrl({ chart }: { chart: TreemapChart }) {
  const query = useSearchParams().get(TREEMAP_QUERY);
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  return <TreemapFigure chart={chart} code={hydrated ? query : null} />;
}
