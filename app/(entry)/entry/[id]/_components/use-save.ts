'use client';
// Saving from the entry page: 保存 and Ctrl+S send the unsaved cells and sections with the
// version the page holds. A stale result keeps her edits in the page; the server's refusals
// are put at their cells. Leaving the page (closing, reloading, following a link) while
// anything is unsaved asks first.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { saveCellsAction } from '@/app/(entry)/entry/actions';
import { markSaved, placeServerErrors, saveRequest, unsavedCount, type EntryState } from '../_lib/entry-state';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string; details: string[] };

const LEAVE_WARNING = '本页有尚未保存的修改，离开后将丢失。确定离开吗？';
const STALE_ADVICE = '您在本页的修改仍然保留，没有被覆盖；请记下这些修改后刷新页面，再重新填写。';
const NETWORK_FAILURE = '未能连接服务器，修改没有保存；修改仍保留在本页，请稍后再点“保存”。';

interface Options {
  finalAccountsId: string;
  state: EntryState;
  setState: Dispatch<SetStateAction<EntryState>>;
  version: number;
  setVersion: (version: number) => void;
  enabled: boolean;
  /** Section fields whose typed text is not in the document: nothing to save, but leaving loses it. */
  invalidFields: number;
}

export function useSave({ finalAccountsId, state, setState, version, setVersion, enabled, invalidFields }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef({ state, version });
  const inFlight = useRef(false);
  useEffect(() => {
    latest.current = { state, version };
  });

  const save = useCallback(async () => {
    if (!enabled || inFlight.current) return;
    const { state: current, version: expectedVersion } = latest.current;
    if (unsavedCount(current) === 0) return;
    const request = saveRequest(current);
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    try {
      const hasSections = Object.keys(request.sections).length > 0;
      const result = await saveCellsAction({ finalAccountsId, expectedVersion, changes: request.changes, ...(hasSections ? { sections: request.sections } : {}),
        ...(request.removedRows.length > 0 ? { removedRows: request.removedRows } : {}) });
      if (result.ok) {
        setVersion(result.data.version);
        latest.current.version = result.data.version;
        setState((s) => markSaved(s, request));
        setStatus({ kind: 'saved', at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
      } else if (result.code === 'stale') {
        setStatus({ kind: 'failed', message: `${result.message}。${STALE_ADVICE}`, details: [] });
      } else {
        const errors = result.fieldErrors ?? [];
        const details = placeServerErrors(latest.current.state, request, errors).other;
        setState((s) => placeServerErrors(s, request, errors).state);
        setStatus({ kind: 'failed', message: result.message, details });
      }
    } catch {
      setStatus({ kind: 'failed', message: NETWORK_FAILURE, details: [] });
    } finally {
      inFlight.current = false;
    }
  }, [enabled, finalAccountsId, setState, setVersion]);

  // Ctrl+S / ⌘S: the cell being typed in is committed first (its input loses focus), then saved.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
      window.setTimeout(() => void save(), 0);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save]);

  const hasUnsaved = unsavedCount(state) > 0 || state.refused.size > 0 || invalidFields > 0;
  useEffect(() => {
    if (!hasUnsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    // Links inside the app navigate without unloading the page: ask for them too.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || event.defaultPrevented || link.getAttribute('target') === '_blank') return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // So does a form outside the editor, such as 退出.
    const onSubmit = (event: SubmitEvent) => {
      if (event.target instanceof Element && event.target.closest('.entry-editor')) return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Back and Forward do neither: a copy of this page's history entry is pushed while there are
    // unsaved edits, so Back lands on the same page; asked, she stays (the copy is pushed again) or
    // goes on back.
    let leaving = false;
    const armed = { ...(window.history.state as object | null), juesuanUnsavedGuard: true };
    if (!(window.history.state as { juesuanUnsavedGuard?: boolean } | null)?.juesuanUnsavedGuard) window.history.pushState(armed, '', window.location.href);
    const onPopState = () => {
      if (leaving) return;
      if (window.confirm(LEAVE_WARNING)) {
        leaving = true;
        window.history.back();
      } else {
        window.history.pushState(armed, '', window.location.href);
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick, true);
    document.addEventListener('submit', onSubmit, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('submit', onSubmit, true);
    };
  }, [hasUnsaved]);

  return { status, save };
}
