// The printed header of an entry grid: column groups over their columns, a column that stands
// alone spanning the header's depth, and the 栏次 line where the layout prints one. The first
// column's own header cells stay in view while the grid scrolls sideways.
import type { GridModel } from '../_lib/grid-model';

/** The header cells' keys are "level-firstColumn" (headerRows in the public tables). */
const firstColumnOf = (key: string) => Number(key.split('-')[1]);

export function GridHeader({ model }: { model: GridModel }) {
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
              className={firstColumnOf(cell.key) === 0 && cell.colSpan === 1 ? 'sticky-col' : undefined}
            >
              {cell.label}
            </th>
          ))}
        </tr>
      ))}
      {model.columnNumbers && (
        <tr className="column-numbers">
          {model.columnNumbers.map((cell, index) => (
            <td key={index} colSpan={cell.colSpan} className={index === 0 && cell.colSpan === 1 ? 'column-number sticky-col' : 'column-number'}>
              {cell.text}
            </td>
          ))}
        </tr>
      )}
    </thead>
  );
}
