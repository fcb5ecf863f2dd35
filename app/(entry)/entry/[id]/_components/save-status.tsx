// What the last save did, beside 保存: saving, saved at a time, or why it failed (the server's
// message, and its refusals that are not at a cell). Refused entries are never saved: said here.
import type { SaveStatus } from './use-save';

interface Props {
  status: SaveStatus;
  unsaved: number;
  refused: number;
}

export function SaveStatusText({ status, unsaved, refused }: Props) {
  const refusedNote = refused > 0 ? `${refused} 个单元格输入有误，不会保存` : '';
  return (
    <div className={`save-status ${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'saving' && <span>正在保存…</span>}
      {status.kind === 'saved' && <span>{unsaved > 0 ? `已于 ${status.at} 保存；之后又有 ${unsaved} 处修改` : `已保存（${status.at}）`}</span>}
      {status.kind === 'idle' && <span>{unsaved > 0 ? `${unsaved} 处修改未保存` : '没有未保存的修改'}</span>}
      {status.kind === 'failed' && (
        <span className="save-failed">
          保存失败：{status.message}
          {status.details.length > 0 && <span className="save-details">{status.details.join('；')}</span>}
        </span>
      )}
      {refusedNote && <span className="refused-note">{refusedNote}</span>}
    </div>
  );
}
