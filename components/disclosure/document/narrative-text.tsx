// One narrative section's text as printed, paragraph by paragraph, with each figure the checker
// ties to the tables linked to its cell (#c-…) and its arithmetic shown on hover and focus (CSS
// only: the page has no client code). A figure read from a document field, not a table cell,
// has nowhere to link to and is only focusable, so the arithmetic can still be reached.
import type { ReactNode } from 'react';
import { cellAnchor } from '@/lib/accounts/disclosure/parts';
import type { NarrativeFigureLink } from '@/lib/accounts/disclosure/narrative-links';
import { TABLE_KINDS } from '@/lib/accounts/templates';

const TABLES = new Set<string>(TABLE_KINDS);
const isTableCell = (key: string) => {
  const parts = key.split(':');
  return parts.length === 3 && TABLES.has(parts[0] ?? '');
};

/** "(一)预算绩效管理工作开展情况": a short numbered line is a sub-heading of the section. */
const SUBHEADING = /^\s*[（(][一二三四五六七八九十]+[)）][^。；：，]{1,30}。?$/;

/** What the arithmetic is prefixed with, and the figure's class, by the checker's verdict. */
const VERDICT = {
  agrees: { prefix: '', className: 'fig' },
  differs: { prefix: '与表中数不一致：', className: 'fig differs' },
  // A rate of a zero base is not wrong, it cannot be worked out.
  uncomputable: { prefix: '无法计算（基数为 0）：', className: 'fig' },
} as const satisfies Record<NarrativeFigureLink['verdict'], { prefix: string; className: string }>;

function Figure({ link, text, id }: { link: NarrativeFigureLink; text: string; id: string }) {
  const cell = link.cells.find(isTableCell);
  const { prefix, className } = VERDICT[link.verdict];
  const calc = (
    <small id={id} role="tooltip">
      {`${prefix}${link.computation}`}
    </small>
  );
  return (
    <>
      {cell ? (
        <a href={`#${cellAnchor(cell)}`} className={className} aria-describedby={id}>{text}</a>
      ) : (
        <span className={className} tabIndex={0} aria-describedby={id}>{text}</span>
      )}
      {calc}
    </>
  );
}

/** The text of one line with its figures replaced by links; offsets are the section's raw text's. */
function withFigures(text: string, from: number, to: number, links: readonly NarrativeFigureLink[], section: number): ReactNode[] {
  const out: ReactNode[] = [];
  let at = from;
  for (const link of links) {
    if (link.start < from || link.end > to) continue;
    if (link.start > at) out.push(text.slice(at, link.start));
    out.push(<Figure key={link.start} link={link} text={text.slice(link.start, link.end)} id={`f${section}-${link.start}`} />);
    at = link.end;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

export function NarrativeText({ text, section, links }: { text: string; section: number; links: readonly NarrativeFigureLink[] }) {
  const lines: { from: number; to: number }[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ from, to: from + line.length });
    from += line.length + 1;
  }
  return lines.map(({ from, to }) => {
    const content = withFigures(text, from, to, links, section);
    return SUBHEADING.test(text.slice(from, to)) ? <p key={from} className="sub">{content}</p> : <p key={from}>{content}</p>;
  });
}
