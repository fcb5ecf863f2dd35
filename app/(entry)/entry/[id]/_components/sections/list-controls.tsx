'use client';
// Adding to and removing from the lists of a section (functions, units, projects, goals,
// indicators, budget lines, key work, narrative sections). Hidden while read-only.
import { useEditor } from './editor-context';

export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <button type="button" className="list-add" onClick={onAdd}>
      ＋ {label}
    </button>
  );
}

/** `what` names the item for a screen reader: "删除 第 2 项职能". */
export function RemoveButton({ what, onRemove, disabled, text = '删除' }: { what: string; onRemove: () => void; disabled?: boolean; text?: string }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <button type="button" className="list-remove" onClick={onRemove} disabled={disabled} aria-label={`${text}${what}`}
      title={disabled ? '至少保留一项' : undefined}>
      {text}
    </button>
  );
}
