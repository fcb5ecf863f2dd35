'use client';
// The spreadsheet behaviour of one entry grid: which cell is active, the cell being typed in,
// the keys (arrows, Tab, Enter, Escape, typing replaces, Delete clears), a pasted block, a
// reveal from the check panel, and the line under the grid saying what happened.
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { cellKey } from '@/lib/accounts/cells';
import type { CellValue } from '@/lib/accounts/derived';
import type { RefusedEntry } from '../_lib/entry-state';
import type { GridCellSpec, GridModel } from '../_lib/grid-model';
import { firstPosition, isTypingKey, move, moveForKey, type Focusable, type Move, type Position } from '../_lib/navigation';
import { planPaste } from '../_lib/paste';
import { isBlock, parseTsv } from '../_lib/tsv';

export type AmountSpec = Extract<GridCellSpec, { kind: 'amount' }>;
export type CellAddress = Pick<CellValue, 'table' | 'row' | 'column'>;

const DERIVED_NOTICE = '该单元格由系统根据其他单元格计算（合计、类款合计等），不能直接填写';
const READ_ONLY_NOTICE = '该决算当前只能查看，不能修改';

interface Editing {
  position: Position;
  text: string;
  /** replace: started by typing, arrows commit and move; edit: started by Enter/F2/click, arrows stay in the text. */
  mode: 'replace' | 'edit';
}

export interface GridCursorInput {
  model: GridModel;
  focusable: Focusable;
  readOnly: boolean;
  valueOf: (spec: CellAddress) => string | null;
  isDerived: (spec: CellAddress) => boolean;
  describe: (spec: CellAddress) => string;
  refused: ReadonlyMap<string, RefusedEntry>;
  serverErrors: ReadonlyMap<string, string>;
  reveal: { key: string; seq: number } | undefined;
  onRevealed: (() => void) | undefined;
  onType: (cell: CellAddress, text: string) => void;
  onEnter: (values: CellValue[]) => void;
}

export const positionId = (p: Position) => `${p.line}:${p.column}`;

export function useGridCursor(input: GridCursorInput) {
  const { model, focusable, readOnly, valueOf, isDerived, describe } = input;
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
  const keyOf = (spec: CellAddress) => cellKey(spec.table, spec.row, spec.column);

  // A reveal from the check panel, taken once: the cell becomes active and takes focus.
  if (input.reveal && input.reveal.seq !== revealSeen) {
    setRevealSeen(input.reveal.seq);
    const key = input.reveal.key;
    const line = model.lines.findIndex((l) => l.cells.some((c) => c.kind === 'amount' && cellKey(c.table, c.row, c.column) === key));
    const column = model.lines[line]?.cells.findIndex((c) => c.kind === 'amount' && cellKey(c.table, c.row, c.column) === key) ?? -1;
    if (column >= 0) {
      setActive({ line, column });
      setFocusRequest((n) => n + 1);
    }
  }

  const { onRevealed } = input;
  const hasReveal = input.reveal !== undefined;
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
    const refused = input.refused.get(keyOf(spec));
    setEditing({ position: p, text: text ?? refused?.text ?? valueOf(spec) ?? '', mode });
  };

  const commit = (): Position | undefined => {
    if (!editing) return undefined;
    const spec = specAt(editing.position);
    setEditing(undefined);
    if (spec) {
      const refused = input.refused.get(keyOf(spec));
      const before = refused?.text ?? valueOf(spec) ?? '';
      if (editing.text !== before) input.onType(spec, editing.text);
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
    input.onEnter([{ ...spec, amount: null }]);
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
      input.onType(spec, block[0]?.[0] ?? '');
      return;
    }
    const plan = planPaste(block, { grid: model, origin, isDerived, describe });
    if (!plan.ok) {
      setNotice({ text: plan.message, isProblem: true });
      return;
    }
    input.onEnter(plan.values);
    setNotice({ text: `已粘贴 ${plan.values.length} 个数`, isProblem: false });
  };

  const activeSpec = specAt(current);
  const activeProblem = activeSpec && (input.refused.get(keyOf(activeSpec))?.message ?? input.serverErrors.get(keyOf(activeSpec)));
  const problem = activeProblem && activeSpec ? `「${describe(activeSpec)}」：${activeProblem}` : undefined;
  const status = notice ?? (problem ? { text: problem, isProblem: true } : undefined);

  return {
    current, editing, status, cellRefs,
    isActive: (p: Position) => current?.line === p.line && current.column === p.column,
    editingText: (p: Position) => (editing?.position.line === p.line && editing.position.column === p.column ? editing.text : undefined),
    setEditingText: (text: string) => setEditing((e) => (e ? { ...e, text } : e)),
    press: (p: Position, wasActive: boolean) => {
      pressedActive.current = wasActive;
      setNotice(undefined);
      setActive(p);
    },
    click: (p: Position) => {
      if (pressedActive.current) startEdit(p, undefined, 'edit');
    },
    startEdit: (p: Position) => startEdit(p, undefined, 'edit'),
    commit,
    onGridKeyDown,
    onEditKeyDown,
    onGridPaste,
  };
}
