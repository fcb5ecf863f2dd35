'use client';
// The entry workbook on the entry page: its download, and the import of a filled-in one — the
// preview (cell by cell, old → new, or every wrong cell by sheet!cell; the check engine's counts
// before and after, and the findings the import adds) read on the server with
// nothing stored, then, when the accountant confirms, the previewed changes saved by saveCells
// at the previewed version (so a draft changed meanwhile is refused as stale, and the write has
// its audit row). The editor keeps its own copy of the document, so the page is reloaded after.
import { useId, useRef, useState, useTransition } from 'react';
import { previewWorkbookAction, saveCellsAction } from '@/app/(entry)/entry/actions';
import { formatAmountText } from '@/lib/accounts/money';

interface Props {
  finalAccountsId: string;
  version: number;
  /** She may change the figures now (an accountant, a draft or returned accounts). */
  editable: boolean;
  /** Unsaved edits in the editor: an import then would mix with them. */
  unsaved: number;
}

type Preview = Extract<Awaited<ReturnType<typeof previewWorkbookAction>>, { ok: true }>['data'];

interface Problem {
  message: string;
  errors: { path: string; message: string }[];
}

const MAX_BYTES = 5 * 1024 * 1024;
const shown = (amount: string | null) => (amount === null ? '空白' : formatAmountText(amount));
const located = (e: { path: string; message: string }) => (e.path ? `${e.path}：${e.message}` : e.message);

export function WorkbookPanel({ finalAccountsId, version, editable, unsaved }: Props) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview>();
  const [problem, setProblem] = useState<Problem>();
  const [pending, startTransition] = useTransition();

  const reset = () => {
    setPreview(undefined);
    setProblem(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const runPreview = () => {
    setPreview(undefined);
    if (unsaved > 0) return setProblem({ message: '请先保存或放弃未保存的修改', errors: [] });
    const file = fileInput.current?.files?.[0];
    if (!file) return setProblem({ message: '请选择要导入的工作簿文件', errors: [] });
    // The server refuses it too; said here before a large upload is sent.
    if (file.size > MAX_BYTES) return setProblem({ message: '文件超过 5 MB，不是本系统的填报工作簿', errors: [] });
    setProblem(undefined);
    const form = new FormData();
    form.set('file', file);
    form.set('finalAccountsId', finalAccountsId);
    form.set('expectedVersion', String(version));
    startTransition(async () => {
      const result = await previewWorkbookAction(form);
      if (result.ok) setPreview(result.data);
      else setProblem({ message: result.message, errors: result.fieldErrors ?? [] });
    });
  };

  const apply = () => {
    if (!preview) return;
    if (unsaved > 0) return setProblem({ message: '请先保存或放弃未保存的修改', errors: [] });
    startTransition(async () => {
      const result = await saveCellsAction({ finalAccountsId, expectedVersion: preview.version, changes: preview.changes, ...(preview.sections ? { sections: preview.sections } : {}) });
      if (result.ok) {
        window.location.reload();
        return;
      }
      setPreview(undefined);
      setProblem(result.code === 'stale'
        ? { message: '预览之后该决算已被修改，未导入任何数字：请刷新页面后重新预览', errors: [] }
        : { message: result.message, errors: result.fieldErrors ?? [] });
    });
  };

  return (
    <section className="workbook-panel" aria-label="填报工作簿">
      <a className="secondary-button workbook-download" href={`/entry/${finalAccountsId}/workbook`} download>下载填报工作簿（Excel）</a>
      {editable && (
        <div className="workbook-import">
          <label htmlFor={inputId}>导入已填写的工作簿</label>
          <input id={inputId} ref={fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={() => { setPreview(undefined); setProblem(undefined); }} />
          <button type="button" className="secondary-button" disabled={pending} onClick={runPreview}>预览</button>
          {pending && <span role="status">正在处理…</span>}
        </div>
      )}
      {problem && (
        <div className="workbook-problem" role="alert">
          <p>{problem.message}</p>
          {problem.errors.length > 0 && <ul>{problem.errors.map((e) => <li key={`${e.path}:${e.message}`}>{located(e)}</li>)}</ul>}
        </div>
      )}
      {preview && (
        <div className="workbook-preview">
          {preview.diff.length === 0
            ? <p role="status">工作簿与当前决算一致，没有要导入的修改。</p>
            : (
              <table className="workbook-diff">
                <caption>将导入 {preview.diff.length} 个单元格的修改（单位：万元）</caption>
                <thead><tr><th scope="col">工作表</th><th scope="col">单元格</th><th scope="col">原值</th><th scope="col">新值</th></tr></thead>
                <tbody>
                  {preview.diff.map((d) => (
                    <tr key={`${d.sheet}!${d.cell}`}>
                      <td>{d.sheet}</td><td>{d.cell}</td><td className="amount">{shown(d.before)}</td><td className="amount">{shown(d.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          {preview.narrativeSections && preview.narrativeSections.length > 0 && (
            <p className="workbook-narrative">情况说明中由系统生成、未经改写的句子将随数字更新：{preview.narrativeSections.join('、')}</p>
          )}
          {preview.checks && (
            <div className="workbook-checks">
              <p>
                {`导入后审核检查：强制性问题 ${preview.checks.after.blocking} 个（现为 ${preview.checks.before.blocking} 个），`
                  + `提示 ${preview.checks.after.warnings} 个（现为 ${preview.checks.before.warnings} 个）`}
              </p>
              {preview.checks.added.length > 0 && (
                <>
                  <p>导入后新出现的问题：</p>
                  <ul>
                    {preview.checks.added.map((f, i) => (
                      <li key={`${f.rule}:${i}`}><span className="severity">{f.severity === 'blocking' ? '强制' : '提示'}</span> {f.message}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {preview.warnings.length > 0 && (
            <div className="workbook-warnings">
              <p>提示（{preview.warnings.length}）：</p>
              <ul>{preview.warnings.map((w) => <li key={`${w.path}:${w.message}`}>{located(w)}</li>)}</ul>
            </div>
          )}
          <div className="workbook-confirm">
            {preview.diff.length > 0 && <button type="button" className="primary-button" disabled={pending} onClick={apply}>确认导入</button>}
            <button type="button" className="secondary-button" disabled={pending} onClick={reset}>取消</button>
          </div>
        </div>
      )}
    </section>
  );
}
