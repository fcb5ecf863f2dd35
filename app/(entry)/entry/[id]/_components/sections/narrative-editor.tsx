'use client';
// 情况说明: the narrative sections, drafted from the figures (the entry state keeps generated sentences in step
// with the figures until she edits them), each with the narrative checker's findings beside it; and, where the
// template has it, 重点工作完成情况.
import { useDeferredValue, useMemo } from 'react';
import { CellGrid } from '@/lib/accounts/cells';
import type { Finding } from '@/lib/accounts/findings';
import { checkNarrative } from '@/lib/accounts/narrative-check';
import { fillNarrative } from '@/lib/accounts/narrative-refresh';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';
import { EditorFrame, useEditor } from './editor-context';
import { KeyWorkEditor } from './key-work-editor';
import { AddButton } from './list-controls';
import { NarrativeSectionEditor } from './narrative-section-editor';
import type { SectionEditorProps } from './types';
import { removeAt, replaceAt } from './update';
import { useNarrativeDrafts } from './use-narrative-drafts';

/** The checker's findings by section index, on a deferred copy of the document so typing stays quick. */
function useNarrativeFindings(doc: TFinalAccounts, template: Template): ReadonlyMap<number, Finding[]> {
  const deferred = useDeferredValue(doc);
  return useMemo(() => {
    const bySection = new Map<number, Finding[]>();
    for (const finding of checkNarrative(deferred, template, CellGrid.of(deferred))) {
      const section = finding.location?.section;
      if (section === undefined) continue;
      bySection.set(section, [...(bySection.get(section) ?? []), finding]);
    }
    return bySection;
  }, [deferred, template]);
}

export function NarrativeEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  const drafts = useNarrativeDrafts(doc, template);
  const findings = useNarrativeFindings(doc, template);
  const narrative = doc.narrative;
  const draftText = (heading: string) => (drafts.ok ? drafts.sections.find((d) => d.heading.trim() === heading.trim())?.text : undefined);
  const setNarrative = (next: TFinalAccounts['narrative']) => onChange({ narrative: next });
  return (
    <EditorFrame title="情况说明" readOnly={readOnly} highlighted={highlighted}>
      <DraftBar drafts={drafts.ok ? drafts.sections : undefined} failure={drafts.ok ? undefined : drafts.message}
        empty={narrative.length === 0} onFill={() => drafts.ok && setNarrative(fillNarrative(narrative, drafts.sections))} />
      {narrative.map((section, i) => (
        <NarrativeSectionEditor key={i} section={section} index={i} draft={draftText(section.heading)} findings={findings.get(i) ?? []}
          onChange={(next) => setNarrative(replaceAt(narrative, i, next))} onRemove={() => setNarrative(removeAt(narrative, i))} />
      ))}
      <AddButton label="添加一节" onAdd={() => setNarrative([...narrative, { heading: '', text: '' }])} />
      {template.sections.keyWork ? (
        <KeyWorkEditor fiscalYear={doc.fiscalYear} keyWork={doc.keyWork ?? []} onChange={(keyWork) => onChange({ keyWork })} />
      ) : null}
    </EditorFrame>
  );
}

function DraftBar({ drafts, failure, empty, onFill }: { drafts?: readonly unknown[]; failure?: string; empty: boolean; onFill: () => void }) {
  const { readOnly } = useEditor();
  return (
    <div className="narrative-bar">
      <p className="section-note">
        草稿按表中数字生成（占比、同比增减、预算完成率）。未改动的句子随数字自动更新；改过的句子保持原样，由说明核对检查其中的数字。
      </p>
      {failure ? <p className="field-error">暂时无法生成草稿：{failure}</p> : null}
      {drafts && !readOnly ? (
        <button type="button" className={empty ? 'primary' : undefined} onClick={onFill}>
          {empty ? '按数据生成草稿' : '补全草稿（只填空白的节和缺少的节）'}
        </button>
      ) : null}
    </div>
  );
}
