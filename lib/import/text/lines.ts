// The extracted text as numbered lines and tokens. PDF extraction leaves form feeds between
// pages, blank lines, a table of contents that repeats every heading, and cells broken across
// lines; everything after this reads tokens that keep the line they came from.

export interface TextLine {
  /** 1-based line number in the file, for messages. */
  number: number;
  text: string;
}

export interface Token {
  text: string;
  line: number;
}

/** What the importer could not place, and where: the message is for the accountant (Chinese). */
export interface ImportProblem {
  line: number;
  reason: string;
  /** The document itself is damaged here (a table missing or cut short): what was read is incomplete. */
  damaged?: true;
}

/** A page number printed as a footer: "- 3 -", "第 3 页", "第 3 页 共 40 页". */
const PAGE_FOOTER = /^([-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(\s*[，,]?\s*共\s*\d{1,4}\s*页)?)$/;

/**
 * Non-blank lines, trimmed, numbered as in the file, without the page furniture: page-number
 * footers, and a running header or footer (the same line first or last on at least three
 * pages, where the extraction separates pages by form feeds).
 */
export function readLines(text: string): TextLine[] {
  const pages: TextLine[][] = [[]];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.includes('\f')) pages.push([]);
    const trimmed = raw.replace(/[\f\u00a0\u3000\ufeff]/g, ' ').trim();
    if (trimmed !== '' && !PAGE_FOOTER.test(trimmed)) pages[pages.length - 1]?.push({ number: i + 1, text: trimmed });
  });
  const edges = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set([page[0]?.text, page[page.length - 1]?.text])) if (line !== undefined) edges.set(line, (edges.get(line) ?? 0) + 1);
  }
  const running = new Set([...edges].filter(([, count]) => count >= 3).map(([line]) => line));
  return pages.flatMap((page) => page.filter((line, i) => !((i === 0 || i === page.length - 1) && running.has(line.text))));
}

/** Spaces dropped and full-width variants folded, for comparing printed labels. */
export function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（').replace(/\)/g, '）')
    .replace(/[“”"＂]/g, '"')
    .replace(/[:]/g, '：');
}

const TOC_HEADING = /^目\s*录$/;

/**
 * The lines without the table of contents: it starts at 目录 and ends where its first entry
 * is printed again as the body's heading, so no heading is found twice.
 */
export function skipTableOfContents(lines: readonly TextLine[]): { lines: TextLine[]; contents?: { from: number; to: number } } {
  const start = lines.findIndex((line) => TOC_HEADING.test(line.text));
  if (start < 0) return { lines: [...lines] };
  const first = lines[start + 1];
  if (!first) return { lines: lines.slice(0, start) };
  const key = normalise(first.text);
  const end = lines.findIndex((line, i) => i > start + 1 && normalise(line.text) === key);
  if (end < 0) return { lines: [...lines] };
  return {
    lines: [...lines.slice(0, start), ...lines.slice(end)],
    contents: { from: lines[start]?.number ?? 0, to: lines[end - 1]?.number ?? 0 },
  };
}

export function tokenize(lines: readonly TextLine[]): Token[] {
  const tokens: Token[] = [];
  for (const line of lines) {
    for (const text of line.text.split(/\s+/)) if (text !== '') tokens.push({ text, line: line.number });
  }
  return tokens;
}

/** A printed amount: "2,882.93", "288.9", "0.00", "12"; thousands separators optional. */
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
const DASH = /^[-－—–]+$/;

export const isAmount = (text: string): boolean => AMOUNT.test(text);
export const isDash = (text: string): boolean => DASH.test(text);
export const isFigure = (text: string): boolean => isAmount(text) || isDash(text);

/** The interchange form of a printed amount: separators dropped, digits as printed ("288.9" stays). */
export const amountText = (printed: string): string => printed.replace(/,/g, '');
