// Reviewers' comments (审核意见) on a submission: each anchored to what it is about — a cell
// ("expenditure:201:basic"), a table ("table:expenditure"), a narrative paragraph ("narrative[2]")
// or a document path ("performance.projects[3]") — and attached to the version of the submission
// it was written on, so a resubmission can be read against the comments it answers. Adding one is
// not a change to the accounts: their version stays. Server-only.
import { z } from 'zod';
import { TABLE_KINDS } from '../accounts/templates';
import { ActionError, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { recordAuditEvent, type Tx } from './accounts-store';
import { authenticate, inWriteTransaction, loadScopedHeader, parseInput, ZFinalAccountsId } from './action-steps';
import type { Actor } from './actor';
import { lockForReview, submissionVersion } from './review-steps';

export const MAX_COMMENT = 2_000;
const MAX_ANCHOR = 300;

const CELL = new RegExp(`^(${TABLE_KINDS.join('|')}):[^:\\s]+:[^:\\s]+$`);
const TABLE = new RegExp(`^table:(${TABLE_KINDS.join('|')})$`);
const PATH = /^[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*$/;

/** Where a comment points: a cell key, "table:<kind>", "narrative[n]" or a document path. */
export const ZCommentAnchor = z.string().max(MAX_ANCHOR, '位置过长')
  .refine((anchor) => CELL.test(anchor) || TABLE.test(anchor) || PATH.test(anchor), '意见的位置无效：应为单元格、表或段落');

export const ZAddComment = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  anchor: ZCommentAnchor,
  body: z.string().trim().min(1, '请填写审核意见').max(MAX_COMMENT, `审核意见最多 ${MAX_COMMENT} 字`),
});

export interface ReviewCommentView {
  id: string;
  /** The version of the submission the comment was written on. */
  version: number;
  anchor: string;
  body: string;
  authorId: string;
  authorName: string;
  /** ISO 8601 */
  createdAt: string;
}

/** Comments may be written while the finance bureau holds the accounts: submitted, or approved before a return. */
const COMMENTABLE = new Set(['SUBMITTED', 'APPROVED']);

function checkCommentable(status: string): void {
  if (!COMMENTABLE.has(status)) throw new ActionError('conflict', '只能对已上报或审核通过的决算提出审核意见');
}

/** Every comment on the accounts, all versions, oldest first. */
export async function listComments(db: Db | Tx, finalAccountsId: string): Promise<ReviewCommentView[]> {
  const rows = await db.reviewComment.findMany({
    where: { finalAccountsId },
    select: { id: true, version: true, anchor: true, body: true, authorId: true, createdAt: true, author: { select: { displayName: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ author, createdAt, ...row }) => ({ ...row, authorName: author.displayName, createdAt: createdAt.toISOString() }));
}

export async function addComment(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<ReviewCommentView>> {
  return runAction('addComment', async () => {
    const user = authenticate(actor);
    const { finalAccountsId, anchor, body } = parseInput(ZAddComment, input);
    if (user.role !== 'REVIEWER') throw new ActionError('forbidden', '只有财政局审核人员可以提出审核意见');
    checkCommentable((await loadScopedHeader(db, user, finalAccountsId)).status);
    return inWriteTransaction(db, async (tx) => {
      const locked = await lockForReview(tx, finalAccountsId);
      checkCommentable(locked.status);
      const version = await submissionVersion(tx, finalAccountsId, locked.version);
      const comment = await tx.reviewComment.create({
        data: { finalAccountsId, version, anchor, body, authorId: user.id },
        select: { id: true, createdAt: true },
      });
      await recordAuditEvent(tx, {
        actorId: user.id, actorLabel: user.email, action: 'comment.create', entity: 'ReviewComment', entityId: comment.id, finalAccountsId,
        after: { version, anchor, body },
      });
      return { id: comment.id, version, anchor, body, authorId: user.id, authorName: user.displayName, createdAt: comment.createdAt.toISOString() };
    });
  });
}
