// One review comment: where it points (a link that shows the place), what it says, who wrote it
// on which version, and — for an earlier round — whether its place has changed since.
import type { ReviewCommentView } from '@/lib/data/comments';
import { dateText } from '../../_lib/dashboard';
import './comments.css';

interface Props {
  comment: ReviewCommentView;
  label: string;
  onShow: (anchor: string) => void;
  /** Earlier rounds only: true when the place was changed in the resubmission, false when not. */
  answered?: boolean | undefined;
}

export function CommentItem({ comment, label, onShow, answered }: Props) {
  return (
    <li className={answered ? 'comment answered' : 'comment'}>
      <p className="comment-place">
        <button type="button" className="link-button" onClick={() => onShow(comment.anchor)}>{label}</button>
        {answered !== undefined && (
          <span className={answered ? 'answer-badge changed' : 'answer-badge'}>{answered ? '已修改' : '未修改'}</span>
        )}
      </p>
      <p className="comment-body">{comment.body}</p>
      <p className="comment-meta">{comment.authorName} · {dateText(comment.createdAt)} · 第 {comment.version} 版</p>
    </li>
  );
}
