// Claim extraction: one pass over each section's normalized text, trying at each position
// only the phrases that can start with its character. A subject phrase sets what the text is
// talking about; a value phrase after it is a claim about that subject. Explanations
// (主要原因…, 主要包括…) are skipped, sub-headings reset the subject. The phrases are compiled
// once per template (its class names are part of them).

import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates';
import type { SubjectKey } from './facts';
import {
  EXPLANATION, FILLER, ITEM_AFTER_CLASS, LEVEL_MARKER, NAME_BOUNDARY, SECTION_SCOPES, SUBJECT_PHRASES, SUBSECTION_SCOPES, VALUE_PHRASES,
  type Scope, type SubjectPhrase, type ValueKind, type ValuePhrase,
} from './phrases';
import { firstChars } from './first-chars';
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

interface Compiled {
  /** First character code → the alternatives that can start with it, in priority order. */
  byFirstChar: ReadonlyMap<number, readonly Alternative[]>;
  /** 1 at the UTF-16 codes some alternative starts with: most characters are passed over here. */
  starts: Uint8Array;
  /** Class name and its stem without 支出 → class code. */
  classes: ReadonlyMap<string, string>;
}

const compiledTemplates = new WeakMap<Template, Compiled>();

function compile(template: Template): Compiled {
  const cached = compiledTemplates.get(template);
  if (cached) return cached;
  const alternatives: { source: string; alternative: Alternative }[] = [
    ...SUBJECT_PHRASES.map((subject) => ({ source: subject.pattern, alternative: { sticky: new RegExp(subject.pattern, 'y'), subject } })),
    ...VALUE_PHRASES.map((value) => ({ source: value.pattern, alternative: { sticky: new RegExp(value.pattern, 'y'), value } })),
    { source: LEVEL_MARKER, alternative: { sticky: new RegExp(LEVEL_MARKER, 'y'), marker: true as const } },
  ];
  const byFirstChar = new Map<number, Alternative[]>();
  const starts = new Uint8Array(0x10000);
  for (const { source, alternative } of alternatives) {
    const chars = firstChars(source);
    if (chars === 'any') throw new Error(`narrative pattern without a known first character: ${source}`);
    for (const char of chars) {
      const code = char.charCodeAt(0);
      byFirstChar.set(code, [...(byFirstChar.get(code) ?? []), alternative]);
      starts[code] = 1;
    }
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

export function readSections(doc: TFinalAccounts): SectionText[] {
  return doc.narrative.map((section, index) => {
    const scope = SECTION_SCOPES.find(([pattern]) => pattern.test(section.heading))?.[1];
    return { index, heading: section.heading, raw: section.text, normalized: scope ? normalize(section.text) : UNREAD, scope };
  });
}

/** Functional names in the document → codes, for "X(类)Y(款)Z(项)". Built on first use. */
class FunctionalNames {
  private items?: Map<string, string[]>;
  private sections?: Map<string, string[]>;

  constructor(private readonly doc: TFinalAccounts) {}

  private build(): void {
    const items = new Map<string, string[]>();
    const sections = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, name: string | undefined, code: string) => {
      if (!name) return;
      const key = normalize(name).text;
      const codes = map.get(key) ?? [];
      if (!codes.includes(code)) codes.push(code);
      map.set(key, codes);
    };
    for (const line of this.doc.comparisons.initialBudget.bySubject) if (line.code.length === 7) add(items, line.name, line.code);
    // Items are checked against 一般公共预算财政拨款支出决算表: its names are the ones that count.
    for (const row of this.doc.tables.generalBudgetExpenditure.rows) {
      if (row.row.length === 7) add(items, row.name, row.row);
      if (row.row.length === 5) add(sections, row.name, row.row);
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

/** The name printed right before a marker, back to the previous punctuation or number. */
function nameBefore(text: string, at: number): { name: string; start: number } {
  let start = at;
  while (start > 0 && !NAME_BOUNDARY.test(text.charAt(start - 1))) start -= 1;
  return { name: text.slice(start, at), start };
}

function classCode(compiled: Compiled, name: string): string | undefined {
  const exact = compiled.classes.get(name);
  if (exact) return exact;
  let best: [string, string] | undefined;
  for (const entry of compiled.classes) if (name.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

function spans(pattern: RegExp, text: string): [number, number][] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** Sub-heading lines ("（一）机关运行经费支出情况") as normalized offsets and the scope they open. */
function subheadings(section: SectionText): { at: number; scope: Scope | undefined }[] {
  const found: { at: number; scope: Scope | undefined }[] = [];
  for (const m of section.raw.matchAll(/(?:^|\n)[ \t\u3000]*([（(][一二三四五六七八九十]+[）)][^\n]*)/g)) {
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
  const skipped = spans(EXPLANATION, text);
  const headings = subheadings(section);
  let scope = sectionScope;
  let subject: Current | undefined;
  let s = 0;
  let h = 0;
  let at = 0;
  // The next offset where a sub-heading or an explanation begins: looked at only when reached.
  let event = 0;
  while (at < text.length) {
    if (at >= event) {
      for (; h < headings.length && (headings[h]?.at ?? 0) <= at; h += 1) {
        scope = headings[h]?.scope ?? scope;
        subject = undefined;
      }
      while (s < skipped.length && (skipped[s]?.[1] ?? 0) <= at) s += 1;
      const skip = skipped[s];
      if (skip && skip[0] <= at) {
        at = skip[1];
        continue;
      }
      event = Math.min(headings[h]?.at ?? Infinity, skip?.[0] ?? Infinity);
    }
    if (compiled.starts[text.charCodeAt(at)] !== 1) {
      at += 1;
      continue;
    }
    const found = matchAt(compiled, text, at);
    if (!found) {
      at += 1;
      continue;
    }
    const [alternative, m] = found;
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
      if (alternative.subject.statesNone) claims.push({ section: section.index, subject: key, kind: 'none', offset: rawOffset(section.normalized, m.index), quote: m[0] });
      continue;
    }
    const value = alternative.value;
    if (value && subject && subject.key !== NEUTRAL) readValue(value, m, subject, section, claims);
  }
}

/** The first alternative, in priority order, that matches at `at`. */
function matchAt(compiled: Compiled, text: string, at: number): [Alternative, RegExpExecArray] | undefined {
  const candidates = compiled.byFirstChar.get(text.charCodeAt(at));
  if (!candidates) return undefined;
  for (const alternative of candidates) {
    alternative.sticky.lastIndex = at;
    const m = alternative.sticky.exec(text);
    if (m) return [alternative, m];
  }
  return undefined;
}

function readValue(value: ValuePhrase, m: RegExpExecArray, subject: Current, section: SectionText, claims: Claim[]): void {
  const text = m.input;
  const gap = text.slice(subject.end, m.index);
  if (value.bare && !FILLER.test(gap)) return;
  const end = m.index + m[0].length;
  const claim: Claim = {
    section: section.index,
    subject: subject.key,
    kind: value.kind,
    offset: rawOffset(section.normalized, m.index),
    quote: gap.length <= 12 ? text.slice(subject.start, end) : `${text.slice(subject.start, subject.end)}…${m[0]}`,
  };
  value.groups.forEach((role, i) => {
    const part = m[i + 1];
    if (role === 'number' && part !== undefined) claim.printed = parsePrinted(part);
    else if (role === 'word' && part) claim.word = part;
    else if (role === 'qualifier' && part) claim.qualifier = part as '年初' | '全年';
    else if (role === 'roughly') claim.roughly = part !== undefined;
    else if (role === 'percentSign') claim.percentSign = part === '%';
  });
  if (value.kind === 'unchanged' || (value.kind === 'comparison' && !claim.word)) claim.word = '持平';
  claims.push(claim);
  if (value.bare) subject.end = end;
}

/** "X(类)", "X(类)Y(款)Z(项)", a bare "Z(项)"; a bare "(款)" names nothing checked. */
function marker(m: RegExpExecArray, compiled: Compiled, names: FunctionalNames): Current | undefined {
  const text = m.input;
  const at = m.index;
  const level = m[1];
  const { name, start } = nameBefore(text, at);
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
