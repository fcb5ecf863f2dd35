// Keeping a generated narrative in step with the figures. A sentence the accountant has not
// touched since it was generated follows the new draft; a sentence she edited or wrote stays
// as she left it. Sentences end at 。！？ (with closing quotes) or at a line break.

import { generateNarrative } from './narrative-check/draft';
import type { TFinalAccounts } from './schema';
import type { Template } from './templates';

export interface NarrativeSectionText {
  heading: string;
  text: string;
}

const END_MARKS = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"']);
const SPACE = /\s/u;

/** The text cut into sentences, each with its end mark and the whitespace after it; they join back to the text. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    i += 1;
    if (!END_MARKS.has(char) && char !== '\n') continue;
    if (char !== '\n') while (i < text.length && CLOSERS.has(text.charAt(i))) i += 1;
    while (i < text.length && SPACE.test(text.charAt(i))) i += 1;
    sentences.push(text.slice(start, i));
    start = i;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

const bodyOf = (sentence: string): string => sentence.replace(/\s+$/u, '');
const tailOf = (sentence: string): string => sentence.slice(bodyOf(sentence).length);
/** The sentence with its numbers masked: a generated sentence keeps this when only figures change (also an explanation's anchor). */
export const skeletonOf = (sentence: string): string => bodyOf(sentence).replace(/\d[\d,]*(?:\.\d+)?/g, '#');

/** Index pairs of a longest common subsequence of two lists, in order. */
function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] = a[i] === b[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
}

/** Next-draft sentences with no previous counterpart, placed after one previous sentence or before another. */
interface Insertion {
  after: number;
  before: number;
  sentences: number[];
}

/** What each previous-draft sentence becomes in the next draft (nothing when the draft drops it). */
function mapDrafts(previous: readonly string[], next: readonly string[]): { becomes: number[][]; insertions: Insertion[] } {
  const becomes = previous.map((): number[] => []);
  const insertions: Insertion[] = [];
  const pairs = [...commonPairs(previous.map(skeletonOf), next.map(skeletonOf)), [previous.length, next.length] as [number, number]];
  let [lastPrevious, lastNext] = [-1, -1];
  for (const [p, n] of pairs) {
    const removed = Array.from({ length: p - lastPrevious - 1 }, (_, k) => lastPrevious + 1 + k);
    const added = Array.from({ length: n - lastNext - 1 }, (_, k) => lastNext + 1 + k);
    // A changed stretch: sentences replace sentences in order; the last takes any extra ones.
    removed.forEach((r, k) => {
      becomes[r] = k === removed.length - 1 ? added.slice(k) : added.slice(k, k + 1);
    });
    if (removed.length === 0 && added.length > 0) insertions.push({ after: lastPrevious, before: p, sentences: added });
    if (p < previous.length) becomes[p] = [n];
    [lastPrevious, lastNext] = [p, n];
  }
  return { becomes, insertions };
}

/**
 * The narrative text after the figures changed: each sentence of `current` still equal to its
 * sentence in `previousDraft` is replaced by what the draft now says (or dropped, if the draft
 * no longer has it); new draft sentences are placed next to an untouched neighbour; every
 * other sentence is kept as written.
 */
export function refreshNarrative(current: string, previousDraft: string, nextDraft: string): string {
  if (current === previousDraft) return nextDraft;
  if (previousDraft === nextDraft) return current;
  const previous = splitSentences(previousDraft);
  const next = splitSentences(nextDraft);
  const sentences = splitSentences(current);
  const { becomes, insertions } = mapDrafts(previous, next);
  const untouched = new Map(commonPairs(sentences.map(bodyOf), previous.map(bodyOf)));
  const kept = new Set(untouched.values());
  const out: string[] = [];
  sentences.forEach((sentence, c) => {
    const p = untouched.get(c);
    if (p === undefined) {
      out.push(sentence);
      return;
    }
    for (const insertion of insertions) if (insertion.before === p && !kept.has(insertion.after)) out.push(...insertion.sentences.map((n) => next[n] ?? ''));
    const replacement = becomes[p] ?? [];
    replacement.forEach((n, k) => {
      const text = next[n] ?? '';
      out.push(k === replacement.length - 1 ? bodyOf(text) + tailOf(sentence) : text);
    });
    for (const insertion of insertions) if (insertion.after === p) out.push(...insertion.sentences.map((n) => next[n] ?? ''));
  });
  return out.join('');
}

const byHeading = (drafts: readonly NarrativeSectionText[]): Map<string, string> => new Map(drafts.map((d) => [d.heading.trim(), d.text]));

/** Each section refreshed against the drafts of the same heading; the same array when nothing changed. */
export function refreshNarrativeSections<T extends NarrativeSectionText>(
  narrative: T[], previousDrafts: readonly NarrativeSectionText[], nextDrafts: readonly NarrativeSectionText[],
): T[] {
  const previous = byHeading(previousDrafts);
  const next = byHeading(nextDrafts);
  let changed = false;
  const refreshed = narrative.map((section) => {
    const key = section.heading.trim();
    const before = previous.get(key) ?? '';
    const after = next.get(key) ?? '';
    if (before === after) return section;
    const text = refreshNarrative(section.text, before, after);
    if (text === section.text) return section;
    changed = true;
    return { ...section, text };
  });
  return changed ? refreshed : narrative;
}

/** The narrative of `after` kept in step with the figures changed since `before` (same array when unchanged). */
export function stepNarrative(before: TFinalAccounts, after: TFinalAccounts, template: Template): TFinalAccounts['narrative'] {
  const previous = generateNarrative(before, template);
  const next = generateNarrative(after, template);
  return refreshNarrativeSections(after.narrative, previous, next);
}

/**
 * The narrative with the draft filled in where it has nothing: an empty section gets its draft's
 * text, a drafted heading it lacks is added after the drafted heading before it. Written text is
 * never replaced.
 */
export function fillNarrative(narrative: readonly NarrativeSectionText[], drafts: readonly NarrativeSectionText[]): NarrativeSectionText[] {
  const result = [...narrative];
  let last = -1;
  for (const draft of drafts) {
    const index = result.findIndex((section) => section.heading.trim() === draft.heading.trim());
    if (index < 0) {
      last += 1;
      result.splice(last, 0, { heading: draft.heading, text: draft.text });
      continue;
    }
    const section = result[index];
    if (section && section.text.trim() === '') result[index] = { ...section, text: draft.text };
    last = index;
  }
  return result;
}
