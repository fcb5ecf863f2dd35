'use client';
// The draft of the narrative from the figures, and the narrative kept in step with it: when the
// figures change, a sentence still as generated follows (refreshNarrativeSections). The last
// draft seen is remembered per accounts for the life of the page, so figures changed on another
// tab are caught up with when this one opens again.
import { useEffect, useEffectEvent, useMemo } from 'react';
import { generateNarrative } from '@/lib/accounts/narrative';
import { refreshNarrativeSections, type NarrativeSectionText } from '@/lib/accounts/narrative-refresh';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';
import type { SectionPatch } from './types';

const lastDrafts = new Map<string, readonly NarrativeSectionText[]>();

export type Drafts = { ok: true; sections: NarrativeSectionText[] } | { ok: false; message: string };

export function useNarrativeInStep(doc: TFinalAccounts, template: Template, readOnly: boolean, onChange: (patch: SectionPatch) => void): Drafts {
  const drafts = useMemo((): Drafts => {
    try {
      return { ok: true, sections: generateNarrative(doc, template) };
    } catch (error) {
      // A half-entered document the draft cannot read yet: say so instead of losing the editor.
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [doc, template]);
  const key = `${template.id}|${doc.department.name}|${doc.fiscalYear}`;
  const step = useEffectEvent((sections: readonly NarrativeSectionText[]) => {
    const previous = lastDrafts.get(key);
    lastDrafts.set(key, sections);
    if (!previous || readOnly) return;
    const narrative = refreshNarrativeSections(doc.narrative, previous, sections);
    if (narrative !== doc.narrative) onChange({ narrative });
  });
  useEffect(() => {
    if (drafts.ok) step(drafts.sections);
  }, [drafts]);
  return drafts;
}
