// Where each table is in the text: its title line (the layout's title, with or without the
// year before it and "（表 n）" after it), its rows, and the sentence printed under an empty
// table. A title not found is a missing table; a title broken around a stray line is joined.

import type { TableKind, Template } from '../../accounts/templates';
import { normalise, type ImportProblem, type TextLine } from './lines';

export interface TableRegion {
  kind: TableKind;
  /** Index of the title line in the lines. */
  title: number;
  /** First line after the title. */
  start: number;
  /** End of the rows: the first 注/说明 line, or the region's end. */
  rowsEnd: number;
  /** End of the region (the next table's title or the next part). */
  end: number;
  statement?: string;
}

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const NOTE = /^(注|说明)[：:]/;
const TITLE_DECORATION = /^(\d{4}年度?)|（表\d+）$/g;

function titleText(line: string): string {
  return normalise(line).replace(TITLE_DECORATION, '');
}

/** Index of the line after the title when lines[i] starts it, else -1. */
function titleAt(lines: readonly TextLine[], i: number, title: string): number {
  const text = titleText(lines[i]?.text ?? '');
  if (text === title) return i + 1;
  if (text.length < 4 || !title.startsWith(text)) return -1;
  const rest = title.slice(text.length);
  for (let j = i + 1; j <= i + 2 && j < lines.length; j += 1) {
    if (normalise(lines[j]?.text ?? '') === rest) return j + 1;
  }
  return -1;
}

export function findTableRegions(lines: readonly TextLine[], template: Template): { regions: TableRegion[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const found: { kind: TableKind; title: number; start: number }[] = [];
  let from = 0;
  const absent: { kind: TableKind; after?: TableKind; from: number }[] = [];
  for (const kind of template.order) {
    const title = normalise(template.tables[kind].title);
    let hit: { title: number; start: number } | undefined;
    for (let i = from; i < lines.length && !hit; i += 1) {
      const start = titleAt(lines, i, title);
      if (start >= 0) hit = { title: i, start };
    }
    if (hit) {
      found.push({ kind, ...hit });
      from = hit.start;
    } else {
      absent.push({ kind, from, ...(found.length > 0 ? { after: found[found.length - 1]?.kind } : {}) });
    }
  }
  // A missing table is named with the tables around it, where its title should have been.
  for (const missing of absent) {
    const before = found.find((entry) => entry.title >= missing.from);
    const line = lines[before?.title ?? missing.from]?.number ?? lines[lines.length - 1]?.number ?? 1;
    const after = missing.after ? `「${template.tables[missing.after].title}」之后` : '';
    const next = before ? `「${template.tables[before.kind].title}」（第 ${line} 行）之前` : '文本结尾之前';
    problems.push({ line, reason: `缺少「${template.tables[missing.kind].title}」：${after}${next}找不到此表的标题，此表未读入`, damaged: true });
  }
  const regions = found.map((entry, index): TableRegion => {
    const next = found[index + 1];
    let end = next ? next.title : lines.length;
    if (!next) {
      const part = lines.findIndex((line, i) => i >= entry.start && PART_HEADING.test(line.text));
      if (part >= 0) end = part;
    }
    // A part heading between two tables ends the first (the damaged copy prints one inside a title).
    let rowsEnd = end;
    for (let i = entry.start; i < end; i += 1) {
      if (NOTE.test(lines[i]?.text ?? '')) {
        rowsEnd = i;
        break;
      }
    }
    const statement = findStatement(lines, rowsEnd, end);
    return { kind: entry.kind, title: entry.title, start: entry.start, rowsEnd, end, ...(statement ? { statement } : {}) };
  });
  return { regions, problems };
}

/** The sentence under an empty table: a 说明/注 line that is not the layout's 本表反映 note. */
function findStatement(lines: readonly TextLine[], from: number, end: number): string | undefined {
  for (let i = from; i < end; i += 1) {
    const text = lines[i]?.text ?? '';
    if (!NOTE.test(text) || /^注[：:]\s*本表反映/.test(text)) continue;
    let statement = text;
    for (let j = i + 1; j < end && !/。$/.test(statement); j += 1) statement += lines[j]?.text ?? '';
    return statement;
  }
  return undefined;
}
