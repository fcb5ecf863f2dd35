// The narrative (情况说明) as the interchange document keeps it: one section per heading
// ("一、收入支出决算总体情况说明", "第五部分 名词解释", …) with its text, the lines of a
// paragraph joined and paragraphs separated by "\n". Figure captions ("图 1：…") are not text.

import type { TextLine } from './lines';

export interface NarrativeSection {
  heading: string;
  text: string;
  line: number;
}

const PART = /^第[一二三四五六七八九十]+部分/;
const SECTION = /^[一二三四五六七八九十]+、/;
const ATTACHMENT_SECTION = /^（[一二三四五六七八九十]+）/;
const MARKER = /^(第[一二三四五六七八九十]+条|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|\d+\s*[、.．](?!\d)|[一二三四五六七八九十]+、)/;
const SUBHEADING = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))/;
const CAPTION = /^图\s*\d+\s*[：:]/;
/** A page number left by the extraction on a line of its own. */
const PAGE_NUMBER = /^\d{1,3}$/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/**
 * A line's printed width in half-width units: a Chinese character or full-width mark is two,
 * a digit, Latin letter or space one. Counting characters instead makes a line of figures look
 * longer than a line of words that fills the same measure.
 */
export function printedWidth(text: string): number {
  let width = 0;
  for (const c of text) width += c <= '\u00ff' ? 1 : 2;
  return width;
}

/** Lines into paragraphs: a paragraph starts at an enumeration mark, or after a line ending a sentence or cut short. */
export function paragraphs(lines: readonly string[]): string[] {
  // A full line's width: most lines of a paragraph run to the margin.
  const widths = lines.map(printedWidth);
  const sorted = [...widths].sort((a, b) => a - b);
  const full = sorted[Math.floor(sorted.length * 0.75)] ?? 0;
  const out: string[] = [];
  let current = '';
  let ended = true;
  let sentenceEnd = true;
  lines.forEach((text, i) => {
    const width = widths[i] ?? 0;
    const aside = /^[（(][^）)]*[）)]$/.test(text) && text.length > 5;
    // After a full stop, a sentence opening with the year begins a paragraph ("2021 年度…").
    const opens = MARKER.test(text) || aside || (sentenceEnd && /^\d{4}\s*年/.test(text));
    if (!ended && !opens) current += text;
    else {
      if (current !== '') out.push(current);
      current = text;
    }
    sentenceEnd = /[。！？]$/.test(text);
    // A heading line ("（一）…总体情况") holds no punctuation after its mark.
    const heading = SUBHEADING.test(text) && !/[，。；：:、]/.test(text.replace(SUBHEADING, ''));
    const stop = sentenceEnd || /[：:]$/.test(text);
    // A full line ending a sentence ends the paragraph when the next line is indented: it is
    // narrower by the indent (two characters) than the full line after it. Not when that line
    // opens with a figure or a Latin word, which is never broken and so may leave the one
    // before it short.
    const next = widths[i + 1];
    const after = widths[i + 2];
    const indentedNext = stop && next !== undefined && after !== undefined && next >= full * 0.6 && after >= full * 0.9 && next <= after - 4
      && !/^[\dA-Za-z]/.test(lines[i + 2] ?? '');
    ended = width < full * 0.6 || (stop && width < full * 0.9) || indentedNext || heading || aside || DATE_LINE.test(text);
  });
  if (current !== '') out.push(current);
  return out;
}

/**
 * The sections of 第三部分 (情况说明) and of the parts after it: a part of 名词解释 is one
 * section under the part's heading; a part with 一、… headings gives one section each; in 附件
 * only the first report's （一）… sections, up to its date, are narrative (the tables after it
 * are the self-evaluations).
 */
export function readNarrative(lines: readonly TextLine[]): NarrativeSection[] {
  const start = lines.findIndex((line) => /^第三部分/.test(line.text));
  if (start < 0) return [];
  const sections: { heading: string; line: number; body: string[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  let mode: 'sections' | 'glossary' | 'attachment' | 'skip' = 'skip';
  let attachmentDone = false;
  for (let i = start; i < lines.length; i += 1) {
    const { text, number } = lines[i] as TextLine;
    if (PART.test(text)) {
      current = undefined;
      if (/名词解释/.test(text)) {
        mode = 'glossary';
        current = { heading: text.replace(/^(第[一二三四五六七八九十]+部分)\s*/, '$1 '), line: number, body: [] };
        sections.push(current);
      } else if (/附件/.test(text)) mode = 'attachment';
      else mode = i === start ? 'skip' : 'sections';
      continue;
    }
    if (mode === 'glossary') {
      if (!PAGE_NUMBER.test(text)) current?.body.push(text);
      continue;
    }
    if (mode === 'attachment') {
      if (attachmentDone) continue;
      if (ATTACHMENT_SECTION.test(text)) {
        current = { heading: text, line: number, body: [] };
        sections.push(current);
        continue;
      }
      current?.body.push(text);
      if (current && DATE_LINE.test(text)) attachmentDone = true;
      continue;
    }
    if (SECTION.test(text)) {
      mode = 'sections';
      current = { heading: text, line: number, body: [] };
      sections.push(current);
      continue;
    }
    // A table after a section's text (序号 重要事项 …) is not narrative.
    if (/^序号\s/.test(text)) current = undefined;
    if (mode === 'sections' && current && !CAPTION.test(text) && !PAGE_NUMBER.test(text)) current.body.push(text);
  }
  return sections.map((s) => ({ heading: s.heading, line: s.line, text: paragraphs(s.body).join('\n') }));
}
