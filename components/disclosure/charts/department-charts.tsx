'use client';
// The charts of a department page: 图1–图4 and the 图5 treemap, each a <figure> whose caption
// states its figures, with a legend and its data as a table; the drawings themselves load
// lazily (lazy-drawing.tsx). Props are plain data: <DepartmentCharts data={departmentChartData(doc, template)} />.
import { Suspense } from 'react';
import type { ComparisonChart, DepartmentChartData, StructureChart } from '@/lib/accounts/disclosure/charts';
import { ChartTable } from './chart-table';
import styles from './charts.module.css';
import { ComparisonDrawing, StructureDrawing, WhenNear } from './lazy-drawing';
import { CURRENT_COLOUR, partColour, PRIOR_COLOUR } from './palette';
import { TreemapFigure, TreemapFromUrl } from './treemap-figure';

function Swatch({ colour }: { colour: string }) {
  return <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />;
}

function Caption({ chart }: { chart: ComparisonChart | StructureChart }) {
  return (
    <figcaption>
      <span className={styles.title}>{chart.title}</span>
      <span className={styles.caption}>{chart.caption}</span>
    </figcaption>
  );
}

function ComparisonFigure({ chart }: { chart: ComparisonChart }) {
  return (
    <figure className={styles.figure} id={chart.id}>
      <Caption chart={chart} />
      <ul className={styles.legend} aria-label="图例">
        {chart.hasPrior && <li><Swatch colour={PRIOR_COLOUR} />{chart.priorLabel}</li>}
        <li><Swatch colour={CURRENT_COLOUR} />{chart.currentLabel}</li>
      </ul>
      {/* The drawing repeats the caption and the table; assistive technology reads those. */}
      <div aria-hidden="true">
        <WhenNear className={styles.drawing}><ComparisonDrawing chart={chart} /></WhenNear>
      </div>
      <ChartTable chart={chart} />
    </figure>
  );
}

function StructureFigure({ chart }: { chart: StructureChart }) {
  const text = new Map(chart.rows.map((row) => [row.key, row.cells]));
  return (
    <figure className={styles.figure} id={chart.id}>
      <Caption chart={chart} />
      <div aria-hidden="true">
        <WhenNear className={styles.drawing}><StructureDrawing chart={chart} /></WhenNear>
      </div>
      <ul className={styles.legend} aria-label="图例">
        {chart.slices.map((slice, index) => (
          <li key={slice.key}><Swatch colour={partColour(index)} />{slice.label} {text.get(slice.key)?.amount} 万元（{slice.share}）</li>
        ))}
      </ul>
      <ChartTable chart={chart} />
    </figure>
  );
}

export function DepartmentCharts({ data }: { data: DepartmentChartData }) {
  return (
    <div className={styles.charts}>
      {data.charts.map((chart) => (chart.kind === 'comparison'
        ? <ComparisonFigure key={chart.id} chart={chart} />
        : <StructureFigure key={chart.id} chart={chart} />))}
      <Suspense fallback={<TreemapFigure chart={data.treemap} code={null} />}>
        <TreemapFromUrl chart={data.treemap} />
      </Suspense>
    </div>
  );
}
