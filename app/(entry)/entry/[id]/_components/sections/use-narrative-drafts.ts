'use client';
// The draft of the narrative from the figures, for 按草稿填入 and comparison. Keeping written text in
// step with the figures is not done here: the entry state does it on every edit, whichever tab
// is open (stepNarrative in _lib/entry-state.ts), so this tab only reads.
import { useMemo } from 'react';
import { generateNarrative } from '@/lib/accounts/narrative';
import type { NarrativeSectionText } from '@/lib/accounts/narrative-refresh';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';

export type Drafts = { ok: true; sections: NarrativeSectionText[] } | { ok: false; message: string };

export function useNarrativeDrafts(doc: TFinalAccounts, template: Template): Drafts {
  return useMemo((): Drafts => {
    try {
      return { ok: true, sections: generateNarrative(doc, template) };
    } catch (error) {
      // A half-entered document the draft cannot read yet: say so instead of losing the editor.
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [doc, template]);
}
