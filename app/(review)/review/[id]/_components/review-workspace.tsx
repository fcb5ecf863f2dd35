'use client';
// The review page: the submission read-only in its published layout (click a figure to comment
// on it), 情况说明 and the comparisons with the budget and the previous year; beside it the
// comments, the changes since the last review and the check engine's findings with the
// department's explanations. The decisions sit in the header; after one the page reads afresh.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type MouseEvent } from 'react';
import { addCommentAction, approveAccountsAction, publishAccountsAction, returnAccountsAction, startCorrectionAction } from '@/app/(review)/review/actions';
import { CheckPanel } from '@/app/(entry)/entry/[id]/_components/check-panel';
import { currentYearCells } from '@/app/(entry)/entry/[id]/_lib/finding-groups';
import { AccountsTables } from '@/components/accounts/accounts-tables';
import { explanationKey, findingAnchor, type Explanation } from '@/lib/accounts/explanations';
import type { Finding } from '@/lib/accounts/findings';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor } from '@/lib/accounts/templates';
import { STATUS_LABELS, type Action, type Role, type Status } from '@/lib/accounts/workflow';
import type { ReviewCommentView } from '@/lib/data/comments';
import { anchorTable, isAnsweredBy, parseAnchor, tableName } from '../../_lib/anchors';
import { budgetComparison, priorYearComparison } from '../../_lib/comparisons';
import { CommentPanel } from './comment-panel';
import { ComparisonsView } from './comparisons-view';
import { NarrativeView, narrativeElementId } from './narrative-view';
import { ReviewActions } from './review-actions';

export interface ReviewWorkspaceProps {
  finalAccountsId: string;
  departmentName: string;
  document: TFinalAccounts;
  status: Status;
  version: number;
  role: Role;
  /** The version of the submission under review, which new comments attach to. */
  submissionVersion: number;
  findings: Finding[];
  explanations: Explanation[];
  previousYear: TFinalAccounts | undefined;
  comments: ReviewCommentView[];
  changed: string[];
}

const TRANSITIONS: Partial<Record<Action, typeof approveAccountsAction>> = {
  return: returnAccountsAction,
  approve: approveAccountsAction,
  publish: publishAccountsAction,
};

const CONNECTION_LOST = '未能连接服务器，请稍后再试';

export function ReviewWorkspace(props: ReviewWorkspaceProps) {
  const { document: doc, status, changed } = props;
  const router = useRouter();
  const template = templateFor(doc.template);
  const [comments, setComments] = useState(props.comments);
  const [selected, setSelected] = useState<string>();
  const [shown, setShown] = useState<string>();
  const canComment = props.role === 'reviewer' && (status === 'submitted' || status === 'approved');
  const changedSet = useMemo(() => new Set(changed), [changed]);
  const commented = useMemo(() => new Set(comments.map((c) => c.anchor)), [comments]);
  const explanations = useMemo(() => new Map(props.explanations.map((e) => [explanationKey(e.rule, e.anchor), e.text])), [props.explanations]);
  const budget = useMemo(() => budgetComparison(doc), [doc]);
  const priorYear = useMemo(() => priorYearComparison(doc, props.previousYear), [doc, props.previousYear]);

  const markOf = (anchor: string): string | undefined => [
    changedSet.has(anchor) || changed.some((c) => isAnsweredBy(anchor, c)) ? 'changed' : '',
    commented.has(anchor) ? 'commented' : '',
    anchor === selected ? 'selected' : '',
    anchor === shown ? 'shown' : '',
  ].filter(Boolean).join(' ') || undefined;

  const show = (anchor: string) => {
    setShown(anchor);
    const parsed = parseAnchor(anchor);
    const element = parsed.kind === 'cell' ? window.document.querySelector(`[data-cell="${anchor}"]`)
      : parsed.kind === 'narrative' ? window.document.getElementById(narrativeElementId(parsed.index))
        : window.document.getElementById(anchorTable(anchor) ?? parsed.kind);
    element?.scrollIntoView({ block: 'center' });
  };

  // A click on a figure of the tables picks that cell; on a table's title, the whole table.
  const pick = (event: MouseEvent<HTMLDivElement>) => {
    if (!canComment) return;
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-cell]')?.dataset.cell;
    if (cell) return setSelected(cell);
    const table = target.closest('.table-head') && target.closest('section.accounts-table')?.id;
    if (table) setSelected(`table:${table}`);
  };

  const addComment = async (anchor: string, body: string): Promise<string | undefined> => {
    try {
      const result = await addCommentAction({ finalAccountsId: props.finalAccountsId, anchor, body });
      if (!result.ok) return result.message;
      setComments((list) => [...list, result.data]);
      return undefined;
    } catch {
      return CONNECTION_LOST;
    }
  };

  const act = async (action: Action, reason?: string): Promise<string | undefined> => {
    try {
      const input = { finalAccountsId: props.finalAccountsId, expectedVersion: props.version };
      const transition = TRANSITIONS[action];
      const result = action === 'correct' ? await startCorrectionAction({ ...input, reason }) : transition ? await transition(input) : undefined;
      if (!result) return undefined;
      if (!result.ok) return result.message;
      router.refresh();
      return undefined;
    } catch {
      return CONNECTION_LOST;
    }
  };

  const thisRound = comments.filter((c) => c.version === props.submissionVersion).length;

  return (
    <div className="review-page">
      <header className="entry-header">
        <div className="entry-title">
          <p className="back-link"><Link href={`/review?year=${doc.fiscalYear}`}>← 决算审核</Link></p>
          <h1>{props.departmentName} {doc.fiscalYear} 年度部门决算</h1>
          <p className="entry-meta">
            <span>报表格式：{template.name}</span>
            <span>状态：<strong className="status-label">{STATUS_LABELS[status]}</strong></span>
            <span>版本 {props.version}</span>
            <Link href={`/review/${props.finalAccountsId}/history`}>历史记录</Link>
          </p>
        </div>
        <ReviewActions status={status} role={props.role} commentsThisRound={thisRound} onAct={act} />
      </header>
      {changed.length > 0 && (
        <p className="read-only-note" role="note">重新上报的决算：自上次审核以来修改的 {changed.length} 处已标出（黄色），并在相关意见旁注明“已修改”。</p>
      )}
      <div className="entry-body review-body">
        <div className="review-main">
          <nav className="table-nav" aria-label="决算表目录">
            <ol>
              {template.order.map((kind) => <li key={kind}><a href={`#${kind}`}>{tableName(template, kind)}</a></li>)}
              <li><a href="#narrative">情况说明</a></li>
              <li><a href="#comparisons">与预算、上年比较</a></li>
            </ol>
          </nav>
          <div className={canComment ? 'review-tables can-pick' : 'review-tables'} onClick={pick}>
            <AccountsTables document={doc} markCell={markOf} />
          </div>
          <NarrativeView narrative={doc.narrative} markOf={markOf} canComment={canComment} onSelect={setSelected} />
          <ComparisonsView budget={budget} priorYear={priorYear} hasPreviousYear={props.previousYear !== undefined} onShow={show} />
        </div>
        <div className="review-side">
          <CommentPanel template={template} doc={doc} comments={comments} version={props.submissionVersion} changed={changed}
            selected={selected} onSelect={setSelected} canComment={canComment} onAdd={addComment} onShow={show} />
          <CheckPanel
            template={template}
            findings={props.findings}
            checking={false}
            explanations={explanations}
            anchorOf={(finding) => findingAnchor(finding, doc)}
            readOnly
            onShow={(finding) => { const cell = currentYearCells(finding)[0]; if (cell) show(cell); }}
            onSaveExplanation={() => Promise.resolve('审核人员不能修改出错说明')}
          />
        </div>
      </div>
    </div>
  );
}
