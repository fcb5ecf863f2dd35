'use client';
// The check engine over the document as she sees it: run at once on the loaded document, then
// again shortly after she stops typing. `isCurrent` is false while an edit is not yet checked,
// so 上报 waits for the findings of the figures on screen. A finding's anchor (what its
// explanation is keyed by) is read in the document it was found in.
import { useCallback, useEffect, useState } from 'react';
import { checkFinalAccounts, type Finding } from '@/lib/accounts/check';
import { findingAnchor } from '@/lib/accounts/explanations';
import type { TFinalAccounts } from '@/lib/accounts/schema';

const QUIET_MS = 300;

function check(doc: TFinalAccounts, previousYear: TFinalAccounts | undefined): Finding[] {
  return checkFinalAccounts(doc, previousYear ? { previousYear } : undefined);
}

export function useFindings(doc: TFinalAccounts, previousYear: TFinalAccounts | undefined) {
  const [result, setResult] = useState(() => ({ doc, findings: check(doc, previousYear) }));
  useEffect(() => {
    if (result.doc === doc) return;
    const timer = window.setTimeout(() => setResult({ doc, findings: check(doc, previousYear) }), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, [doc, previousYear, result.doc]);
  const anchorOf = useCallback((finding: Finding) => findingAnchor(finding, result.doc), [result.doc]);
  return { findings: result.findings, isCurrent: result.doc === doc, anchorOf };
}
