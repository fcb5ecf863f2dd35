// The contract between the entry page and the section editors (contract E of this session).
import type { JSX } from 'react';
import type { TEntrySections, TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';

/** A change to one or more whole sections of the document. */
export type SectionPatch = TEntrySections;

export interface SectionEditorProps {
  doc: TFinalAccounts;
  template: Template;
  readOnly: boolean;
  onChange: (patch: SectionPatch) => void;
  /** Document paths ("procurement.total") or cell keys from the check panel. */
  highlighted: ReadonlySet<string>;
  /** Last year's approved document, when there is one: its figures are shown read-only where this year repeats them. */
  previousYear?: TFinalAccounts;
}

export interface SectionEditor {
  key: string;
  label: string;
  Editor: (props: SectionEditorProps) => JSX.Element;
}
