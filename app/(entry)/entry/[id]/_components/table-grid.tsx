'use client';
// One table of the accounts as an editable grid, laid out as printed (grid-model.ts) and driven
// like a spreadsheet: arrows, Tab, Enter, Escape, typing replaces, Delete clears, a block pasted
// from Excel or WPS fills from the active cell. Rows and cells come from a TanStack table over
// the grid's lines; the header is the printed one, built from the template.
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { tableTitle } from '@/components/accounts/table-frame';
import { cellKey } from '@/lib/accounts/cells';
import { isDerivedCell, type CellValue } from '@/lib/accounts/derived';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { columnLabel, rowOf, TOTAL_ROW, type TableTemplate, type Template } from '@/lib/accounts/templates';
import type { RefusedEntry } from '../_lib/entry-state';
import { buildGrid, type GridCellSpec, type GridLine } from '../_lib/grid-model';
import { firstPosition, isTypingKey, move, moveForKey, type Move, type Position } from '../_lib/navigation';
import { planPaste } from '../_lib/paste';
import { isBlock, parseTsv } from '../_lib/tsv';
import { AmountCell } from './amount-cell';
import { GridHeader } from './grid-header';

type AmountSpec = Extract<GridCellSpec, { kind: 'amount' }>;
type CellAddress = Pick<CellValue, 'table' | 'row' | 'column'>;

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, GridLine>();

const DERIVED_NOTICE = '该单元格由系统根据其他单元格计算（合计、类款合计等），不能直接填写';
const READ_ONLY_NOTICE = '该决算当前只能查看，不能修改';
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

interface Editing {
  position: Position;
  text: string;
  /** replace: started by typing, arrows commit and move; edit: started by Enter/F2/click, arrows stay in the text. */
  mode: 'replace' | 'edit';
}

const positionId = (p: Position) => `${p.line}:${p.column}`;

export function TableGrid(props: TableGridProps) {
  const { template, table, doc, readOnly, subjectName } = props;
  const rows = doc.tables[table.kind].rows;
  const model = useMemo(() => buildGrid(table, rows, subjectName), [table, rows, subjectName]);
  const columns = useMemo(() => helper.columns(model.columns.map((column, index) => helper.accessor((line: GridLine) => line.cells[index], { id: column.id }))), [model]);
  const grid = useTable({ features, columns, data: model.lines, getRowId: (line) => line.id });
  const focusable = useMemo(() => model.lines.map((line) => line.cells.map((cell) => cell.kind === 'amount')), [model]);

  const [active, setActive] = useState<Position | undefined>();
  const [editing, setEditing] = useState<Editing | undefined>();
  const [notice, setNotice] = useState<{ text: string; isProblem: boolean } | undefined>();
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());
  const pressedActive = useRef(false);
  // Moving by keyboard (or a reveal) asks for the new active cell to take focus after rendering.
  const [focusRequest, setFocusRequest] = useState(0);
  const [revealSeen, setRevealSeen] = useState<number | undefined>();

  const specAt = (p: Position | undefined): AmountSpec | undefined => {
    const cell = p ? model.lines[p.line]?.cells[p.column] : undefined;
    return cell?.kind === 'amount' ? cell : undefined;
  };
  const current = specAt(active) ? active : firstPosition(focusable);
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

  // A reveal from the check panel, taken once: the cell becomes active and takes focus.
  if (props.reveal && props.reveal.seq !== revealSeen) {
    setRevealSeen(props.reveal.seq);
    const key = props.reveal.key;
    const line = model.lines.findIndex((l) => l.cells.some((c) => c.kind === 'amount' && cellKey(c.table, c.row, c.column) === key));
    const column = model.lines[line]?.cells.findIndex((c) => c.kind === 'amount' && cellKey(c.table, c.row, c.column) === key) ?? -1;
    if (column >= 0) {
      setActive({ line, column });
      setFocusRequest((n) => n + 1);
    }
  }

  const { onRevealed } = props;
  const hasReveal = props.reveal !== undefined;
  useEffect(() => {
    if (focusRequest === 0) return;
    const element = current && cellRefs.current.get(positionId(current));
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (hasReveal) onRevealed?.();
    // Focus follows a request only; the active cell is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const moveTo = (p: Position) => {
    setActive(p);
    setFocusRequest((n) => n + 1);
  };

  const refuseEdit = (spec: AmountSpec): boolean => {
    if (readOnly) setNotice({ text: READ_ONLY_NOTICE, isProblem: true });
    else if (isDerived(spec)) setNotice({ text: `「${describe(spec)}」：${DERIVED_NOTICE}`, isProblem: true });
    else return false;
    return true;
  };

  const startEdit = (p: Position, text: string | undefined, mode: Editing['mode']) => {
    const spec = specAt(p);
    if (!spec || refuseEdit(spec)) return;
    setNotice(undefined);
    setActive(p);
    const refused = props.refused.get(keyOf(spec));
    setEditing({ position: p, text: text ?? refused?.text ?? valueOf(spec) ?? '', mode });
  };

  const commit = (): Position | undefined => {
    if (!editing) return undefined;
    const spec = specAt(editing.position);
    setEditing(undefined);
    if (spec) {
      const refused = props.refused.get(keyOf(spec));
      const before = refused?.text ?? valueOf(spec) ?? '';
      if (editing.text !== before) props.onType(spec, editing.text);
    }
    return editing.position;
  };

  const commitAndMove = (direction: Move) => {
    const from = commit();
    if (from) moveTo(move(focusable, from, direction));
  };

  const clear = (p: Position) => {
    const spec = specAt(p);
    if (!spec || refuseEdit(spec)) return;
    setNotice(undefined);
    props.onEnter([{ ...spec, amount: null }]);
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing || !current || event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = moveForKey(event.key, event.shiftKey);
    if (direction) {
      const next = move(focusable, current, direction);
      // Tab past the last cell leaves the grid, as in a form.
      if (event.key === 'Tab' && next.line === current.line && next.column === current.column) return;
      event.preventDefault();
      setNotice(undefined);
      moveTo(next);
    } else if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      moveTo(move(focusable, current, 'up'));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(current, undefined, 'edit');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      clear(current);
    } else if (isTypingKey(event.key, event)) {
      event.preventDefault();
      startEdit(current, event.key, 'replace');
    }
  };

  const onEditKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    const arrows: Partial<Record<string, Move>> = editing?.mode === 'replace'
      ? { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
      : { ArrowUp: 'up', ArrowDown: 'down' };
    const arrow = arrows[event.key];
    if (event.key === 'Enter') {
      event.preventDefault();
      commitAndMove(event.shiftKey ? 'up' : 'down');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commitAndMove(event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(undefined);
      setFocusRequest((n) => n + 1);
    } else if (arrow) {
      event.preventDefault();
      commitAndMove(arrow);
    }
  };

  const onGridPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    // A single value pasted while typing goes into the input like any text.
    if (editing && !isBlock(block)) return;
    event.preventDefault();
    const origin = editing?.position ?? current;
    const spec = specAt(origin);
    if (!origin || !spec || block.length === 0 || refuseEdit(spec)) return;
    setEditing(undefined);
    if (!isBlock(block)) {
      setNotice(undefined);
      props.onType(spec, block[0]?.[0] ?? '');
      return;
    }
    const plan = planPaste(block, { grid: model, origin, isDerived, describe });
    if (!plan.ok) {
      setNotice({ text: plan.message, isProblem: true });
      return;
    }
    props.onEnter(plan.values);
    setNotice({ text: `已粘贴 ${plan.values.length} 个数`, isProblem: false });
  };

  const titleId = `${table.kind}-title`;
  const messageId = `${table.kind}-message`;
  const activeSpec = specAt(current);
  const activeProblem = activeSpec && (props.refused.get(keyOf(activeSpec))?.message ?? props.serverErrors.get(keyOf(activeSpec)));
  const problem = activeProblem && activeSpec ? `「${describe(activeSpec)}」：${activeProblem}` : undefined;
  const status = notice ?? (problem ? { text: problem, isProblem: true } : undefined);

  const renderText = (cell: Extract<GridCellSpec, { kind: 'text' }>, column: number, line: GridLine) => {
    const sticky = column === 0 && (cell.colSpan ?? 1) === 1 ? 'sticky-col' : '';
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
        <table role="grid" className="entry-grid" aria-labelledby={titleId} aria-readonly={readOnly || undefined} onKeyDown={onGridKeyDown} onPaste={onGridPaste}>
          <GridHeader model={model} />
          <tbody>
            {grid.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.isTotal ? 'total' : undefined}>
                {row.getAllCells().map((cell, column) => {
                  const spec = cell.getValue() as GridCellSpec | undefined;
                  if (!spec || spec.kind === 'covered') return null;
                  if (spec.kind === 'text') return renderText(spec, column, row.original);
                  const position = { line: row.index, column };
                  const key = keyOf(spec);
                  const isActive = current?.line === position.line && current.column === column;
                  const isEditing = editing?.position.line === position.line && editing.position.column === column;
                  return (
                    <AmountCell
                      key={column}
                      cellKey={key}
                      value={valueOf(spec)}
                      label={describe(spec)}
                      isDerived={isDerived(spec)}
                      isReadOnly={readOnly}
                      isActive={isActive}
                      isHighlighted={props.highlighted.has(key)}
                      isPending={props.pending.has(key)}
                      refused={props.refused.get(key)}
                      serverError={props.serverErrors.get(key)}
                      editing={isEditing && editing ? { text: editing.text } : undefined}
                      messageId={messageId}
                      cellRef={(element) => {
                        if (element) cellRefs.current.set(positionId(position), element);
                        else cellRefs.current.delete(positionId(position));
                      }}
                      onPress={(wasActive) => {
                        pressedActive.current = wasActive;
                        setNotice(undefined);
                        setActive(position);
                      }}
                      onClick={() => {
                        if (pressedActive.current && !readOnly && !isDerived(spec)) startEdit(position, undefined, 'edit');
                      }}
                      onStartEdit={() => startEdit(position, undefined, 'edit')}
                      onEditText={(text) => setEditing((e) => (e ? { ...e, text } : e))}
                      onEditKeyDown={onEditKeyDown}
                      onEditBlur={() => void commit()}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={messageId} className={status?.isProblem ? 'grid-status problem' : 'grid-status'} role="status" aria-live="polite">
        {status?.text ?? (readOnly ? '' : KEYBOARD_HINT)}
      </p>
      <div className="table-note">
        <p>注：{table.note}</p>
      </div>
    </section>
  );
}
