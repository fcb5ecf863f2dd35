'use client';
// What every field of an editor needs without threading it through each component: whether the
// accounts are read-only, which document paths the check panel asked to highlight, and whether
// the fields belong to a new item still held back (whose messages show at once).
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

interface EditorState {
  readOnly: boolean;
  highlighted: ReadonlySet<string>;
  /** A new item not yet in the document: a field says what is missing before she leaves it. */
  isNewItem?: boolean;
}

const EditorContext = createContext<EditorState>({ readOnly: true, highlighted: new Set() });

/**
 * Where a field says that what she typed is not in the document (refused, or an item held back
 * until complete): the entry page counts these as unsaved, asks before leaving, and holds 上报.
 */
export const InvalidFieldsContext = createContext<(path: string, invalid: boolean) => void>(() => {});

/** Reports this field's typed text as refused while it is, and no longer once it is gone. */
export function useReportInvalid(path: string, invalid: boolean): void {
  const report = useContext(InvalidFieldsContext);
  useEffect(() => {
    if (!invalid) return;
    report(path, true);
    return () => report(path, false);
  }, [report, path, invalid]);
}

export function useEditor(): EditorState {
  return useContext(EditorContext);
}

/** Whether the check panel asked to highlight this document path. */
export function useHighlighted(path: string): boolean {
  const { highlighted } = useEditor();
  return highlighted.has(path);
}

/** Whether anything at or under this path is highlighted ("performance.projects[2]" for its indicators, "narrative[3]@120" for a sentence). */
export function useHighlightedUnder(prefix: string): boolean {
  const { highlighted } = useEditor();
  for (const path of highlighted) {
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`) || path.startsWith(`${prefix}@`)) return true;
  }
  return false;
}

/** Fields inside show figures that cannot be changed here (last year's approved figures). */
export function ReadOnlyScope({ active, children }: { active: boolean; children: ReactNode }) {
  const state = useEditor();
  if (!active) return children;
  return <EditorContext.Provider value={{ ...state, readOnly: true }}>{children}</EditorContext.Provider>;
}

/**
 * The fields of a list item that is not yet in the document (see use-pending-list.ts). Always a
 * provider, so the item keeps its fields (and her cursor) when it joins the list.
 */
export function NewItemScope({ active, children }: { active: boolean; children: ReactNode }) {
  const state = useEditor();
  return <EditorContext.Provider value={{ ...state, isNewItem: active }}>{children}</EditorContext.Provider>;
}

interface FrameProps extends EditorState {
  title: string;
  children: ReactNode;
}

/** An editor's outer frame: its heading, the context for its fields, and scrolling to the first highlighted field. */
export function EditorFrame({ title, readOnly, highlighted, children }: FrameProps) {
  const frame = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted.size === 0) return;
    const first = frame.current?.querySelector('.is-highlighted');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlighted]);
  return (
    <EditorContext.Provider value={{ readOnly, highlighted }}>
      <section className="section-editor" ref={frame} aria-label={title}>
        <h2 className="section-editor-title">{title}</h2>
        {readOnly ? <p className="section-readonly-note">本决算当前为只读状态，不能修改。</p> : null}
        {children}
      </section>
    </EditorContext.Provider>
  );
}
