'use client';
// 添加科目: choose a 项 of the year's functional catalogue by code or name; the table then lists
// it with its 款 and 类 (the editor adds those). A combobox with a list of matches.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

export interface FunctionalSubjectOption {
  code: string;
  name: string;
}

const MAX_OPTIONS = 30;

interface Props {
  subjects: readonly FunctionalSubjectOption[];
  /** Codes the table lists already. */
  listed: ReadonlySet<string>;
  onAdd: (code: string) => void;
}

export function AddSubject({ subjects, listed, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const id = useId();
  const names = useMemo(() => new Map(subjects.map((s) => [s.code, s.name])), [subjects]);
  const items = useMemo(() => subjects.filter((s) => s.code.length === 7), [subjects]);
  const q = query.trim();
  const matches = useMemo(
    () => (q === '' ? items : items.filter((s) => s.code.startsWith(q) || s.name.includes(q))).slice(0, MAX_OPTIONS),
    [items, q],
  );
  const parents = (code: string) => [names.get(code.slice(0, 3)), names.get(code.slice(0, 5))].filter(Boolean).join(' / ');

  const choose = (code: string | undefined) => {
    if (!code || listed.has(code)) return;
    onAdd(code);
    setOpen(false);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.min(Math.max(0, h + step), Math.max(0, matches.length - 1)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[highlight]?.code);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };

  if (!open) {
    return (
      <div className="grid-toolbar">
        <button type="button" className="secondary-button" onClick={() => { setOpen(true); setHighlight(0); }}>
          添加科目
        </button>
      </div>
    );
  }
  const listId = `${id}-list`;
  return (
    <div className="grid-toolbar add-subject">
      <label htmlFor={`${id}-input`}>添加科目（项）</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches[highlight] ? `${id}-${matches[highlight].code}` : undefined}
        placeholder="输入科目编码或名称，如 2010350 或 事业运行"
        autoFocus
        autoComplete="off"
        value={query}
        onChange={(event) => { setQuery(event.target.value); setHighlight(0); }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="link-button" onClick={() => setOpen(false)}>取消</button>
      <ul id={listId} role="listbox" aria-label="功能分类科目（项）" className="subject-options">
        {matches.length === 0 && <li className="empty">没有符合的科目</li>}
        {matches.map((subject, index) => {
          const isListed = listed.has(subject.code);
          return (
            <li
              key={subject.code}
              id={`${id}-${subject.code}`}
              role="option"
              aria-selected={index === highlight}
              aria-disabled={isListed || undefined}
              className={index === highlight ? 'highlighted' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(subject.code)}
            >
              <span className="code">{subject.code}</span> {subject.name}
              <span className="subject-parents">{isListed ? '（已在表中）' : parents(subject.code)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
