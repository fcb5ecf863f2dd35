'use client';
// One table of the accounts as an editable grid, laid out as printed (grid-model.ts) and driven
// like a spreadsheet: arrows, Tab, Enter, Escape, typing replaces, Delete clears, a block pasted
// from Excel or WPS fills from the active cell. Rows and cells come from a TanStack table over
// the grid's lines; the header is the printed one, built from the template.
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { printedIdentities, tableTitle } from '@/components/accounts/table-frame';
import { cellKey } from '@/lib/accounts/cells';
import { isDerivedCell, type CellValue } from '@/lib/accounts/derived';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { columnLabel, rowOf, TOTAL_ROW, type TableTemplate, type Template } from '@/lib/accounts/templates';
import type { RefusedEntry } from '../_lib/entry-state';
import { buildGrid, type GridCellSpec, type GridLine } from '../_lib/grid-model';
import { AmountCell } from './amount-cell';
import { GridHeader } from './grid-header';
import { positionId, useGridCursor, type CellAddress } from './use-grid-cursor';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, GridLine>();

const KEYBOARD_HINT = '方向键移动，直接输入数字即替换，Enter 编辑或确认，Esc 取消，Delete 清除；可从 Excel/WPS 复制一块数字后粘贴';

export interface TableGridProps {
  template: Template;
  table: TableTemplate;
  doc: TFinalAccounts;
  departmentName: string;
  readOnly: boolean;
  refused: ReadonlyMap<string, RefusedEntry>;
  serverErrors: ReadonlyMap<string, string>;
  pending: ReadonlyMap<string, unknown>;
  highlighted: ReadonlySet<string>;
  /** A cell the check panel asks to show: made active and focused whenever `seq` changes. */
  reveal: { key: string; seq: number } | undefined;
  /** Called once a reveal has been shown, so that it is not shown again when the grid remounts. */
  onRevealed?: () => void;
  subjectName: (code: string) => string | undefined;
  onType: (cell: CellAddress, text: string) => void;
  onEnter: (values: CellValue[]) => void;
  /** Functional tables: a removable (empty) row's 删除. */
  onRemoveSubject?: ((code: string) => void) | undefined;
  isRemovable?: ((code: string) => boolean) | undefined;
  /** Above the grid: 添加科目 for functional tables. */
  toolbar?: ReactNode;
}

export function TableGrid(props: TableGridProps) {
  const { template, table, doc, readOnly, subjectName } = props;
  const rows = doc.tables[table.kind].rows;
  const model = useMemo(() => buildGrid(table, rows, subjectName), [table, rows, subjectName]);
  const columns = useMemo(() => helper.columns(model.columns.map((column, index) => helper.accessor((line: GridLine) => line.cells[index], { id: column.id }))), [model]);
  const grid = useTable({ features, columns, data: model.lines, getRowId: (line) => line.id });
  const focusable = useMemo(() => model.lines.map((line) => line.cells.map((cell) => cell.kind === 'amount')), [model]);

  const cellsByRow = new Map(rows.map((row) => [row.row, row.cells]));
  const valueOf = (spec: CellAddress) => cellsByRow.get(spec.row)?.[spec.column] ?? null;
  const keyOf = (spec: CellAddress) => cellKey(spec.table, spec.row, spec.column);
  const isDerived = (spec: CellAddress) => isDerivedCell(doc, spec.table, spec.row, spec.column);

  const describe = (spec: CellAddress): string => {
    const rowWords = table.rowKind === 'functional'
      ? (spec.row === TOTAL_ROW ? '合计' : `${spec.row} ${subjectName(spec.row) ?? ''}`.trim())
      : (rowOf(table, spec.row)?.label ?? '');
    return `${rowWords} ${columnLabel(table, spec.column)}`.trim();
  };

  const cursor = useGridCursor({
    model, focusable, readOnly, valueOf, isDerived, describe, refused: props.refused, serverErrors: props.serverErrors,
    reveal: props.reveal, onRevealed: props.onRevealed, onType: props.onType, onEnter: props.onEnter,
  });

  // The code column names a whole line of a functional table; the first column of the other
  // layouts names only its half or band, and kept in view it would hide the other half's names.
  const stickyFirstColumn = table.rowKind === 'functional';
  const titleId = `${table.kind}-title`;
  const messageId = `${table.kind}-message`;

  const renderText = (cell: Extract<GridCellSpec, { kind: 'text' }>, column: number, line: GridLine) => {
    const sticky = stickyFirstColumn && column === 0 && (cell.colSpan ?? 1) === 1 ? 'sticky-col' : '';
    const className = [cell.className, sticky].filter(Boolean).join(' ') || undefined;
    const removable = line.code !== undefined && column === 0 && !readOnly && props.isRemovable?.(line.code);
    const content = (
      <>
        {cell.text}
        {removable && line.code && (
          <button type="button" className="row-remove" aria-label={`删除科目 ${line.code}`} title="删除此科目（无数字时可删除）" onClick={() => props.onRemoveSubject?.(line.code ?? '')}>
            ×
          </button>
        )}
      </>
    );
    return cell.header ? (
      <th key={column} scope="row" colSpan={cell.colSpan} className={className}>{content}</th>
    ) : (
      <td key={column} colSpan={cell.colSpan} className={className}>{content}</td>
    );
  };

  return (
    <section className="entry-table" aria-labelledby={titleId}>
      <header className="entry-table-head">
        <h2 id={titleId}>{tableTitle(template, table, doc.fiscalYear)}</h2>
        <p className="table-meta">
          <span>部门：{props.departmentName}</span>
          <span>单位：万元</span>
        </p>
      </header>
      {props.toolbar}
      <div className="grid-scroll">
        <table role="grid" className="entry-grid" aria-labelledby={titleId} aria-readonly={readOnly || undefined} onKeyDown={cursor.onGridKeyDown} onPaste={cursor.onGridPaste}>
          <GridHeader model={model} stickyFirstColumn={stickyFirstColumn} />
          <tbody>
            {grid.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.isTotal ? 'total' : undefined}>
                {row.getAllCells().map((cell, column) => {
                  const spec = cell.getValue() as GridCellSpec | undefined;
                  if (!spec || spec.kind === 'covered') return null;
                  if (spec.kind === 'text') return renderText(spec, column, row.original);
                  const position = { line: row.index, column };
                  const key = keyOf(spec);
                  const editingText = cursor.editingText(position);
                  return (
                    <AmountCell
                      key={column}
                      cellKey={key}
                      value={valueOf(spec)}
                      label={describe(spec)}
                      isDerived={isDerived(spec)}
                      isReadOnly={readOnly}
                      isActive={cursor.isActive(position)}
                      isHighlighted={props.highlighted.has(key)}
                      isPending={props.pending.has(key)}
                      refused={props.refused.get(key)}
                      serverError={props.serverErrors.get(key)}
                      editing={editingText === undefined ? undefined : { text: editingText }}
                      messageId={messageId}
                      cellRef={(element) => {
                        if (element) cursor.cellRefs.current.set(positionId(position), element);
                        else cursor.cellRefs.current.delete(positionId(position));
                      }}
                      onPress={(wasActive) => cursor.press(position, wasActive)}
                      onClick={() => cursor.click(position)}
                      onStartEdit={() => cursor.startEdit(position)}
                      onEditText={cursor.setEditingText}
                      onEditKeyDown={cursor.onEditKeyDown}
                      onEditBlur={() => void cursor.commit()}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={messageId} className={cursor.status?.isProblem ? 'grid-status problem' : 'grid-status'} role="status" aria-live="polite">
        {cursor.status?.text ?? (readOnly ? '' : KEYBOARD_HINT)}
      </p>
      <div className="table-note">
        <p>注：{table.note}</p>
        {printedIdentities(table) && <p>{printedIdentities(table)}</p>}
      </div>
    </section>
  );
}
