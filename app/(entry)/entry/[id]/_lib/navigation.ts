// Spreadsheet movement over a grid whose focusable positions are its amount cells: arrows move
// to the nearest amount cell that way and stop at the edge; Tab and Shift+Tab walk them in
// reading order, wrapping to the next or previous line. Pure, so it is tested without a browser.

export interface Position {
  line: number;
  column: number;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous' | 'lineStart' | 'lineEnd';

/** focusable[line][column]: true where an amount cell is. */
export type Focusable = readonly (readonly boolean[])[];

const at = (grid: Focusable, line: number, column: number): boolean => grid[line]?.[column] === true;

/** The positions in reading order. */
function readingOrder(grid: Focusable): Position[] {
  return grid.flatMap((cells, line) => cells.flatMap((focusable, column) => (focusable ? [{ line, column }] : [])));
}

export function firstPosition(grid: Focusable): Position | undefined {
  return readingOrder(grid)[0];
}

/** Where a move from `from` lands; `from` itself when nothing lies that way. */
export function move(grid: Focusable, from: Position, direction: Move): Position {
  const { line, column } = from;
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  switch (direction) {
    case 'up':
      for (let l = line - 1; l >= 0; l -= 1) if (at(grid, l, column)) return { line: l, column };
      return from;
    case 'down':
      for (let l = line + 1; l < grid.length; l += 1) if (at(grid, l, column)) return { line: l, column };
      return from;
    case 'left':
      for (let c = column - 1; c >= 0; c -= 1) if (at(grid, line, c)) return { line, column: c };
      return from;
    case 'right':
      for (let c = column + 1; c < width; c += 1) if (at(grid, line, c)) return { line, column: c };
      return from;
    case 'lineStart':
      for (let c = 0; c < column; c += 1) if (at(grid, line, c)) return { line, column: c };
      return from;
    case 'lineEnd':
      for (let c = width - 1; c > column; c -= 1) if (at(grid, line, c)) return { line, column: c };
      return from;
    case 'next':
    case 'previous': {
      const order = readingOrder(grid);
      const index = order.findIndex((p) => p.line === line && p.column === column);
      const next = order[index + (direction === 'next' ? 1 : -1)];
      return index < 0 || !next ? from : next;
    }
  }
}

/** The move a key asks for while not editing, or undefined for a key that is not a move. */
export function moveForKey(key: string, shiftKey: boolean): Move | undefined {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'Tab':
      return shiftKey ? 'previous' : 'next';
    case 'Home':
      return 'lineStart';
    case 'End':
      return 'lineEnd';
    default:
      return undefined;
  }
}

/** A key that types a character into a cell (and so starts editing it, replacing its value). */
export function isTypingKey(key: string, modifiers: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return key.length === 1 && !modifiers.ctrlKey && !modifiers.metaKey && !modifiers.altKey;
}
