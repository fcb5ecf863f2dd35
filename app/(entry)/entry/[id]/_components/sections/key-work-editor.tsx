'use client';
// 重点工作完成情况 (第四部分 of the Hubei layout): each work item, what was done and what came of it.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { NameField, TextAreaField } from './fields';
import { AddButton, RemoveButton } from './list-controls';
import { removeAt, replaceAt } from './update';

type KeyWork = NonNullable<TFinalAccounts['keyWork']>;

export function KeyWorkEditor({ fiscalYear, keyWork, onChange }: { fiscalYear: number; keyWork: KeyWork; onChange: (keyWork: KeyWork) => void }) {
  return (
    <section className="section-group" aria-labelledby="key-work-title">
      <h3 id="key-work-title">{fiscalYear} 年重点工作完成情况</h3>
      <ol className="item-list">
        {keyWork.map((work, i) => {
          const set = (next: Partial<KeyWork[number]>) => onChange(replaceAt(keyWork, i, { ...work, ...next }));
          return (
            <li key={i} className="key-work">
              <div className="field-grid">
                <NameField label="重点工作" path={`keyWork[${i}].item`} value={work.item} wide onChange={(item) => set({ item })} />
                <TextAreaField label="工作内容" path={`keyWork[${i}].content`} value={work.content} onChange={(content) => set({ content })} />
                <TextAreaField label="完成情况" path={`keyWork[${i}].outcome`} value={work.outcome} onChange={(outcome) => set({ outcome })} />
              </div>
              <RemoveButton what={`重点工作「${work.item || i + 1}」`} onRemove={() => onChange(removeAt(keyWork, i))} />
            </li>
          );
        })}
      </ol>
      <AddButton label="添加重点工作" onAdd={() => onChange([...keyWork, { item: '', content: '', outcome: '' }])} />
    </section>
  );
}
