// Claim extraction: one pass over each section's normalized text, trying at each position only
// the phrases that can start with its first two characters (and with the few more of them that
// their patterns fix); in a run of digits, the number phrases only where the character after
// the run can follow a number. A subject phrase sets what the text is talking about; a value phrase
// after it is a claim about that subject. Explanations (主要原因…, 主要包括…) are skipped,
// sub-headings reset the subject. The phrases are compiled once per template (its class names
// are part of them).

import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates';
import type { SubjectKey } from './facts';
import {
  EXPLANATION, FILLER, ITEM_AFTER_CLASS, LEVEL_MARKER, NAME_BOUNDARY, NUMBER, SECTION_SCOPES, SUBJECT_PHRASES, SUBSECTION_SCOPES, VALUE_PHRASES,
  type Scope, type SubjectPhrase, type ValueKind, type ValuePhrase,
} from './phrases';
import { firstChars, prefixes } from './first-chars';
import { normalize, normalizedOffset, parsePrinted, rawOffset, type NormalizedText, type PrintedNumber } from './text';

export const NEUTRAL: SubjectKey = 'neutral';

export interface Claim {
  section: number;
  subject: SubjectKey;
  kind: ValueKind | 'none';
  printed?: PrintedNumber;
  /** 增加/减少, 增长/下降, 大于/小于/等于/…, or 持平. */
  word?: string;
  qualifier?: '年初' | '全年';
  /** 基本持平. */
  roughly?: boolean;
  /** false when a growth rate is printed without its % sign. */
  percentSign?: boolean;
  /** Offset of the value phrase in the section's original text. */
  offset: number;
  /** Where the printed number is in the section's original text, [start, end): what a page links. */
  numberSpan?: readonly [start: number, end: number];
  /** The claim as printed (whitespace removed): "本年收入合计2946.25万元", "财政拨款收入…占99.79%". */
  quote: string;
}

export interface SectionText {
  index: number;
  heading: string;
  raw: string;
  /** Normalized only where claims are read (a known scope); empty elsewhere. */
  normalized: NormalizedText;
  /** null: a section whose figures are not read (名词解释); undefined: not a known section. */
  scope: Scope | null | undefined;
}

interface Alternative {
  /** The pattern, sticky: tried only at positions where it can start. */
  sticky: RegExp;
  subject?: SubjectPhrase;
  value?: ValuePhrase;
  marker?: true;
}

/** An alternative as tried at one first character, with what must hold there before its pattern runs. */
interface Attempt {
  alternative: Alternative;
  /** The text must start with one of these (the pattern's first few characters, where more than two are known). */
  prefixes?: readonly string[];
  /** A pattern that starts with a number: the codes one of which must follow the digits, commas and dots there. */
  afterNumber?: ReadonlySet<number>;
}

/** The alternatives that can start with one character, in priority order. */
interface Bucket {
  /** By the code of the second character: the alternatives that can go on with it. */
  bySecond: ReadonlyMap<number, readonly Attempt[]>;
  /** After any other second character. */
  otherwise: readonly Attempt[];
  /**
   * When every one starts with a number (a digit's bucket): the codes one of which must follow
   * the run of digits, commas and dots. Where none does, no position in the run starts a match.
   */
  afterNumber?: ReadonlySet<number>;
}

interface Compiled {
  /** By first character; [0] is none. */
  byFirstChar: readonly (Bucket | undefined)[];
  /** Per UTF-16 code, its index in byFirstChar: most characters are 0 and passed over here. */
  starts: Uint16Array;
  /** Class name and its stem without 支出 → class code. */
  classes: ReadonlyMap<string, string>;
}

const compiledTemplates = new WeakMap<Template, Compiled>();

/** 0-9 , . : what a printed number is made of. */
const isNumberCode = (code: number): boolean => (code >= 0x30 && code <= 0x39) || code === 0x2c || code === 0x2e;

/**
 * For a pattern that starts with NUMBER and goes on with characters a number does not hold:
 * those characters. The number can only end where its run of digits, commas and dots ends, so
 * the character there decides whether the pattern can match anywhere in the run.
 */
function numberFollowers(source: string): ReadonlySet<number> | undefined {
  if (!source.startsWith(NUMBER)) return undefined;
  const next = firstChars(source.slice(NUMBER.length));
  if (next === 'any') return undefined;
  const codes = new Set([...next].map((char) => char.charCodeAt(0)));
  return [...codes].some(isNumberCode) ? undefined : codes;
}

/** Where the run of digits, commas and dots from `at` ends. */
function numberRunEnd(text: string, at: number): number {
  let end = at;
  while (isNumberCode(text.charCodeAt(end))) end += 1;
  return end;
}

function startsWithOne(text: string, at: number, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (text.startsWith(prefix, at)) return true;
  return false;
}

function compile(template: Template): Compiled {
  const cached = compiledTemplates.get(template);
  if (cached) return cached;
  const alternatives: { source: string; alternative: Alternative }[] = [
    ...SUBJECT_PHRASES.map((subject) => ({ source: subject.pattern, alternative: { sticky: new RegExp(subject.pattern, 'y'), subject } })),
    ...VALUE_PHRASES.map((value) => ({ source: value.pattern, alternative: { sticky: new RegExp(value.pattern, 'y'), value } })),
    { source: LEVEL_MARKER, alternative: { sticky: new RegExp(LEVEL_MARKER, 'y'), marker: true as const } },
  ];
  // Per first character, in priority order: each alternative and the second characters it can go on with.
  const byCode = new Map<number, { attempt: Attempt; seconds: ReadonlySet<number> | 'any' }[]>();
  for (const { source, alternative } of alternatives) {
    const chars = firstChars(source);
    if (chars === 'any') throw new Error(`narrative pattern without a known first character: ${source}`);
    const known = [4, 3, 2].map((length) => prefixes(source, length)).find((found): found is ReadonlySet<string> => found !== 'any');
    const afterNumber = numberFollowers(source);
    for (const char of chars) {
      const code = char.charCodeAt(0);
      const here = known ? [...known].filter((prefix) => prefix.charCodeAt(0) === code) : [];
      const seconds = here.length === 0 || here.some((prefix) => prefix.length < 2) ? 'any' : new Set(here.map((prefix) => prefix.charCodeAt(1)));
      const attempt: Attempt = {
        alternative,
        ...(here.some((prefix) => prefix.length > 2) ? { prefixes: here } : {}),
        ...(afterNumber ? { afterNumber } : {}),
      };
      byCode.set(code, [...(byCode.get(code) ?? []), { attempt, seconds }]);
    }
  }
  const byFirstChar: (Bucket | undefined)[] = [undefined];
  const starts = new Uint16Array(0x10000);
  for (const [code, entries] of byCode) {
    const bySecond = new Map<number, Attempt[]>();
    for (const { seconds } of entries) {
      if (seconds === 'any') continue;
      for (const second of seconds) bySecond.set(second, entries.filter((e) => e.seconds === 'any' || e.seconds.has(second)).map((e) => e.attempt));
    }
    const attempts = entries.map((e) => e.attempt);
    const bucket: Bucket = { bySecond, otherwise: entries.filter((e) => e.seconds === 'any').map((e) => e.attempt) };
    if (attempts.every((attempt) => attempt.afterNumber)) bucket.afterNumber = new Set(attempts.flatMap((attempt) => [...(attempt.afterNumber ?? [])]));
    starts[code] = byFirstChar.push(bucket) - 1;
  }
  const classes = new Map<string, string>();
  for (const row of template.tables.incomeExpenditureSummary.rows) {
    if (!row.functionalClass) continue;
    const name = row.label.replace(/^[一二三四五六七八九十]+、/, '');
    classes.set(name, row.functionalClass);
    classes.set(name.replace(/支出$/, ''), row.functionalClass);
  }
  const compiled = { byFirstChar, starts, classes };
  compiledTemplates.set(template, compiled);
  return compiled;
}

const UNREAD: NormalizedText = { text: '', runs: { normalized: Int32Array.of(0), raw: Int32Array.of(0) } };

/** Headings are few and repeat from document to document: their scope is looked up once each. */
const headingScopes = new Map<string, Scope | null | undefined>();

function scopeOf(heading: string): Scope | null | undefined {
  if (headingScopes.has(heading)) return headingScopes.get(heading);
  const scope = SECTION_SCOPES.find(([pattern]) => pattern.test(heading))?.[1];
  if (headingScopes.size >= 1000) headingScopes.clear();
  headingScopes.set(heading, scope);
  return scope;
}

export function readSections(doc: TFinalAccounts): SectionText[] {
  return doc.narrative.map((section, index) => {
    const scope = scopeOf(section.heading);
    return { index, heading: section.heading, raw: section.text, normalized: scope ? normalize(section.text) : UNREAD, scope };
  });
}

function addName(map: Map<string, string[]>, name: string | undefined, code: string): void {
  if (!name) return;
  const key = normalize(name).text;
  const codes = map.get(key);
  if (!codes) map.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

/** Functional names in the document → codes, for "X(类)Y(款)Z(项)". Built on first use. */
class FunctionalNames {
  private items?: Map<string, string[]>;
  private sections?: Map<string, string[]>;

  constructor(private readonly doc: TFinalAccounts) {}

  private build(): void {
    const items = new Map<string, string[]>();
    const sections = new Map<string, string[]>();
    for (const line of this.doc.comparisons.initialBudget.bySubject) if (line.code.length === 7) addName(items, line.name, line.code);
    // Items are checked against 一般公共预算财政拨款支出决算表: its names are the ones that count.
    for (const row of this.doc.tables.generalBudgetExpenditure.rows) {
      if (row.row.length === 7) addName(items, row.name, row.row);
      if (row.row.length === 5) addName(sections, row.name, row.row);
    }
    this.items = items;
    this.sections = sections;
  }

  item(classCode: string | undefined, sectionName: string | undefined, name: string): SubjectKey {
    if (!this.items) this.build();
    let codes = (this.items?.get(name) ?? []).filter((code) => !classCode || code.startsWith(classCode));
    if (codes.length > 1 && sectionName) {
      const sections = this.sections?.get(sectionName) ?? [];
      codes = codes.filter((code) => sections.includes(code.slice(0, 5)));
    }
    return codes.length === 1 ? `item:${codes[0]}` : `itemName:${classCode ?? ''}:${name}`;
  }
}

interface Current {
  key: SubjectKey;
  start: number;
  end: number;
}

/** NAME_BOUNDARY per UTF-16 code, tested once each: 0 not yet, 1 a boundary, 2 not. */
const boundaries = new Uint8Array(0x10000);

function isBoundary(code: number): boolean {
  let known = boundaries[code];
  if (!known) {
    known = NAME_BOUNDARY.test(String.fromCharCode(code)) ? 1 : 2;
    boundaries[code] = known;
  }
  return known === 1;
}

/** Where the name printed right before a marker starts: back to the previous punctuation or number. */
function nameStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !isBoundary(text.charCodeAt(start - 1))) start -= 1;
  return start;
}

function classCode(compiled: Compiled, name: string): string | undefined {
  const exact = compiled.classes.get(name);
  if (exact) return exact;
  let best: [string, string] | undefined;
  for (const entry of compiled.classes) if (name.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Where a global pattern matches, as [start, end, start, end, …]. */
function spans(pattern: RegExp, text: string): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m.index, m.index + m[0].length);
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

const SUBHEADING = /(?:^|\n)[ \t\u3000]*([（(][一二三四五六七八九十]+[）)][^\n]*)/g;

/** Sub-heading lines ("（一）机关运行经费支出情况") as normalized offsets and the scope they open. */
function subheadings(section: SectionText): { at: number; scope: Scope | undefined }[] {
  const found: { at: number; scope: Scope | undefined }[] = [];
  const raw = section.raw;
  SUBHEADING.lastIndex = 0;
  for (let m = SUBHEADING.exec(raw); m; m = SUBHEADING.exec(raw)) {
    const line = m[1] ?? '';
    found.push({ at: normalizedOffset(section.normalized, m.index + m[0].length - line.length), scope: SUBSECTION_SCOPES.find(([p]) => p.test(line))?.[1] });
  }
  return found;
}

export function extractClaims(doc: TFinalAccounts, template: Template, sections: readonly SectionText[] = readSections(doc)): Claim[] {
  const compiled = compile(template);
  const names = new FunctionalNames(doc);
  const claims: Claim[] = [];
  for (const section of sections) if (section.scope) scanSection(section, section.scope, compiled, names, claims);
  return claims;
}

function scanSection(section: SectionText, sectionScope: Scope, compiled: Compiled, names: FunctionalNames, claims: Claim[]): void {
  const { text } = section.normalized;
  const { byFirstChar, starts } = compiled;
  // Flat [start, end, …] of the explanations.
  const skipped = spans(EXPLANATION, text);
  const headings = subheadings(section);
  let scope = sectionScope;
  let subject: Current | undefined;
  let s = 0;
  let h = 0;
  let at = 0;
  // The next offset where a sub-heading or an explanation begins: looked at only when reached.
  let event = 0;
  // Where the run of digits, commas and dots that `at` is in ends, once a number pattern asked.
  let numberEnd = 0;
  while (at < text.length) {
    if (at >= event) {
      for (; h < headings.length && (headings[h]?.at ?? 0) <= at; h += 1) {
        scope = headings[h]?.scope ?? scope;
        subject = undefined;
      }
      while (s < skipped.length && (skipped[s + 1] ?? 0) <= at) s += 2;
      const skipStart = skipped[s] ?? Infinity;
      if (skipStart <= at) {
        at = skipped[s + 1] ?? at + 1;
        continue;
      }
      event = Math.min(headings[h]?.at ?? Infinity, skipStart);
    }
    const bucket = byFirstChar[starts[text.charCodeAt(at)] ?? 0];
    if (!bucket) {
      at += 1;
      continue;
    }
    if (bucket.afterNumber) {
      if (numberEnd <= at) numberEnd = numberRunEnd(text, at);
      if (!bucket.afterNumber.has(text.charCodeAt(numberEnd))) {
        at = numberEnd;
        continue;
      }
    }
    const attempts = bucket.bySecond.get(text.charCodeAt(at + 1)) ?? bucket.otherwise;
    let alternative: Alternative | undefined;
    let m: RegExpExecArray | null = null;
    for (let i = 0; i < attempts.length; i += 1) {
      const { alternative: candidate, prefixes, afterNumber } = attempts[i] as Attempt;
      if (prefixes && !startsWithOne(text, at, prefixes)) continue;
      if (afterNumber) {
        if (numberEnd <= at) numberEnd = numberRunEnd(text, at);
        if (!afterNumber.has(text.charCodeAt(numberEnd))) continue;
      }
      candidate.sticky.lastIndex = at;
      m = candidate.sticky.exec(text);
      if (m) {
        alternative = candidate;
        break;
      }
    }
    if (!alternative || !m) {
      at += 1;
      continue;
    }
    at += m[0].length;
    if (alternative.marker) {
      const marked = marker(m, compiled, names);
      subject = marked ?? subject;
      if (marked) at = Math.max(at, marked.end);
      continue;
    }
    if (alternative.subject) {
      const spec = alternative.subject.subject;
      const key = typeof spec === 'string' ? spec : spec[scope] ?? NEUTRAL;
      subject = { key, start: m.index, end: at };
      if (alternative.subject.statesNone) claims.push(claimOf(section.index, key, 'none', rawOffset(section.normalized, m.index), m[0]));
      continue;
    }
    const value = alternative.value;
    if (value && subject && subject.key !== NEUTRAL) readValue(value, m, subject, section, claims);
  }
}

function readValue(value: ValuePhrase, m: RegExpExecArray, subject: Current, section: SectionText, claims: Claim[]): void {
  const text = m.input;
  const at = m.index;
  const gap = at - subject.end;
  if (value.bare && gap > 0 && !FILLER.test(text.slice(subject.end, at))) return;
  const end = at + m[0].length;
  let printed: PrintedNumber | undefined;
  let word: string | undefined;
  let qualifier: Claim['qualifier'];
  let roughly: boolean | undefined;
  let percentSign: boolean | undefined;
  let numberSpan: Claim['numberSpan'];
  const { groups } = value;
  for (let i = 0; i < groups.length; i += 1) {
    const role = groups[i];
    const part = m[i + 1];
    if (role === 'number' && part !== undefined) {
      printed = parsePrinted(part);
      // No pattern has a digit before its number, so the first occurrence is the group's.
      const start = at + m[0].indexOf(part);
      numberSpan = [rawOffset(section.normalized, start), rawOffset(section.normalized, start + part.length - 1) + 1];
    }
    else if (role === 'word' && part) word = part;
    else if (role === 'qualifier' && part) qualifier = part as '年初' | '全年';
    else if (role === 'roughly') roughly = part !== undefined;
    else if (role === 'percentSign') percentSign = part === '%';
  }
  if (value.kind === 'unchanged' || (value.kind === 'comparison' && !word)) word = '持平';
  claims.push(claimOf(section.index, subject.key, value.kind, rawOffset(section.normalized, at),
    gap <= 12 ? text.slice(subject.start, end) : `${text.slice(subject.start, subject.end)}…${m[0]}`, printed, word, qualifier, roughly, percentSign, numberSpan));
  if (value.bare) subject.end = end;
}

/** Every claim with the same properties in the same order (absent ones undefined), so the checks read one shape. */
function claimOf(
  section: number, subject: SubjectKey, kind: Claim['kind'], offset: number, quote: string,
  printed?: PrintedNumber, word?: string, qualifier?: Claim['qualifier'], roughly?: boolean, percentSign?: boolean, numberSpan?: Claim['numberSpan'],
): Claim {
  return { section, subject, kind, offset, quote, printed, word, qualifier, roughly, percentSign, numberSpan };
}

/** "X(类)", "X(类)Y(款)Z(项)", a bare "Z(项)"; a bare "(款)" names nothing checked. */
function marker(m: RegExpExecArray, compiled: Compiled, names: FunctionalNames): Current | undefined {
  const text = m.input;
  const at = m.index;
  const level = m[1];
  const start = nameStart(text, at);
  const name = text.slice(start, at);
  if (level === '类') {
    const code = classCode(compiled, name);
    ITEM_AFTER_CLASS.lastIndex = at + m[0].length;
    const item = ITEM_AFTER_CLASS.exec(text);
    if (item) {
      return { key: names.item(code, item[1], item[2] ?? ''), start, end: ITEM_AFTER_CLASS.lastIndex };
    }
    return { key: code ? `class:${code}` : NEUTRAL, start, end: at + m[0].length };
  }
  if (level === '项') return { key: names.item(undefined, undefined, name), start, end: at + m[0].length };
  return { key: NEUTRAL, start, end: at + m[0].length };
}
