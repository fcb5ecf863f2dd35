// Keyboard movement in the entry grid, over the layout of 表1 (two halves with label columns
// between the amounts) and a grid with gaps.
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../app/(entry)/entry/[id]/_lib/grid-model';
import { firstPosition, isTypingKey, move, moveForKey, type Focusable } from '../../app/(entry)/entry/[id]/_lib/navigation';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';

// . = label, A = amount cell
const grid = (rows: string[]): Focusable => rows.map((row) => [...row].map((c) => c === 'A'));

describe('move', () => {
  const g = grid(['.A.AA', '.A...', '...AA', '.A.A.']);

  it('moves by arrows to the nearest amount cell that way and stops at the edge', () => {
    expect(move(g, { line: 0, column: 1 }, 'right')).toEqual({ line: 0, column: 3 });
    expect(move(g, { line: 0, column: 4 }, 'right')).toEqual({ line: 0, column: 4 });
    expect(move(g, { line: 0, column: 3 }, 'down')).toEqual({ line: 2, column: 3 });
    expect(move(g, { line: 1, column: 1 }, 'down')).toEqual({ line: 3, column: 1 });
    expect(move(g, { line: 3, column: 1 }, 'down')).toEqual({ line: 3, column: 1 });
    expect(move(g, { line: 2, column: 4 }, 'up')).toEqual({ line: 0, column: 4 });
    expect(move(g, { line: 0, column: 1 }, 'left')).toEqual({ line: 0, column: 1 });
  });

  it('walks Tab and Shift+Tab in reading order across lines', () => {
    expect(move(g, { line: 0, column: 4 }, 'next')).toEqual({ line: 1, column: 1 });
    expect(move(g, { line: 1, column: 1 }, 'previous')).toEqual({ line: 0, column: 4 });
    expect(move(g, { line: 3, column: 3 }, 'next')).toEqual({ line: 3, column: 3 });
    expect(move(g, { line: 0, column: 1 }, 'previous')).toEqual({ line: 0, column: 1 });
  });

  it('goes to the first and last amount of a line with Home and End', () => {
    expect(move(g, { line: 0, column: 3 }, 'lineStart')).toEqual({ line: 0, column: 1 });
    expect(move(g, { line: 0, column: 1 }, 'lineEnd')).toEqual({ line: 0, column: 4 });
    expect(firstPosition(g)).toEqual({ line: 0, column: 1 });
  });

  it('moves through 表1 from 行1 to 行2 and across to the expenditure half of the same line', () => {
    const model = buildGrid(HUBEI_2021.tables.incomeExpenditureSummary, [], () => undefined);
    const focusable = model.lines.map((line) => line.cells.map((cell) => cell.kind === 'amount'));
    const start = firstPosition(focusable);
    expect(start).toEqual({ line: 0, column: 2 }); // 项目, 行次, then 决算数
    const cellAt = (p: { line: number; column: number }) => model.lines[p.line]?.cells[p.column];
    expect(cellAt(move(focusable, start!, 'down'))).toMatchObject({ row: 'governmentFundAppropriation', column: 'income' });
    expect(cellAt(move(focusable, start!, 'right'))).toMatchObject({ row: '201', column: 'expenditure' });
    // 行9–26 print only a number on the income half: moving down from 行8 reaches 本年收入合计 (行27).
    expect(cellAt(move(focusable, { line: 7, column: 2 }, 'down'))).toMatchObject({ row: 'incomeTotal' });
  });
});

describe('keys', () => {
  it('maps keys to moves and recognises typing', () => {
    expect(moveForKey('Tab', true)).toBe('previous');
    expect(moveForKey('ArrowLeft', false)).toBe('left');
    expect(moveForKey('Enter', false)).toBeUndefined();
    const none = { ctrlKey: false, metaKey: false, altKey: false };
    expect(isTypingKey('5', none)).toBe(true);
    expect(isTypingKey('-', none)).toBe(true);
    expect(isTypingKey('s', { ...none, ctrlKey: true })).toBe(false);
    expect(isTypingKey('Delete', none)).toBe(false);
  });
});
