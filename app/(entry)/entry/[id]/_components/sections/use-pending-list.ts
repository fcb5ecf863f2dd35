// A list of a section with at most one new item held back: 添加 makes an item with empty required
// fields (a project without its name), which the schema refuses, so it stays in the editor's own
// state, shown at the end of the list, and joins the document once it is complete. Only a
// schema-valid list ever reaches onChange (contract E).
import { useState } from 'react';
import { removeAt, replaceAt } from './update';

export interface ListEdit<T> {
  /** The document's new list, when the edit changes it. */
  items?: T[];
  /** The new item still held back, if any. */
  pending: T | undefined;
}

/** The items as the editor shows them: the document's, then the one held back. */
export function shownItems<T>(items: readonly T[], pending: T | undefined): readonly T[] {
  return pending === undefined ? items : [...items, pending];
}

/** 添加: a complete item joins the list at once; an incomplete one is held back (one at a time). */
export function addItem<T>(items: readonly T[], pending: T | undefined, blank: T, isComplete: (item: T) => boolean): ListEdit<T> {
  if (pending !== undefined) return { pending };
  return isComplete(blank) ? { items: [...items, blank], pending: undefined } : { pending: blank };
}

/** A change to the i-th shown item: one of the list is replaced; the held-back one joins the list once complete. */
export function changeItem<T>(items: readonly T[], pending: T | undefined, index: number, next: T, isComplete: (item: T) => boolean): ListEdit<T> {
  if (index < items.length) return { items: replaceAt(items, index, next), pending };
  return isComplete(next) ? { items: [...items, next], pending: undefined } : { pending: next };
}

/** 删除 the i-th shown item: the held-back one is simply dropped. */
export function removeItem<T>(items: readonly T[], pending: T | undefined, index: number): ListEdit<T> {
  return index < items.length ? { items: removeAt(items, index), pending } : { pending: undefined };
}

export interface PendingList<T> {
  shown: readonly T[];
  /** Whether the i-th shown item is the new one, not yet in the document. */
  isNew: (index: number) => boolean;
  hasNew: boolean;
  add: (blank: T) => void;
  change: (index: number, next: T) => void;
  remove: (index: number) => void;
}

export function usePendingList<T>(items: readonly T[], isComplete: (item: T) => boolean, onChange: (items: T[]) => void): PendingList<T> {
  const [pending, setPending] = useState<T>();
  const apply = (edit: ListEdit<T>) => {
    setPending(edit.pending);
    if (edit.items) onChange(edit.items);
  };
  return {
    shown: shownItems(items, pending),
    isNew: (index) => index >= items.length,
    hasNew: pending !== undefined,
    add: (blank) => apply(addItem(items, pending, blank, isComplete)),
    change: (index, next) => apply(changeItem(items, pending, index, next, isComplete)),
    remove: (index) => apply(removeItem(items, pending, index)),
  };
}
