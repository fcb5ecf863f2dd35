// What changed between two submissions of the same accounts, in the terms comments are anchored
// in: the cells that differ (cell keys) and the document paths of everything else that differs —
// a narrative paragraph as a whole ("narrative[2]"), a table's layout as "table:<kind>" (rows added
// or removed, its statement), other parts down to the field ("performance.projects[3].name").
// Pure: the review page highlights these next to the comments on the earlier submission.
import { cellKey, tableCells } from '../accounts/cells';
import type { TFinalAccounts } from '../accounts/schema';
import { TABLE_KINDS } from '../accounts/templates';
import { diffCells, documentSkeleton, jsonEqual } from './accounts-store';

export interface DocumentChanges {
  /** Cell keys whose figure differs ("expenditure:2101102:basic"), a cleared or new one included. */
  cells: string[];
  /** Narrative paragraphs, tables whose layout changed, and document paths of other changed fields. */
  paths: string[];
}

/** Lists whose items are compared whole: a narrative paragraph is what a comment points at. */
const WHOLE_ITEMS = new Set(['narrative']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(before: unknown, after: unknown, path: string, out: string[]): void {
  if (jsonEqual(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const whole = WHOLE_ITEMS.has(path);
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const item = `${path}[${i}]`;
      if (whole || i >= before.length || i >= after.length) {
        if (!jsonEqual(before[i], after[i])) out.push(item);
      } else walk(before[i], after[i], item, out);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push(path);
}

export function documentChanges(before: TFinalAccounts, after: TFinalAccounts): DocumentChanges {
  const cells = diffCells(tableCells(before), tableCells(after)).map((change) => cellKey(change.table, change.row, change.column));
  const left = documentSkeleton(before);
  const right = documentSkeleton(after);
  const paths = TABLE_KINDS.filter((kind) => !jsonEqual(left.tables[kind], right.tables[kind])).map((kind) => `table:${kind}`);
  const { tables: _left, ...restBefore } = left;
  const { tables: _right, ...restAfter } = right;
  walk(restBefore, restAfter, '', paths);
  return { cells, paths };
}
