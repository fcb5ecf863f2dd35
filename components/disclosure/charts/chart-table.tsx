// A chart's data as a table, folded under the figure: the figures the drawing shows, as text.
import type { ChartColumn, ChartRow } from '@/lib/accounts/disclosure/charts';
import styles from './charts.module.css';

const DEPTH_CLASS = ['', styles.depth1, styles.depth2];

export function ChartTable({ chart }: { chart: { title: string; columns: readonly ChartColumn[]; rows: readonly ChartRow[] } }) {
  const [head, ...rest] = chart.columns;
  if (!head) return null;
  return (
    <details className={styles.data}>
      <summary>查看{chart.title.split(' ')[0]}数据表</summary>
      <div className="table-scroll" role="region" aria-label={`${chart.title} 数据表`} tabIndex={0}>
        <table>
          <caption>{chart.title}（单位：万元）</caption>
          <thead>
            <tr>
              {chart.columns.map((column) => <th key={column.key} scope="col">{column.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={DEPTH_CLASS[row.depth ?? 0] || undefined}>{row.cells[head.key]}</th>
                {rest.map((column) => <td key={column.key} className={column.numeric ? 'amount' : undefined}>{row.cells[column.key]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
