'use client';
// One section of 情况说明: its heading, its text, and beside it what the narrative checker found
// in it (each finding can select its sentence in the text). A section still as drafted says so.
import { useId, useRef, useState } from 'react';
import type { Finding } from '@/lib/accounts/findings';
import { splitSentences } from '@/lib/accounts/narrative-refresh';
import { useEditor, useHighlightedUnder } from './editor-context';
import { NameField } from './fields';
import { RemoveButton } from './list-controls';

interface Section {
  heading: string;
  text: string;
}

interface Props {
  section: Section;
  index: number;
  draft: string | undefined;
  findings: readonly Finding[];
  onChange: (section: Section) => void;
  onRemove: () => void;
}

const SEVERITY_WORDS = { blocking: '须改正', warning: '需说明' } as const;

/** The sentence (as the core cuts them: at 。！？ or a line break) around a claim at `offset`, without the spaces around it. */
export function sentenceRange(text: string, offset: number): [number, number] | undefined {
  if (offset > text.length) return undefined;
  let start = 0;
  for (const sentence of splitSentences(text)) {
    const end = start + sentence.length;
    if (offset < end || end === text.length) {
      return [start + sentence.length - sentence.trimStart().length, start + sentence.trimEnd().length];
    }
    start = end;
  }
  return undefined;
}

export function NarrativeSectionEditor({ section, index, draft, findings, onChange, onRemove }: Props) {
  const { readOnly } = useEditor();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [confirming, setConfirming] = useState(false);
  const pointedAt = useHighlightedUnder(`narrative[${index}]`);
  const select = (finding: Finding) => {
    const offset = finding.location?.offset;
    const range = offset === undefined ? undefined : sentenceRange(section.text, offset);
    if (!range || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(range[0], range[1]);
  };
  const asDrafted = draft !== undefined && section.text === draft;
  const lines = section.text.split('\n').length + Math.ceil(section.text.length / 48);
  return (
    <article className={`narrative-section${pointedAt ? ' is-highlighted' : ''}`} aria-label={section.heading || `第 ${index + 1} 节`}>
      <div className="narrative-head">
        <NameField label="标题" path={`narrative[${index}].heading`} value={section.heading} wide onChange={(heading) => onChange({ ...section, heading })} />
        <RemoveButton what={`「${section.heading || `第 ${index + 1} 节`}」`} onRemove={onRemove} />
      </div>
      <div className="narrative-body">
        <div className="field">
          <label htmlFor={id}>正文</label>
          <textarea id={id} ref={area} className="narrative-text" value={section.text} readOnly={readOnly} data-path={`narrative[${index}].text`}
            rows={Math.min(24, Math.max(4, lines))} aria-describedby={findings.length > 0 ? `${id}-findings` : undefined}
            onChange={(e) => onChange({ ...section, text: e.target.value })} />
          {asDrafted ? <p className="field-hint">本节为按数据生成的草稿：表中数字变动时随之更新；改过的句子不再自动更新。</p> : null}
          {draft !== undefined && !asDrafted && !readOnly ? (
            confirming ? (
              <p className="narrative-confirm" role="group" aria-label="确认用草稿替换">
                用按数据生成的草稿替换本节全文？
                <button type="button" onClick={() => { onChange({ ...section, text: draft }); setConfirming(false); }}>替换</button>
                <button type="button" onClick={() => setConfirming(false)}>取消</button>
              </p>
            ) : (
              <button type="button" className="narrative-redraft" onClick={() => setConfirming(true)}>用生成的草稿替换本节</button>
            )
          ) : null}
        </div>
        <div className="narrative-findings" id={`${id}-findings`} aria-live="polite">
          {findings.length === 0 ? (
            <p className="narrative-clean">说明核对：本节未发现问题</p>
          ) : (
            <ul>
              {findings.map((finding, i) => (
                <li key={`${finding.rule}-${finding.location?.offset ?? i}-${i}`} className={`narrative-finding is-${finding.severity}`}>
                  <span className="finding-severity">{SEVERITY_WORDS[finding.severity]}</span> {finding.message}
                  {finding.location ? (
                    <button type="button" className="finding-select" onClick={() => select(finding)}>选中此句</button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}
