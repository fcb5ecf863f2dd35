// Which treemap level a `?treemap=` value opens: a 类 (3 digits) or 款 (5) that has children
// to show. Anything else (a 项, an unknown or malformed code) opens the top level.
import type { TreemapNode } from '@/lib/accounts/disclosure/charts';

export const TREEMAP_QUERY = 'treemap';

/** The nodes from a class down to `code`; empty for an unknown code or one without children to show. */
export function drillPath(nodes: readonly TreemapNode[], code: string | null | undefined): TreemapNode[] {
  if (!code) return [];
  const path: TreemapNode[] = [];
  let level = nodes;
  for (const length of [3, 5]) {
    const node = level.find((n) => n.code === code.slice(0, length));
    if (!node) return [];
    path.push(node);
    if (code.length === length) return node.children.length ? path : [];
    level = node.children;
  }
  return [];
}
