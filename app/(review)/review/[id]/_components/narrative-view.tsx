// 情况说明 as submitted, paragraph by paragraph: each can be commented on, and a paragraph changed
// since the last review or carrying a comment is marked.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { narrativeAnchor } from '../../_lib/anchors';

interface Props {
  narrative: TFinalAccounts['narrative'];
  /** Classes for a paragraph by its anchor ("narrative[2]"): changed, commented, selected. */
  markOf: (anchor: string) => string | undefined;
  canComment: boolean;
  onSelect: (anchor: string) => void;
}

export const narrativeElementId = (index: number) => `narrative-${index}`;

export function NarrativeView({ narrative, markOf, canComment, onSelect }: Props) {
  return (
    <section id="narrative" className="narrative-view" aria-labelledby="narrative-title">
      <h2 id="narrative-title">情况说明</h2>
      {narrative.length === 0 && <p className="empty-note">未填写情况说明。</p>}
      {narrative.map((section, index) => {
        const anchor = narrativeAnchor(index);
        return (
          <section key={anchor} id={narrativeElementId(index)} className={['narrative-paragraph', markOf(anchor)].filter(Boolean).join(' ')}>
            <h3>{section.heading}</h3>
            <p>{section.text}</p>
            {canComment && (
              <button type="button" className="link-button" onClick={() => onSelect(anchor)}>对此段提出意见</button>
            )}
          </section>
        );
      })}
    </section>
  );
}
