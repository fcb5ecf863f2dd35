// Explanations (出错说明) of warning findings. A warning does not stop submission once the
// accountant has written why the figures are right; the explanation is stored with the accounts
// and keyed by the finding's rule and anchor, so it stays attached to the same finding while
// other figures change, and lapses when the finding's cells (or sentence) change.
//
// An anchor names what the finding is about, not where it sits: a list item by its name (a
// project, a goal, an indicator, a subject code, a narrative heading), a narrative claim by its
// section's heading and its sentence with the numbers masked. So deleting another project,
// writing more text earlier in a section or inserting a section moves no explanation.
import type { Finding, NarrativeLocation } from './findings';
import { sentenceAt } from './narrative-check/text';
import { skeletonOf } from './narrative-refresh';
import type { TFinalAccounts } from './schema';

export interface Explanation {
  rule: string;
  anchor: string;
  text: string;
}

type Item = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** What names an item of each list of the document that findings point into. */
const ITEM_NAMES: Readonly<Record<string, (item: Item) => string | undefined>> = {
  narrative: (section) => text(section.heading),
  projects: (project) => text(project.name),
  goals: (goal) => text(goal.title) ?? text(goal.description),
  indicators: (indicator) => text(indicator.name),
  level1Weights: (weight) => text(weight.level1),
  bySubject: (line) => text(line.code),
  units: (unit) => text(unit.name),
  keyWork: (work) => text(work.item),
};

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null;

/** "projects「网络安全基础保障」", or "…」#1" for the second item of that name; undefined for an item without one. */
function namedItem(list: string, items: readonly unknown[], index: number): string | undefined {
  const nameOf = ITEM_NAMES[list];
  const item = items[index];
  const name = nameOf && isItem(item) ? nameOf(item) : undefined;
  if (name === undefined) return undefined;
  const before = items.slice(0, index).filter((other) => isItem(other) && nameOf?.(other) === name).length;
  return `${list}「${name}」${before > 0 ? `#${before}` : ''}`;
}

/** A document path with its list positions replaced by the items' names; a cell key is left alone. */
export function namedPath(path: string, doc: TFinalAccounts): string {
  if (!path.includes('[')) return path;
  let node: unknown = doc;
  return path.split('.').map((segment) => {
    const match = /^([^[\]]+)\[(\d+)\]$/.exec(segment);
    if (!match) {
      node = isItem(node) ? node[segment] : undefined;
      return segment;
    }
    const [, list = '', digits = ''] = match;
    const items = isItem(node) ? node[list] : undefined;
    const index = Number(digits);
    node = Array.isArray(items) ? (items as unknown[])[index] : undefined;
    return (Array.isArray(items) ? namedItem(list, items as unknown[], index) : undefined) ?? segment;
  }).join('.');
}

/**
 * A narrative claim: its section by heading, its sentence with the numbers masked (so a refreshed
 * figure keeps it), and which occurrence of that masked sentence in the section it is.
 */
function claimAnchor(location: NarrativeLocation, doc: TFinalAccounts): string {
  const section = namedPath(`narrative[${location.section}]`, doc);
  const skeleton = skeletonOf(location.sentence);
  const raw = doc.narrative[location.section]?.text ?? '';
  const own = raw.lastIndexOf('。', Math.max(0, location.offset - 1)) + 1;
  let occurrence = 0;
  for (let start = 0; start < own; start = raw.indexOf('。', start) + 1) {
    if (skeletonOf(sentenceAt(raw, start)) === skeleton) occurrence += 1;
  }
  return `${section}「${skeleton}」#${occurrence}`;
}

/** Past this many characters an anchor is shortened to its start and a hash of the whole (the database indexes it). */
export const LONGEST_ANCHOR = 600;

/** cyrb53: a 53-bit string hash, the same in the browser and on the server. */
function hash53(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Where a finding is, in `doc` (the document it was found in): its cells, list items named,
 * joined with ","; a narrative finding names its claim first
 * ("narrative「六、…」「因公出国(境)费支出决算为#万元，完成年初预算的#%。」#0,…").
 */
export function findingAnchor(finding: Pick<Finding, 'cells' | 'location'>, doc: TFinalAccounts): string {
  const cells = finding.cells.map((cell) => namedPath(cell, doc)).join(',');
  const claim = finding.location ? claimAnchor(finding.location, doc) : '';
  const anchor = claim && cells ? `${claim},${cells}` : claim || cells;
  return anchor.length <= LONGEST_ANCHOR ? anchor : `${Array.from(anchor).slice(0, 200).join('')}…#${hash53(anchor)}`;
}

/** "rule|anchor": one key per explanation, also the path of a submission's field error. */
export function explanationKey(rule: string, anchor: string): string {
  return `${rule}|${anchor}`;
}

export const findingKey = (finding: Finding, doc: TFinalAccounts): string => explanationKey(finding.rule, findingAnchor(finding, doc));

/** The warnings of `doc` no explanation (with some text) covers yet, in the findings' order. */
export function unexplainedWarnings(findings: readonly Finding[], explanations: readonly Explanation[], doc: TFinalAccounts): Finding[] {
  const explained = new Set(explanations.filter((e) => e.text.trim() !== '').map((e) => explanationKey(e.rule, e.anchor)));
  return findings.filter((finding) => finding.severity === 'warning' && !explained.has(findingKey(finding, doc)));
}
