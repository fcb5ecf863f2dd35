'use client';
// The recharts drawings, loaded lazily (lazy-drawing.tsx) so only a page that shows a chart
// downloads recharts. A drawing carries no figure the page does not print as text beside it:
// the bar labels and tile labels are the data tables' display strings, and `value` only sizes.
import type { KeyboardEvent } from 'react';
import { Bar, BarChart, LabelList, Pie, PieChart, ResponsiveContainer, Treemap, XAxis, YAxis } from 'recharts';
import type { ComparisonChart, StructureChart, TreemapNode } from '@/lib/accounts/disclosure/charts';
import { formatAmount, parseAmount } from '@/lib/accounts/money';
import { CURRENT_COLOUR, partColour, PRIOR_COLOUR } from './palette';

const INK = '#1a1a1a';

export function ComparisonDrawing({ chart }: { chart: ComparisonChart }) {
  const text = new Map(chart.rows.map((row) => [row.key, row.cells]));
  const data = chart.bars.map((bar) => ({
    label: bar.label,
    current: bar.current.value,
    prior: bar.prior?.value ?? 0,
    currentText: text.get(bar.key)?.current ?? '',
    priorText: text.get(bar.key)?.prior ?? '',
  }));
  return (
    // Bars lie horizontally: the figures at their ends stay readable on a 320 px screen.
    <BarChart layout="vertical" responsive style={{ width: '100%', height: '100%' }} data={data} margin={{ top: 8, right: 64, bottom: 8, left: 0 }} barCategoryGap="20%" accessibilityLayer={false}>
      <XAxis type="number" hide />
      <YAxis type="category" dataKey="label" width="auto" tick={{ fill: INK, fontSize: 13 }} tickLine={false} axisLine={{ stroke: INK }} />
      {chart.hasPrior && (
        <Bar dataKey="prior" name={chart.priorLabel} fill={PRIOR_COLOUR} isAnimationActive={false} maxBarSize={36}>
          <LabelList dataKey="priorText" position="right" fill={INK} fontSize={12} />
        </Bar>
      )}
      <Bar dataKey="current" name={chart.currentLabel} fill={CURRENT_COLOUR} isAnimationActive={false} maxBarSize={36}>
        <LabelList dataKey="currentText" position="right" fill={INK} fontSize={12} />
      </Bar>
    </BarChart>
  );
}

export function StructureDrawing({ chart }: { chart: StructureChart }) {
  const data = chart.slices.map((slice, index) => ({ name: slice.label, value: slice.value, fill: partColour(index) }));
  return (
    <PieChart responsive style={{ width: '100%', height: '100%' }} accessibilityLayer={false}>
      <Pie data={data} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="85%" stroke="#fff" strokeWidth={2} rootTabIndex={-1} isAnimationActive={false} />
    </PieChart>
  );
}

export interface TreemapDrawingProps {
  nodes: readonly TreemapNode[];
  /** Opens a node that has children (click, Enter or Space on its tile). */
  onOpen: (code: string) => void;
}

// A type, not an interface: recharts wants an index signature it can read its own keys through.
type Tile = {
  code: string;
  name: string;
  value: number;
  amountText: string;
  share: string;
  index: number;
  drillable: boolean;
};

/** Characters of CJK text that fit a width at 12px. */
const fit = (text: string, width: number): string => {
  const room = Math.floor((width - 12) / 12);
  return text.length <= room ? text : room > 1 ? `${text.slice(0, room - 1)}…` : '';
};

export function TreemapDrawing({ nodes, onOpen }: TreemapDrawingProps) {
  // Tiles of one level only: recharts would nest `children`, so they are left out.
  const data: Tile[] = nodes.filter((node) => node.value > 0).map((node, index) => ({
    code: node.code,
    name: node.name,
    value: node.value,
    amountText: `${formatAmount(parseAmount(node.amount))} 万元`,
    share: node.share,
    index,
    drillable: node.children.some((child) => child.value > 0),
  }));
  const renderTile = (props: { depth: number; x: number; y: number; width: number; height: number; [key: string]: unknown }) => {
    const { depth, x, y, width, height } = props;
    if (depth !== 1) return <g />;
    const tile = props as unknown as Tile & typeof props;
    const open = () => tile.drillable && onOpen(tile.code);
    const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    };
    const label = `${tile.code} ${tile.name}，${tile.amountText}，占 ${tile.share}`;
    const interactive = tile.drillable
      ? { role: 'button', tabIndex: 0, 'aria-label': `${label}，查看下级科目`, onClick: open, onKeyDown, className: 'treemap-tile drillable' }
      : { role: 'img', 'aria-label': label, className: 'treemap-tile' };
    const name = fit(tile.name, width);
    const figures = width > 150 ? `${tile.amountText}（${tile.share}）` : width > 60 ? tile.share : '';
    // The labels sit beside the tile's group, not in it: its name is the fuller aria-label, and
    // a clipped name ("…") inside would not match it (label-content-name-mismatch).
    return (
      <g>
        <g {...interactive}>
          <rect x={x} y={y} width={width} height={height} fill={partColour(tile.index)} stroke="#fff" strokeWidth={2} />
        </g>
        <g aria-hidden="true" pointerEvents="none" fill="#fff" fontSize={12}>
          {name && height > 24 && <text x={x + 6} y={y + 18}>{name}</text>}
          {figures && height > 42 && <text x={x + 6} y={y + 35}>{figures}</text>}
        </g>
      </g>
    );
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <Treemap data={data} dataKey="value" nameKey="name" isAnimationActive={false} content={renderTile} aspectRatio={4 / 3} />
    </ResponsiveContainer>
  );
}
