// What the review page needs of one final accounts, for a reviewer or admin of its district: the
// latest submission (its revision's document; the live one only if none was recorded), the check
// engine's findings on it with the explanations submitted with it, last year's approved document,
// every comment, what changed since the submission before, and the audit history. Server-only.
import { checkFinalAccounts, type Finding } from '../accounts/check';
import { explanationKey, findingAnchor, type Explanation } from '../accounts/explanations';
import type { TFinalAccounts } from '../accounts/schema';
import { runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import type { AccountsStatus } from '../generated/prisma/enums';
import { parseStoredDocument } from './accounts-store';
import { authenticate, loadScoped, loadScopedHeader, parseInput, ZFinalAccountsId } from './action-steps';
import type { Actor } from './actor';
import { listComments, type ReviewCommentView } from './comments';
import { approvedDocument } from './entry-years';
import { documentChanges, type DocumentChanges } from './review-changes';
import { authorizeReviewerOrAdmin } from './review-steps';

export interface ReviewFinding extends Finding {
  /** The finding's anchor in the reviewed document, and its explanation as submitted (warnings). */
  anchor: string;
  explanation: string | null;
}

export interface HistoryEvent {
  id: string;
  /** ISO 8601 */
  at: string;
  actorLabel: string;
  /** "finalAccounts.submit", "figure.update", "comment.create", … */
  action: string;
  /** As the audit row keeps them, except a save's sections: only their names ("sections": ["narrative"]). */
  before: unknown;
  after: unknown;
}

export interface ReviewData {
  accounts: {
    id: string;
    departmentId: string;
    fiscalYear: number;
    /** The accounts as they are now: the expectedVersion of the next action. */
    status: AccountsStatus;
    version: number;
    /** The version of the submission shown (null: never submitted through the app, the live document is shown). */
    submittedVersion: number | null;
    document: TFinalAccounts;
  };
  departmentName: string;
  findings: ReviewFinding[];
  explanations: Explanation[];
  previousYear?: TFinalAccounts;
  /** All versions, oldest first. */
  comments: ReviewCommentView[];
  /** Against the submission before this one (comparedWithVersion); empty on a first submission. */
  changedSinceLastReview: DocumentChanges & { comparedWithVersion: number | null };
  history: HistoryEvent[];
}

const isExplanation = (item: unknown): item is Explanation =>
  typeof item === 'object' && item !== null && ['rule', 'anchor', 'text'].every((key) => typeof (item as Record<string, unknown>)[key] === 'string');

/** The explanations a submission's audit row recorded (its warnings' explanations as then written). */
function submittedExplanations(after: unknown): Explanation[] | undefined {
  const list = (after as { explanations?: unknown } | null)?.explanations;
  return Array.isArray(list) ? list.filter(isExplanation) : undefined;
}

/**
 * An audit row's before or after for the history: a save's whole sections (the narrative, every
 * project…, tens of KB each) as the names of the sections it changed; everything else as kept.
 */
function compact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('sections' in value)) return value;
  const { sections, ...rest } = value;
  return { ...rest, sections: typeof sections === 'object' && sections !== null ? Object.keys(sections) : sections };
}

export async function readReview(actor: Actor | null, finalAccountsId: unknown, db: Db = getPrisma()): Promise<ActionResult<ReviewData>> {
  return runAction('readReview', async () => {
    const user = authenticate(actor);
    const id = parseInput(ZFinalAccountsId, finalAccountsId);
    authorizeReviewerOrAdmin(user);
    const live = await loadScopedHeader(db, user, id);
    const [submissions, department, submitEvent, liveExplanations, comments, events] = await Promise.all([
      db.finalAccountsRevision.findMany({ where: { finalAccountsId: id, status: 'SUBMITTED' }, orderBy: { version: 'desc' }, take: 2, select: { version: true, document: true } }),
      db.department.findUniqueOrThrow({ where: { id: live.departmentId }, select: { name: true } }),
      db.auditEvent.findFirst({ where: { finalAccountsId: id, action: 'finalAccounts.submit' }, orderBy: { id: 'desc' }, select: { after: true } }),
      db.checkExplanation.findMany({ where: { finalAccountsId: id }, select: { rule: true, anchor: true, text: true }, orderBy: [{ rule: 'asc' }, { anchor: 'asc' }] }),
      listComments(db, id),
      db.auditEvent.findMany({ where: { finalAccountsId: id }, orderBy: { id: 'asc' }, select: { id: true, at: true, actorLabel: true, action: true, before: true, after: true } }),
    ]);
    const [current, earlier] = submissions;
    const document = current ? parseStoredDocument(current.document) : (await loadScoped(db, user, id, { validate: true })).document;
    const previousYear = await approvedDocument(db, live.departmentId, document.fiscalYear - 1);
    const explanations = (current && submittedExplanations(submitEvent?.after)) ?? liveExplanations;
    const texts = new Map(explanations.map((e) => [explanationKey(e.rule, e.anchor), e.text]));
    const findings = checkFinalAccounts(document, previousYear ? { previousYear } : undefined).map((finding) => {
      const anchor = findingAnchor(finding, document);
      return { ...finding, anchor, explanation: texts.get(explanationKey(finding.rule, anchor)) ?? null };
    });
    const changes = earlier ? documentChanges(parseStoredDocument(earlier.document), document) : { cells: [], paths: [] };
    return {
      accounts: {
        id, departmentId: live.departmentId, fiscalYear: document.fiscalYear, status: live.status, version: live.version,
        submittedVersion: current?.version ?? null, document,
      },
      departmentName: department.name, findings, explanations, ...(previousYear ? { previousYear } : {}), comments,
      changedSinceLastReview: { ...changes, comparedWithVersion: earlier?.version ?? null },
      history: events.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), actorLabel: e.actorLabel, action: e.action, before: compact(e.before), after: compact(e.after) })),
    };
  });
}
