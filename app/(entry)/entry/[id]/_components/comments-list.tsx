'use client';
// The finance bureau's comments (审核意见) as the accountant sees them above her tables: the
// latest round first (what a return asks her to fix), each with a link to its place; earlier
// rounds folded under it.
import { CommentItem } from '@/app/(review)/review/[id]/_components/comment-item';
import { anchorLabel } from '@/app/(review)/review/_lib/anchors';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';
import type { ReviewCommentView } from '@/lib/data/comments';

interface Props {
  comments: readonly ReviewCommentView[];
  template: Template;
  doc: TFinalAccounts;
  onShow: (anchor: string) => void;
}

export function CommentsList({ comments, template, doc, onShow }: Props) {
  if (comments.length === 0) return null;
  const latest = Math.max(...comments.map((c) => c.version));
  const current = comments.filter((c) => c.version === latest);
  const earlier = comments.filter((c) => c.version !== latest).reverse();
  const label = (anchor: string) => anchorLabel(anchor, template, doc);
  return (
    <section className="comment-panel entry-comments" aria-labelledby="entry-comments-title">
      <h2 id="entry-comments-title">区财政局审核意见（{current.length} 条）</h2>
      <ol className="comments">
        {current.map((comment) => <CommentItem key={comment.id} comment={comment} label={label(comment.anchor)} onShow={onShow} />)}
      </ol>
      {earlier.length > 0 && (
        <details>
          <summary>以前的意见（{earlier.length} 条）</summary>
          <ol className="comments earlier">
            {earlier.map((comment) => <CommentItem key={comment.id} comment={comment} label={label(comment.anchor)} onShow={onShow} />)}
          </ol>
        </details>
      )}
    </section>
  );
}
