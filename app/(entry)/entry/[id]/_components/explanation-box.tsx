'use client';
// The explanation (出错说明) under one warning: what is saved, and a box to write or change it.
import { useId, useState } from 'react';

interface Props {
  saved: string;
  readOnly: boolean;
  /** Resolves to an error message, or undefined once saved. */
  onSave: (text: string) => Promise<string | undefined>;
}

export function ExplanationBox({ saved, readOnly, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = useId();

  if (readOnly || (!editing && saved.trim() !== '')) {
    return (
      <div className="explanation saved">
        <p>
          <span className="explanation-label">出错说明：</span>
          {saved.trim() === '' ? <span className="missing">未填写</span> : saved}
        </p>
        {!readOnly && (
          <button type="button" className="link-button" onClick={() => { setText(saved); setEditing(true); }}>
            修改说明
          </button>
        )}
      </div>
    );
  }

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const problem = await onSave(text.trim());
    setBusy(false);
    if (problem) setError(problem);
    else setEditing(false);
  };

  return (
    <div className="explanation">
      <label htmlFor={id}>出错说明</label>
      <textarea id={id} rows={2} value={text} placeholder="说明该差异的原因，如：舍位误差、口径调整等" onChange={(event) => setText(event.target.value)} />
      <div className="explanation-actions">
        {/* Emptied while editing a saved explanation: saving removes it. */}
        <button type="button" className="secondary-button" disabled={busy || (text.trim() === '' && !editing)} onClick={() => void save()}>
          {busy ? '正在保存…' : editing && text.trim() === '' ? '删除说明' : '保存说明'}
        </button>
        {editing && (
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            取消
          </button>
        )}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
