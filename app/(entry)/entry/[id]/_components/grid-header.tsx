// The printed header of an entry grid: column groups over their columns, a column that stands
// alone spanning the header's depth, and the 栏次 line where the layout prints one. With
// `stickyFirstColumn`, the first column's own header cells stay in view while the grid scrolls
// sideways.
import type { GridModel } from '../_lib/grid-model';

/** The header cells' keys are "level-firstColumn" (headerRows in the public tables). */
const firstColumnOf = (key: string) => Number(key.split('-')[1]);

/** Short headings (行次, 小计, 决算数) stay on one line; long ones wrap. */
const SHORT_HEADING = 4;

export function GridHeader({ model, stickyFirstColumn }: { model: GridModel; stickyFirstColumn: boolean }) {
  const sticky = (firstColumn: number, colSpan: number) => stickyFirstColumn && firstColumn === 0 && colSpan === 1;
  return (
    <thead>
      {model.headerRows.map((cells, level) => (
        <tr key={level}>
          {cells.map((cell) => (
            <th
              key={cell.key}
              scope={cell.colSpan > 1 ? 'colgroup' : 'col'}
              colSpan={cell.colSpan}
              rowSpan={cell.rowSpan}
              className={[sticky(firstColumnOf(cell.key), cell.colSpan) ? 'sticky-col' : '', cell.label.length <= SHORT_HEADING ? 'short' : ''].filter(Boolean).join(' ') || undefined}
            >
              {cell.label}
            </th>
          ))}
        </tr>
      ))}
      {model.columnNumbers && (
        <tr className="column-numbers">
          {model.columnNumbers.map((cell, index) => (
            <td key={index} colSpan={cell.colSpan} className={sticky(index, cell.colSpan) ? 'column-number sticky-col' : 'column-number'}>
              {cell.text}
            </td>
          ))}
        </tr>
      )}
    </thead>
  );
}
