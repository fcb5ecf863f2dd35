'use client';
// 审核意见: the form for a comment on what the reviewer picked (a cell clicked in the tables, a
// whole table, a paragraph of 情况说明), and every comment so far, this submission's first. An
// earlier comment whose place has changed since is marked 已修改 beside the change it got.
import { useId, useState } from 'react';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';
import type { ReviewCommentView } from '@/lib/data/comments';
import { anchorLabel, isAnsweredBy, narrativeAnchor, tableAnchor, tableName } from '../../_lib/anchors';
import { CommentItem } from './comment-item';

interface Props {
  template: Template;
  doc: TFinalAccounts;
  comments: readonly ReviewCommentView[];
  /** The version of the submission under review: comments on it are this round's. */
  version: number;
  /** Cell keys and section paths changed since the last review (empty on a first submission). */
  changed: readonly string[];
  selected: string | undefined;
  onSelect: (anchor: string | undefined) => void;
  canComment: boolean;
  onAdd: (anchor: string, body: string) => Promise<string | undefined>;
  onShow: (anchor: string) => void;
}

export function CommentPanel({ template, doc, comments, version, changed, selected, onSelect, canComment, onAdd, onShow }: Props) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const placeId = useId();
  const bodyId = useId();
  const label = (anchor: string) => anchorLabel(anchor, template, doc);
  const current = comments.filter((c) => c.version === version);
  const earlier = comments.filter((c) => c.version !== version).reverse();
  // The places the form offers besides a clicked cell: each table, each paragraph.
  const places = [
    ...template.order.map((kind) => ({ anchor: tableAnchor(kind), text: `${tableName(template, kind)}（整表）` })),
    ...doc.narrative.map((section, index) => ({ anchor: narrativeAnchor(index), text: `情况说明「${section.heading}」` })),
  ];
  const offered = selected && !places.some((p) => p.anchor === selected) ? [{ anchor: selected, text: label(selected) }, ...places] : places;

  const submit = async () => {
    if (!selected) return;
    setBusy(true);
    setError(undefined);
    const problem = await onAdd(selected, body.trim());
    setBusy(false);
    if (problem) setError(problem);
    else setBody('');
  };

  return (
    <section className="comment-panel" aria-labelledby="comment-panel-title">
      <h2 id="comment-panel-title">审核意见</h2>
      {canComment && (
        <form className="comment-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <p className="hint">点击表中的数字、或在下面选择整表或情况说明的段落，再填写意见。</p>
          <label htmlFor={placeId}>意见位置</label>
          <select id={placeId} value={selected ?? ''} onChange={(event) => onSelect(event.target.value || undefined)}>
            <option value="">（请选择）</option>
            {offered.map((place) => <option key={place.anchor} value={place.anchor}>{place.text}</option>)}
          </select>
          <label htmlFor={bodyId}>意见</label>
          <textarea id={bodyId} rows={3} value={body} readOnly={busy} placeholder="如：该数与预算批复不符，请核对" onChange={(event) => setBody(event.target.value)} />
          <button type="submit" className="secondary-button" disabled={busy || !selected || body.trim() === ''}>
            {busy ? '正在提交…' : '提出意见'}
          </button>
          {error && <p className="field-error" role="alert">{error}</p>}
        </form>
      )}
      {changed.length > 0 && (
        <section className="changed-list" aria-labelledby="changed-title">
          <h3 id="changed-title">自上次审核以来的修改（{changed.length} 处）</h3>
          <ul>
            {changed.map((anchor) => (
              <li key={anchor}>
                <button type="button" className="link-button" onClick={() => onShow(anchor)}>{label(anchor)}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>本次上报的意见（{current.length} 条）</h3>
      {current.length === 0 ? <p className="empty-note">尚无意见。</p> : (
        <ol className="comments">
          {current.map((comment) => <CommentItem key={comment.id} comment={comment} label={label(comment.anchor)} onShow={onShow} />)}
        </ol>
      )}
      {earlier.length > 0 && (
        <>
          <h3>以前的意见（{earlier.length} 条）</h3>
          <ol className="comments earlier">
            {earlier.map((comment) => (
              <CommentItem key={comment.id} comment={comment} label={label(comment.anchor)} onShow={onShow}
                answered={changed.some((anchor) => isAnsweredBy(comment.anchor, anchor))} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
