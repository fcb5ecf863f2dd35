// Reading a block copied from Excel or WPS: lines of tab-separated cells. Both put a cell that
// holds a tab, a line break or a quote in double quotes (a quote doubled inside), end lines
// with \r\n or \n, and usually add one line break after the last line.

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '"' && cell === '') {
      // A quoted cell: up to the closing quote; "" stands for one quote.
      const start = i;
      let value = '';
      i += 1;
      let closed = false;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      const next = text[i];
      if (closed && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        cell = value;
        continue;
      }
      // Not a quoted cell after all (a value that merely starts with a quote): read on as plain text.
      cell = '"';
      i = start + 1;
      continue;
    }
    if (char === '\t') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (char === '\n' || char === '\r') endRow();
    else cell += char;
    i += 1;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** True when the text is more than one cell: pasting it is a block paste, not typing into a cell. */
export function isBlock(rows: readonly (readonly string[])[]): boolean {
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}
