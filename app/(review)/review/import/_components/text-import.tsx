'use client';
// A district's published texts imported at once: every chosen file is previewed on the server in
// turn (progress shown), each with its template, year, department, the importer's problems by
// line and the check findings; the bureau chooses each one's department and how it is stored,
// acknowledges the problems it has checked, and imports the chosen ones in turn, each in its own
// transaction, with a result per document. Nothing is stored before 导入.
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { importPublishedTextAction, previewTextImportAction } from '@/app/(review)/review/actions';
import { formatAmountText } from '@/lib/accounts/money';
import type { DistrictDepartment, ImportMode, TextImportDone, TextImportPreview } from '@/lib/data/text-import';

const MAX_BYTES = 5 * 1024 * 1024;
const NEW_DEPARTMENT = 'new';
const MODE_LABELS: Readonly<Record<ImportMode, string>> = { record: '已公开的决算', draft: '草稿' };
const MODE_HINTS: Readonly<Record<ImportMode, string>> = {
  record: '公开页面随即可见，作为以后年度的上年数；公开后只能更正，不能删除',
  draft: '由部门继续填报、上报，经审核后公开',
};
/** What a server action that did not answer (network, server restart) leaves us knowing. */
const NO_ANSWER = '没有收到服务器的答复（网络或服务器出错）';

/** uncertain: no answer came, so whether it was stored is not known. */
type Failure = { message: string; errors: { path: string; message: string }[]; uncertain?: boolean };

type Outcome =
  | { state: 'reading' }
  | ({ state: 'unreadable' } & Failure)
  | { state: 'ready' }
  | { state: 'importing' }
  | { state: 'imported'; done: TextImportDone }
  | ({ state: 'failed' } & Failure);

interface Row {
  key: string;
  file: File;
  preview?: TextImportPreview;
  /** A re-preview that failed: the last good preview stays, with this said above it. */
  previewError?: string;
  /** A department id, or NEW_DEPARTMENT. */
  target: string;
  slug: string;
  /** For a record whose text prints no publication date: the day it was published, if she knows it. */
  publishedOn: string;
  mode: ImportMode;
  acknowledged: boolean;
  selected: boolean;
  outcome: Outcome;
}

interface Props {
  districtName: string;
  departments: DistrictDepartment[];
}

/** "（2021 年度已有决算：已公开）" when the department has accounts of the year. */
function yearStatus(department: DistrictDepartment, fiscalYear: number): string {
  const existing = department.accounts.find((a) => a.fiscalYear === fiscalYear);
  return existing ? `（${fiscalYear} 年度已有决算：${existing.statusLabel}）` : '';
}

/** Why a row cannot be imported as it stands, or undefined when it can. */
function blockerOf(row: Row): string | undefined {
  const preview = row.preview;
  if (!preview) return '尚未读取';
  if (preview.refusals.length > 0) return '不能导入，原因见下';
  if (preview.invalid.length > 0) return `读出的决算有 ${preview.invalid.length} 处不完整或不合格式，不能保存`;
  if (preview.problems.length > 0 && !row.acknowledged) return `请先对照原文核对 ${preview.problems.length} 处未能读入或须核对之处，并勾选确认`;
  return undefined;
}

const canImport = (row: Row) => (row.outcome.state === 'ready' || row.outcome.state === 'failed') && blockerOf(row) === undefined;

export function TextImport({ districtName, departments }: Props) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ verb: string; done: number; total: number; name: string }>();
  /** Departments created by this page's imports, by printed name: the same department's later texts go to them. */
  const createdDepartments = useRef(new Map<string, string>());
  const busy = progress !== undefined;

  const update = (key: string, change: Partial<Row> | ((row: Row) => Partial<Row>)) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...(typeof change === 'function' ? change(r) : change) } : r)));

  /**
   * Previews a row: first as its name matches (target undefined), then for the department chosen
   * (a failure then goes back to `previous`, whose preview is the one still shown).
   */
  const preview = async (row: Row, target: string | undefined, previous?: string) => {
    const form = new FormData();
    form.set('file', row.file);
    if (target === NEW_DEPARTMENT) form.set('newDepartment', 'on');
    else if (target) form.set('departmentId', target);
    let result: Awaited<ReturnType<typeof previewTextImportAction>>;
    try {
      result = await previewTextImportAction(form);
    } catch {
      result = { ok: false, code: 'internal', message: `${NO_ANSWER}，请重新选择文件` };
    }
    if (!result.ok) {
      const failure = { message: result.message, errors: result.fieldErrors ?? [] };
      // A first read that fails leaves nothing to show; a later one keeps what the last showed.
      update(row.key, (current) => (current.preview
        ? { previewError: `未能按所选部门重新检查，仍为原来的部门：${result.message}`, target: previous ?? current.target, outcome: { state: 'ready' } }
        : { selected: false, outcome: { state: 'unreadable', ...failure } }));
      return;
    }
    const data = result.data;
    update(row.key, (current) => {
      const first = target === undefined;
      const next: Row = {
        ...current, preview: data, previewError: undefined, outcome: { state: 'ready' },
        target: first ? (data.departmentId ?? NEW_DEPARTMENT) : current.target,
        mode: first ? data.defaultMode : current.mode,
        // The acknowledgement is of this file's problems, whichever department it goes to.
        acknowledged: !first && current.acknowledged && current.preview?.digest === data.digest,
      };
      // Chosen at once only when nothing is in doubt: the department's own name (or a new one) and no problem to check.
      const sure = data.match === 'exact' || data.match === 'new';
      return { ...next, selected: first ? sure && blockerOf(next) === undefined : current.selected && blockerOf(next) === undefined };
    });
  };

  const choose = async () => {
    const files = [...(fileInput.current?.files ?? [])];
    if (files.length === 0) return;
    const stamp = Date.now();
    const added: Row[] = files.map((file, i) => ({
      key: `${stamp}-${i}-${file.name}`, file, target: NEW_DEPARTMENT, slug: '', publishedOn: '', mode: 'record', acknowledged: false, selected: false,
      outcome: file.size > MAX_BYTES ? { state: 'unreadable', message: `${file.name}：文件超过 5 MB，不像一份决算公开文本`, errors: [] } : { state: 'reading' },
    }));
    setRows((all) => [...all, ...added]);
    if (fileInput.current) fileInput.current.value = '';
    const toRead = added.filter((r) => r.outcome.state === 'reading');
    try {
      for (const [i, row] of toRead.entries()) {
        setProgress({ verb: '正在读取', done: i, total: toRead.length, name: row.file.name });
        await preview(row, undefined);
      }
    } finally {
      setProgress(undefined);
    }
  };

  const changeTarget = async (row: Row, target: string) => {
    const previous = row.target;
    update(row.key, { target, outcome: { state: 'reading' } });
    setProgress({ verb: '正在重新检查', done: 0, total: 1, name: row.file.name });
    try {
      await preview(row, target, previous);
    } finally {
      setProgress(undefined);
    }
  };

  const importChosen = async () => {
    const chosen = rows.filter((r) => r.selected && canImport(r));
    const created = createdDepartments.current;
    try {
      for (const [i, row] of chosen.entries()) {
        setProgress({ verb: '正在导入', done: i, total: chosen.length, name: row.file.name });
        update(row.key, { outcome: { state: 'importing' } });
        const printedName = row.preview?.printed.department ?? '';
        const target = row.target === NEW_DEPARTMENT ? (created.get(printedName) ?? NEW_DEPARTMENT) : row.target;
        const form = new FormData();
        form.set('file', row.file);
        form.set('mode', row.mode);
        if (target === NEW_DEPARTMENT) {
          form.set('newDepartment', 'on');
          if (row.slug.trim() !== '') form.set('slug', row.slug.trim());
        } else form.set('departmentId', target);
        if (row.preview && row.preview.problems.length > 0) form.set('acknowledged', row.preview.digest);
        if (row.mode === 'record' && !row.preview?.publishedOn && row.publishedOn !== '') form.set('publishedOn', row.publishedOn);
        let result: Awaited<ReturnType<typeof importPublishedTextAction>>;
        try {
          result = await importPublishedTextAction(form);
        } catch {
          result = { ok: false, code: 'internal', message: `${NO_ANSWER}：不能确定是否已导入，请在审核列表中查看后再试` };
          update(row.key, { outcome: { state: 'failed', message: result.message, errors: [], uncertain: true } });
          continue;
        }
        if (result.ok) {
          const departmentId = result.data.departmentId;
          if (result.data.createdDepartment) {
            created.set(printedName, departmentId);
            // The same department's other texts, waiting to create it too, now go to it.
            setRows((all) => all.map((r) => (r.key !== row.key && r.target === NEW_DEPARTMENT && r.preview?.printed.department === printedName ? { ...r, target: departmentId } : r)));
          }
          update(row.key, { target: departmentId, outcome: { state: 'imported', done: result.data }, selected: false });
        } else {
          // A conflict (accounts of the year exist, another district, a name taken) fails again unless something changes.
          update(row.key, { outcome: { state: 'failed', message: result.message, errors: result.fieldErrors ?? [] }, ...(result.code === 'conflict' ? { selected: false } : {}) });
        }
      }
    } finally {
      setProgress(undefined);
    }
  };

  const remove = (key: string) => setRows((all) => all.filter((r) => r.key !== key));
  const importable = rows.filter((r) => r.selected && canImport(r)).length;
  const tally = {
    imported: rows.filter((r) => r.outcome.state === 'imported').length,
    failed: rows.filter((r) => r.outcome.state === 'failed' || r.outcome.state === 'unreadable').length,
  };

  return (
    <div className="text-import">
      <div className="text-import-choose">
        <label htmlFor={inputId}>选择{districtName}的公开文本（.txt，可多选）</label>
        <input id={inputId} ref={fileInput} type="file" multiple accept=".txt,text/plain" disabled={busy} onChange={() => void choose()} />
      </div>

      <div className="text-import-progress" role="status">
        {progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label={`${progress.verb}进度`} />
            <span>{progress.verb}第 {progress.done + 1} / {progress.total} 份：{progress.name}</span>
          </>
        )}
      </div>

      {rows.length > 0 && (
        <>
          <p className="text-import-tally" aria-live="polite">
            共 {rows.length} 份{tally.imported > 0 ? `，已导入 ${tally.imported} 份` : ''}{tally.failed > 0 ? `，${tally.failed} 份未能读取或导入` : ''}。
          </p>
          <ol className="text-import-list">
            {rows.map((row) => (
              <ImportRow
                key={row.key} row={row} busy={busy} departments={departments}
                onTarget={(target) => void changeTarget(row, target)}
                onChange={(change) => update(row.key, change)}
                onRemove={() => remove(row.key)}
              />
            ))}
          </ol>
          <div className="text-import-actions">
            <button type="button" className="primary-button" disabled={busy || importable === 0} onClick={() => void importChosen()}>
              导入选中的 {importable} 份
            </button>
          </div>
        </>
      )}
    </div>
  );
}

interface RowProps {
  row: Row;
  busy: boolean;
  departments: DistrictDepartment[];
  onTarget: (target: string) => void;
  onChange: (change: Partial<Row>) => void;
  onRemove: () => void;
}

function ImportRow({ row, busy, departments, onTarget, onChange, onRemove }: RowProps) {
  const id = useId();
  const { preview, outcome } = row;
  const blocker = blockerOf(row);
  const done = outcome.state === 'imported';
  const locked = busy || done || outcome.state === 'importing' || outcome.state === 'reading';
  const title = preview ? `${preview.printed.department} ${preview.fiscalYear} 年度` : row.file.name;
  // Refused whatever the bureau chooses: choices would only mislead.
  const hopeless = preview?.refusals.some((r) => r.kind === 'damaged' || r.kind === 'district') ?? false;
  const target = departments.find((d) => d.id === row.target);

  return (
    <li className={`text-import-row state-${outcome.state}`} aria-labelledby={`${id}-title`}>
      <div className="text-import-head">
        {preview && (
          <input
            type="checkbox" aria-label={`导入 ${title}`} checked={row.selected} disabled={locked || blocker !== undefined}
            onChange={(e) => onChange({ selected: e.target.checked })}
          />
        )}
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="text-import-file">{row.file.name}</span>
        {!locked && <button type="button" className="link-button" onClick={onRemove}>移除</button>}
      </div>

      <OutcomeLine outcome={outcome} blocker={blocker} selected={row.selected} />
      {row.previewError && <p className="text-import-outcome blocked">{row.previewError}</p>}

      {preview && (
        <>
          <dl className="text-import-facts">
            <dt>报表格式</dt><dd>{preview.template.name}（{preview.encoding}）</dd>
            <dt>所属地区</dt><dd>{preview.printed.district || '文中未写明，按本区导入'}</dd>
            <dt>公开日期</dt><dd>{preview.publishedOn ?? '文中未写明'}</dd>
            {preview.summary && (
              <>
                <dt>本年收入合计</dt><dd className="amount">{formatAmountText(preview.summary.incomeTotal)} 万元</dd>
                <dt>本年支出合计</dt><dd className="amount">{formatAmountText(preview.summary.expenditureTotal)} 万元</dd>
              </>
            )}
          </dl>

          {!done && !hopeless && (
            <div className="text-import-choices">
              <label>
                导入到部门
                <select value={row.target} disabled={locked} onChange={(e) => onTarget(e.target.value)}>
                  <option value={NEW_DEPARTMENT}>新建部门「{preview.printed.department}」</option>
                  {departments.map((d) => <option key={d.id} value={d.id}>{d.name}{yearStatus(d, preview.fiscalYear)}</option>)}
                </select>
                {target && target.name !== preview.printed.department && (
                  <span className="hint warning">部门名称不同：文中为「{preview.printed.department}」，将导入到「{target.name}」，请确认是同一部门</span>
                )}
              </label>
              {row.target === NEW_DEPARTMENT && (
                <div className="text-import-field">
                  <label htmlFor={`${id}-slug`}>网址名（选填）</label>
                  <input
                    id={`${id}-slug`} type="text" value={row.slug} disabled={locked} placeholder="如 big-data-center" maxLength={64} autoCapitalize="none" spellCheck={false}
                    aria-describedby={`${id}-slug-hint`} onChange={(e) => onChange({ slug: e.target.value })}
                  />
                  <span id={`${id}-slug-hint`} className="hint">公开页面地址中的部门名，小写字母、数字和连字符；不填则自动生成</span>
                </div>
              )}
              {row.mode === 'record' && !preview.publishedOn && (
                <div className="text-import-field">
                  <label htmlFor={`${id}-published`}>公开日期（选填）</label>
                  <input
                    id={`${id}-published`} type="date" value={row.publishedOn} disabled={locked} min={`${preview.fiscalYear + 1}-01-01`}
                    aria-describedby={`${id}-published-hint`} onChange={(e) => onChange({ publishedOn: e.target.value })}
                  />
                  <span id={`${id}-published-hint`} className="hint">文中未写明公开日期；不填则记为导入当天</span>
                </div>
              )}
              <fieldset disabled={locked}>
                <legend>存为</legend>
                {(['record', 'draft'] as const).map((mode) => (
                  <label key={mode} className="choice">
                    <input type="radio" name={`${id}-mode`} value={mode} checked={row.mode === mode} onChange={() => onChange({ mode })} />
                    {MODE_LABELS[mode]}<span className="hint">：{MODE_HINTS[mode]}</span>
                  </label>
                ))}
              </fieldset>
            </div>
          )}

          {preview.refusals.length > 0 && (
            <div className="text-import-refusals" role="group" aria-label="不能导入">
              <p>不能导入：</p>
              <ul>{preview.refusals.map((r) => <li key={r.message}>{r.message}</li>)}</ul>
            </div>
          )}

          {preview.problems.length > 0 && (
            <div className="text-import-problems">
              <p>未能读入或须核对之处（{preview.problems.length}）：请对照原文 {row.file.name} 的行号核对</p>
              <ul>{preview.problems.map((p) => <li key={`${p.line}:${p.reason}`}>第 {p.line} 行：{p.reason}</li>)}</ul>
              {!done && !hopeless && (
                <label className="choice">
                  <input
                    type="checkbox" checked={row.acknowledged} disabled={locked}
                    onChange={(e) => onChange({ acknowledged: e.target.checked, selected: e.target.checked && blockerOf({ ...row, acknowledged: true }) === undefined })}
                  />
                  已对照原文核对以上 {preview.problems.length} 处，按读出的数字导入
                </label>
              )}
            </div>
          )}

          {preview.invalid.length > 0 && (
            <details className="text-import-invalid" open={preview.refusals.length === 0}>
              <summary>读出的决算有 {preview.invalid.length} 处不完整或不合格式，不能保存</summary>
              <ul>{preview.invalid.slice(0, 50).map((e) => <li key={`${e.path}:${e.message}`}>{e.path}：{e.message}</li>)}</ul>
            </details>
          )}

          {preview.checks && (
            <details className="text-import-checks">
              <summary>
                审核检查：强制性问题 {preview.checks.blocking} 个，提示 {preview.checks.warnings} 个
                {preview.checks.withPreviousYear ? '（含与上年决算的衔接）' : '（该部门尚无审核通过的上年决算，未查年度衔接）'}
              </summary>
              <p className="hint">公开文本中的数字按原样导入；检查结果供核对，不影响导入。</p>
              <ul>
                {preview.checks.listed.map((f, i) => (
                  <li key={`${f.rule}:${i}`}><span className="severity">{f.severity === 'blocking' ? '强制' : '提示'}</span> {f.message}</li>
                ))}
              </ul>
              {preview.checks.blocking + preview.checks.warnings > preview.checks.listed.length && <p className="hint">仅列出前 {preview.checks.listed.length} 个。</p>}
            </details>
          )}
        </>
      )}
    </li>
  );
}

function OutcomeLine({ outcome, blocker, selected }: { outcome: Outcome; blocker: string | undefined; selected: boolean }) {
  switch (outcome.state) {
    case 'reading':
      return <p className="text-import-outcome">正在读取…</p>;
    case 'importing':
      return <p className="text-import-outcome">正在导入…</p>;
    case 'unreadable':
    case 'failed':
      return (
        <div className="text-import-outcome failed" role="alert">
          <p>{outcome.state === 'unreadable' ? '未能预览：' : outcome.uncertain ? '结果不明：' : '未导入：'}{outcome.message}</p>
          {outcome.errors.length > 1 && <ul>{outcome.errors.slice(0, 20).map((e) => <li key={`${e.path}:${e.message}`}>{e.path}：{e.message}</li>)}</ul>}
        </div>
      );
    case 'imported': {
      const { done } = outcome;
      return (
        <p className="text-import-outcome imported" role="status">
          已导入为{done.status === 'PUBLISHED' ? '已公开的决算' : '草稿'}{done.createdDepartment ? '（新建了部门）' : ''}。
          <Link href={`/review?year=${done.fiscalYear}`}>在 {done.fiscalYear} 年度审核列表中查看</Link>
        </p>
      );
    }
    case 'ready':
      if (blocker) return <p className="text-import-outcome blocked">{blocker}</p>;
      return <p className="text-import-outcome">{selected ? '将导入（预览，尚未保存）' : '未选中，不导入'}</p>;
  }
}
