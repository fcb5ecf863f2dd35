'use client';
// The reviewer's decisions on the accounts as they stand: 退回 (only with at least one comment on
// this submission), 审核通过, then 公开 once approved. Each asks once more before it acts, since
// each changes who holds the accounts; the workflow decides which are offered. 更正 reopens
// published accounts as a draft and needs its reason, which the public side will show.
import { useId, useState } from 'react';
import { ACTION_LABELS, availableActions, type Action, type Role, type Status } from '@/lib/accounts/workflow';

const CONFIRM: Partial<Record<Action, string>> = {
  return: '退回后由部门修改并重新上报，确定退回吗？',
  approve: '审核通过后须在 20 日内公开，确定审核通过吗？',
  publish: '公开后任何人都可查看，且不能撤回，确定公开吗？',
  correct: '更正将退回部门重新填报，公开的版本保留至更正后再次公开。请写明更正原因：',
};

interface Props {
  status: Status;
  role: Role;
  /** Comments written on this submission: 退回 needs one. */
  commentsThisRound: number;
  /** Acts; `reason` is 更正's. Resolves to an error message, or undefined once done. */
  onAct: (action: Action, reason?: string) => Promise<string | undefined>;
}

export function ReviewActions({ status, role, commentsThisRound, onAct }: Props) {
  const [confirming, setConfirming] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const actions = availableActions(status, role).filter((action) => action in CONFIRM);
  if (actions.length === 0) return null;

  const act = async (action: Action) => {
    setBusy(true);
    setError(undefined);
    const problem = await onAct(action, action === 'correct' ? reason.trim() : undefined);
    setBusy(false);
    setConfirming(undefined);
    if (problem) setError(problem);
  };

  return (
    <div className="review-actions">
      {confirming ? (
        <div className="confirm" role="group" aria-label={`确认${ACTION_LABELS[confirming]}`}>
          <span>{CONFIRM[confirming]}</span>
          {confirming === 'correct' && (
            <textarea id={reasonId} aria-label="更正原因" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
          <button type="button" className="primary-button" disabled={busy || (confirming === 'correct' && reason.trim() === '')} onClick={() => void act(confirming)}>
            {busy ? '正在处理…' : `确认${ACTION_LABELS[confirming]}`}
          </button>
          <button type="button" className="link-button" disabled={busy} onClick={() => setConfirming(undefined)}>取消</button>
        </div>
      ) : (
        <div className="review-buttons">
          {actions.map((action) => {
            const needsComment = action === 'return' && commentsThisRound === 0;
            return (
              <button key={action} type="button" className={action === 'return' ? 'secondary-button' : 'primary-button'}
                disabled={needsComment} aria-describedby={needsComment ? 'return-needs-comment' : undefined} onClick={() => setConfirming(action)}>
                {ACTION_LABELS[action]}
              </button>
            );
          })}
        </div>
      )}
      {actions.includes('return') && commentsThisRound === 0 && (
        <p id="return-needs-comment" className="hint">退回前须至少提出一条审核意见。</p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
