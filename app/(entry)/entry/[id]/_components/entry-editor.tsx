'use client';
// The entry page of one final accounts: the header with 保存 and 上报, the tabs (概况, the tables
// in printed order, the other sections), the grid or section editor of the chosen tab, and the
// check panel. The page holds the document; edits recompute derived cells through the core and
// the check engine runs on what is on screen.
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { saveExplanationAction, submitAction } from '@/app/(entry)/entry/actions';
import { explanationKey, type Explanation } from '@/lib/accounts/explanations';
import type { Finding } from '@/lib/accounts/findings';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor, type TableKind } from '@/lib/accounts/templates';
import { STATUS_LABELS } from '@/lib/accounts/workflow';
import { addSubject, enterValues, isRemovable, removeSubject, initialState, typeIntoCell, unsavedCount, updateSections } from '../_lib/entry-state';
import { currentYearCells, findingTarget, highlightsOf, tableTabLabel } from '../_lib/finding-groups';
import { anchorTable, parseAnchor } from '@/app/(review)/review/_lib/anchors';
import type { ReviewCommentView } from '@/lib/data/comments';
import { AddSubject, type FunctionalSubjectOption } from './add-subject';
import { CheckPanel } from './check-panel';
import { CommentsList } from './comments-list';
import { EntryTabs, panelId, tabId, type EntryTab } from './entry-tabs';
import { SaveStatusText } from './save-status';
import { InvalidFieldsContext, SECTION_EDITORS } from './sections';
import { SubmitControl } from './submit-control';
import { TableGrid } from './table-grid';
import { useFindings } from './use-findings';
import { useSave } from './use-save';
import { WorkbookPanel } from './workbook-panel';

export interface EntryEditorProps {
  finalAccountsId: string;
  departmentName: string;
  document: TFinalAccounts;
  version: number;
  statusLabel: string;
  /** Editable by this user now (an accountant, accounts in draft or returned). */
  editable: boolean;
  /** Why the page is read-only, when it is. */
  readOnlyReason: string | undefined;
  explanations: Explanation[];
  previousYear: TFinalAccounts | undefined;
  functionalSubjects: FunctionalSubjectOption[];
  /** The finance bureau's comments, every round. */
  comments?: ReviewCommentView[] | undefined;
}

// Reveals are numbered across the page's life: a reveal is shown once, by the grid that holds its cell.
let revealCount = 0;
const nextRevealSeq = () => (revealCount += 1);

export function EntryEditor(props: EntryEditorProps) {
  const { finalAccountsId, previousYear } = props;
  const template = templateFor(props.document.template);
  const [state, setState] = useState(() => initialState(props.document));
  const [version, setVersion] = useState(props.version);
  const [statusLabel, setStatusLabel] = useState(props.statusLabel);
  const [editable, setEditable] = useState(props.editable);
  const [readOnlyReason, setReadOnlyReason] = useState(props.readOnlyReason);
  const [explanations, setExplanations] = useState(() => new Map(props.explanations.map((e) => [explanationKey(e.rule, e.anchor), e.text])));
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [reveal, setReveal] = useState<{ key: string; seq: number }>();
  // Section fields holding text that is not in the document (refused, or a new item not complete).
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<string>>(new Set());
  const reportInvalid = useCallback((path: string, invalid: boolean) => setInvalidFields((current) => {
    if (current.has(path) === invalid) return current;
    const next = new Set(current);
    if (invalid) next.add(path);
    else next.delete(path);
    return next;
  }), []);
  const { status: saveStatus, save } = useSave({ finalAccountsId, state, setState, version, setVersion, enabled: editable, invalidFields: invalidFields.size });
  const { findings, isCurrent, anchorOf } = useFindings(state.doc, previousYear);
  const readOnly = !editable;
  const doc = state.doc;

  const subjectNames = useMemo(() => new Map(props.functionalSubjects.map((s) => [s.code, s.name])), [props.functionalSubjects]);
  const subjectName = useCallback((code: string) => subjectNames.get(code), [subjectNames]);

  const overview = SECTION_EDITORS.filter((section) => section.key === 'overview');
  const otherSections = SECTION_EDITORS.filter((section) => section.key !== 'overview');
  const tabs: EntryTab[] = [
    ...overview.map(({ key, label }) => ({ key, label })),
    ...template.order.map((kind) => ({ key: kind, label: tableTabLabel(template, kind) })),
    ...otherSections.map(({ key, label }) => ({ key, label })),
  ].map((tab) => {
    const pointing = findings.filter((f) => findingTarget(f) === tab.key);
    return { ...tab, findings: pointing.length, blocking: pointing.filter((f) => f.severity === 'blocking').length };
  });
  const [tab, setTab] = useState(tabs[0]?.key ?? '');

  const showFinding = (finding: Finding) => {
    const cells = currentYearCells(finding);
    const target = findingTarget(finding);
    setHighlighted(new Set(highlightsOf(finding)));
    if (target && tabs.some((t) => t.key === target)) setTab(target);
    const first = cells.find((cell) => target !== undefined && cell.startsWith(`${target}:`));
    if (first) setReveal({ key: first, seq: nextRevealSeq() });
    else document.getElementById(panelId(target ?? tab))?.scrollIntoView({ block: 'start' });
  };

  // A comment's place: its table's tab and cell, or the section it is in.
  const showComment = (anchor: string) => {
    const target = anchorTable(anchor) ?? findingTarget({ cells: [anchor], rule: '' });
    if (target && tabs.some((t) => t.key === target)) setTab(target);
    if (parseAnchor(anchor).kind !== 'cell') return;
    setHighlighted(new Set([anchor]));
    setReveal({ key: anchor, seq: nextRevealSeq() });
  };

  const saveExplanation = async (finding: Finding, text: string): Promise<string | undefined> => {
    const anchor = anchorOf(finding);
    try {
      const result = await saveExplanationAction({ finalAccountsId, rule: finding.rule, anchor, text });
      if (!result.ok) return result.message;
      setExplanations((m) => new Map(m).set(explanationKey(finding.rule, anchor), result.data.explanation?.text ?? ''));
      return undefined;
    } catch {
      return '未能连接服务器，说明没有保存，请稍后再试';
    }
  };

  const submit = async (): Promise<string | undefined> => {
    try {
      const result = await submitAction({ finalAccountsId, expectedVersion: version });
      if (!result.ok) return [result.message, ...(result.fieldErrors ?? []).map((e) => e.message)].slice(0, 4).join('；');
      setVersion(result.data.version);
      setStatusLabel(STATUS_LABELS.submitted);
      setEditable(false);
      setReadOnlyReason('已上报，等待区财政局审核；如被退回，可再修改后重新上报。');
      return undefined;
    } catch {
      return '未能连接服务器，没有上报，请稍后再试';
    }
  };

  const unsaved = unsavedCount(state);
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  const unexplained = findings.filter((f) => f.severity === 'warning' && !explanations.get(explanationKey(f.rule, anchorOf(f)))?.trim()).length;
  const reasons = [
    unsaved > 0 ? `有 ${unsaved} 处修改尚未保存` : '',
    state.refused.size > 0 ? `有 ${state.refused.size} 个单元格输入有误` : '',
    invalidFields.size > 0 ? `有 ${invalidFields.size} 处填写有误或尚未填完` : '',
    !isCurrent ? '正在审核刚才的修改' : '',
    blocking > 0 ? `有 ${blocking} 个强制性审核问题须先改正` : '',
    unexplained > 0 ? `有 ${unexplained} 个提示性问题须填写出错说明` : '',
  ].filter(Boolean);

  const tableKind = template.order.find((kind) => kind === tab);
  const section = SECTION_EDITORS.find((s) => s.key === tab);
  const onChangeSections = useCallback((patch: Parameters<typeof updateSections>[1]) => setState((s) => updateSections(s, patch)), []);

  const grid = (kind: TableKind) => {
    const table = template.tables[kind];
    const listed = new Set(doc.tables[kind].rows.map((r) => r.row));
    const firstInput = table.columns.find((c) => !table.identities.some((i) => i.kind === 'columns' && i.target === c.key))?.key;
    return (
      <TableGrid
        key={kind}
        template={template}
        table={table}
        doc={doc}
        departmentName={props.departmentName}
        readOnly={readOnly}
        refused={state.refused}
        serverErrors={state.serverErrors}
        pending={state.pending}
        highlighted={highlighted}
        reveal={reveal}
        onRevealed={() => setReveal(undefined)}
        subjectName={subjectName}
        onType={(cell, text) => setState((s) => typeIntoCell(s, cell, text))}
        onEnter={(values) => setState((s) => enterValues(s, values))}
        isRemovable={(code) => isRemovable(doc, kind, code)}
        onRemoveSubject={(code) => setState((s) => removeSubject(s, kind, code))}
        toolbar={table.rowKind === 'functional' && !readOnly ? (
          <AddSubject
            subjects={props.functionalSubjects}
            listed={listed}
            onAdd={(code) => {
              setState((s) => addSubject(s, kind, code));
              if (firstInput) setReveal({ key: `${kind}:${code}:${firstInput}`, seq: nextRevealSeq() });
            }}
          />
        ) : undefined}
      />
    );
  };

  return (
    <div className="entry-editor">
      <header className="entry-header">
        <div className="entry-title">
          <p className="back-link"><Link href="/entry">← 我的部门决算</Link></p>
          <h1>{props.departmentName} {doc.fiscalYear} 年度部门决算</h1>
          <p className="entry-meta">
            <span>报表格式：{template.name}</span>
            <span>状态：<strong className="status-label">{statusLabel}</strong></span>
            <span>版本 {version}</span>
          </p>
        </div>
        {editable && (
          <div className="entry-actions">
            <button type="button" className="secondary-button" disabled={unsaved === 0 || saveStatus.kind === 'saving'} onClick={() => void save()} title="Ctrl+S">
              保存{unsaved > 0 ? `（${unsaved}）` : ''}
            </button>
            <SaveStatusText status={saveStatus} unsaved={unsaved} refused={state.refused.size} />
            <SubmitControl reasons={reasons} onSubmit={submit} />
          </div>
        )}
      </header>
      <WorkbookPanel finalAccountsId={finalAccountsId} version={version} editable={editable} unsaved={unsaved} />
      {readOnly && readOnlyReason && <p className="read-only-note" role="note">{readOnlyReason}</p>}
      <div className="entry-body">
        <div className="entry-main">
          <CommentsList comments={props.comments ?? []} template={template} doc={doc} onShow={showComment} />
          <EntryTabs tabs={tabs} selected={tab} onSelect={setTab} />
          <div id={panelId(tab)} role="tabpanel" aria-labelledby={tabId(tab)} className="entry-panel">
            {tableKind && grid(tableKind)}
            {section && (
              <InvalidFieldsContext value={reportInvalid}>
                <section.Editor doc={doc} template={template} readOnly={readOnly} onChange={onChangeSections} highlighted={highlighted} {...(previousYear ? { previousYear } : {})} />
              </InvalidFieldsContext>
            )}
          </div>
        </div>
        <CheckPanel
          template={template}
          findings={findings}
          checking={!isCurrent}
          explanations={explanations}
          anchorOf={anchorOf}
          readOnly={readOnly}
          onShow={showFinding}
          onSaveExplanation={saveExplanation}
        />
      </div>
    </div>
  );
}
