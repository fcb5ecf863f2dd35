// Narrative text as the claim patterns read it. Published text comes out of PDFs with line
// breaks inside words and letters spaced apart ("本 年 收 入 合 计"), so whitespace is dropped
// and full-width digits, letters, parentheses and % are folded to ASCII; a map leads back to
// offsets in the original text, which is what a finding's location cites.

export interface NormalizedText {
  text: string;
  /** Where each run of kept characters starts, in the normalized and in the original text. */
  runs: { normalized: Int32Array; raw: Int32Array };
}

const FOLDED: Readonly<Record<string, string>> = { '（': '(', '）': ')', '％': '%', '．': '.', '：': ':' };
const SPECIAL = /[\s\u00a0\u3000\u2000-\u200b]+|[（）％．：０-９Ａ-Ｚａ-ｚ]/g;

export function normalize(raw: string): NormalizedText {
  const normalizedStarts = [0];
  const rawStarts = [0];
  let removed = 0;
  const text = raw.replace(SPECIAL, (char: string, offset: number) => {
    const code = char.charCodeAt(0);
    // Folding keeps the length, so offsets stay aligned; dropped whitespace starts a new run.
    if (code >= 0xff01 && code <= 0xff5e) return FOLDED[char] ?? String.fromCharCode(code - 0xfee0);
    removed += char.length;
    normalizedStarts.push(offset + char.length - removed);
    rawStarts.push(offset + char.length);
    return '';
  });
  return { text, runs: { normalized: Int32Array.from(normalizedStarts), raw: Int32Array.from(rawStarts) } };
}

/** The last run starting at or before `offset` in `starts`. */
function runAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The original offset of a normalized one. */
export function rawOffset(normalized: NormalizedText, offset: number): number {
  const run = runAt(normalized.runs.normalized, offset);
  return (normalized.runs.raw[run] ?? 0) + offset - (normalized.runs.normalized[run] ?? 0);
}

/** The normalized offset of an original one (of the first kept character at or after it). */
export function normalizedOffset(normalized: NormalizedText, offset: number): number {
  const run = runAt(normalized.runs.raw, offset);
  const next = normalized.runs.normalized[run + 1];
  const position = (normalized.runs.normalized[run] ?? 0) + offset - (normalized.runs.raw[run] ?? 0);
  return next === undefined ? position : Math.min(position, next);
}

/** A printed decimal ("2,882.93", "7.5", "0") as an integer count of 10^-decimals. */
export interface PrintedNumber {
  units: bigint;
  decimals: number;
}

export function parsePrinted(text: string): PrintedNumber {
  const plain = text.replaceAll(',', '');
  const dot = plain.indexOf('.');
  if (dot < 0) return { units: BigInt(plain), decimals: 0 };
  return { units: BigInt(plain.slice(0, dot) + plain.slice(dot + 1)), decimals: plain.length - dot - 1 };
}

/** The printed number at a finer precision (never coarser): 7.5 at 2 decimals is 750. */
export function atDecimals(printed: PrintedNumber, decimals: number): bigint {
  return decimals >= printed.decimals ? printed.units * 10n ** BigInt(decimals - printed.decimals) : printed.units;
}

const HEADING_LINE = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)[^，。；]*$/;

/**
 * The sentence a claim at `offset` is in: from the previous 。 to the next, without a heading
 * line in front of it and with the line breaks of the extraction removed.
 */
export function sentenceAt(raw: string, offset: number): string {
  const start = raw.lastIndexOf('。', Math.max(0, offset - 1)) + 1;
  const stop = raw.indexOf('。', offset);
  const lines = raw.slice(start, stop < 0 ? raw.length : stop + 1).split('\n');
  while (lines.length > 1 && HEADING_LINE.test(lines[0] ?? '')) lines.shift();
  return lines.map((line) => line.trim()).join('');
}

/** The decimal string of a printed number ("2882.93", "7.5"). */
export function printedDecimal(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${text}`;
}
