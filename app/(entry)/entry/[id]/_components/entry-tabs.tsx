'use client';
// The tabs of the entry page: 概况, the tables in printed order, then the other sections. A tab
// shows how many findings point into it. Arrow keys move between tabs, as the ARIA pattern has it.
import type { KeyboardEvent } from 'react';

export interface EntryTab {
  key: string;
  label: string;
  findings: number;
  blocking: number;
}

interface Props {
  tabs: readonly EntryTab[];
  selected: string;
  onSelect: (key: string) => void;
}

export const tabId = (key: string) => `tab-${key}`;
export const panelId = (key: string) => `panel-${key}`;

export function EntryTabs({ tabs, selected, onSelect }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || index < 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    document.getElementById(tabId(next.key))?.focus();
  };

  return (
    <div className="entry-tabs" role="tablist" aria-label="决算各部分" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          id={tabId(tab.key)}
          type="button"
          role="tab"
          aria-selected={tab.key === selected}
          aria-controls={panelId(tab.key)}
          tabIndex={tab.key === selected ? 0 : -1}
          className={tab.blocking > 0 ? 'has-blocking' : tab.findings > 0 ? 'has-warnings' : undefined}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
          {tab.findings > 0 && (
            <span className="tab-count" aria-label={`${tab.findings} 个审核问题`}>
              {tab.findings}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
