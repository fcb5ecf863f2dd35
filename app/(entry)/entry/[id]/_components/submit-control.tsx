'use client';
// 上报: enabled only when everything is saved, no entry is refused, the check is current, no
// blocking finding remains and every warning is explained; otherwise the reasons are shown.
// A second click confirms, since submitted accounts can no longer be changed here.
import { useState } from 'react';

interface Props {
  /** Why 上报 is not possible now; empty when it is. */
  reasons: readonly string[];
  onSubmit: () => Promise<string | undefined>;
}

export function SubmitControl({ reasons, onSubmit }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const blocked = reasons.length > 0;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const problem = await onSubmit();
    setBusy(false);
    setConfirming(false);
    if (problem) setError(problem);
  };

  return (
    <div className="submit-control">
      {confirming && !blocked ? (
        <div className="confirm" role="group" aria-label="确认上报">
          <span>上报后将不能再修改，确定上报吗？</span>
          <button type="button" className="primary-button" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在上报…' : '确认上报'}
          </button>
          <button type="button" className="link-button" disabled={busy} onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button type="button" className="primary-button" disabled={blocked} aria-describedby={blocked ? 'submit-reasons' : undefined} onClick={() => setConfirming(true)}>
          上报
        </button>
      )}
      {blocked && (
        <ul id="submit-reasons" className="submit-reasons" aria-label="暂不能上报的原因">
          {reasons.map((reason) => <li key={reason}>{reason}</li>)}
        </ul>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
