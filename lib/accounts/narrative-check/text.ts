// Narrative text as the claim patterns read it. Published text comes out of PDFs with line
// breaks inside words and letters spaced apart ("本 年 收 入 合 计"), so whitespace is dropped
// and full-width digits, letters, parentheses and % are folded to ASCII; a map leads back to
// offsets in the original text, which is what a finding's location cites.

export interface NormalizedText {
  text: string;
  /** Where each run of kept characters starts, in the normalized and in the original text. */
  runs: { normalized: Int32Array; raw: Int32Array };
}

/** The whitespace `\s` matches, and the zero-width space: dropped. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** （）％．：, full-width digits and letters: folded to ASCII (the same length, so offsets stay aligned). */
function isFolded(code: number): boolean {
  return (code >= 0xff10 && code <= 0xff1a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a) ||
    code === 0xff08 || code === 0xff09 || code === 0xff05 || code === 0xff0e;
}

const NO_RUNS = Int32Array.of(0);

/**
 * One pass over the characters; text without whitespace or full-width forms comes back as it
 * is. The kept pieces are joined once, so the scan reads a flat string.
 */
export function normalize(raw: string): NormalizedText {
  const pieces: string[] = [];
  let length = 0;
  let kept = 0;
  let normalizedStarts: number[] | undefined;
  let rawStarts: number[] | undefined;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    // Most characters: CJK (after the ideographic space) or printable ASCII.
    if ((code > 0x3000 && code < 0xfeff) || (code > 0x20 && code < 0xa0) || code < 0x09) continue;
    if (isSpace(code)) {
      let end = i + 1;
      while (end < raw.length && isSpace(raw.charCodeAt(end))) end += 1;
      if (i > kept) pieces.push(raw.slice(kept, i));
      length += i - kept;
      kept = end;
      (normalizedStarts ??= [0]).push(length);
      (rawStarts ??= [0]).push(end);
      i = end - 1;
    } else if (code >= 0xff05 && isFolded(code)) {
      if (i > kept) pieces.push(raw.slice(kept, i));
      pieces.push(String.fromCharCode(code - 0xfee0));
      length += i + 1 - kept;
      kept = i + 1;
    }
  }
  if (kept === 0) return { text: raw, runs: { normalized: NO_RUNS, raw: NO_RUNS } };
  pieces.push(raw.slice(kept));
  return {
    text: pieces.join(''),
    runs: { normalized: normalizedStarts ? new Int32Array(normalizedStarts) : NO_RUNS, raw: rawStarts ? new Int32Array(rawStarts) : NO_RUNS },
  };
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

/** Digits, commas and at most one dot, as the number patterns print them: read without building strings. */
export function parsePrinted(text: string): PrintedNumber {
  let units = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x2e) decimals = 0;
    else if (code !== 0x2c) {
      units = units * 10 + (code - 0x30);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    }
  }
  // Up to 15 digits a double holds the integer exactly; longer ones are read as text.
  if (digits > 15) {
    const plain = text.replaceAll(',', '');
    const dot = plain.indexOf('.');
    return dot < 0 ? { units: BigInt(plain), decimals: 0 } : { units: BigInt(plain.slice(0, dot) + plain.slice(dot + 1)), decimals: plain.length - dot - 1 };
  }
  return { units: BigInt(units), decimals: decimals < 0 ? 0 : decimals };
}

/** The printed number at a finer precision (never coarser): 7.5 at 2 decimals is 750. */
export function atDecimals(printed: PrintedNumber, decimals: number): bigint {
  if (decimals === printed.decimals) return printed.units;
  return decimals > printed.decimals ? printed.units * tenTo(decimals - printed.decimals) : printed.units;
}

const POWERS_OF_TEN = Array.from({ length: 20 }, (_, n) => 10n ** BigInt(n));

/** 10^n as a bigint, from a table for the exponents a printed figure has. */
export function tenTo(n: number): bigint {
  return POWERS_OF_TEN[n] ?? 10n ** BigInt(n);
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
