// The whole published document, part by part as its layout prints them (documentParts): the
// overview, the nine tables (each amount cell with its id "c-…"), the explanations with their
// figures linked to those cells, key work, the glossary and the annex with the self-evaluation
// tables. Server-only markup: no client component, so nothing of it is sent twice as props.
import { AccountsTables } from '@/components/accounts/accounts-tables';
import { tableTitle } from '@/components/accounts/table-frame';
import { documentParts, selfEvaluationNotes, type DocumentPart, type PartBlock } from '@/lib/accounts/disclosure/parts';
import type { NarrativeFigureLink } from '@/lib/accounts/disclosure/narrative-links';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { TOTAL_ROW, type Template } from '@/lib/accounts/templates';
import { NarrativeText } from './narrative-text';
import { FunctionsBlock, KeyWorkTable, StaffBlock, UnitsBlock } from './overview-blocks';
import { SelfEvaluationTable } from './self-evaluation-table';
import './document.css';

interface Props {
  document: TFinalAccounts;
  template: Template;
  /** narrativeFigureLinks(document, template). */
  links: readonly NarrativeFigureLink[];
}

/** The table of contents: the parts, and the tables under 第二部分. */
function Contents({ parts, document, template }: { parts: readonly DocumentPart[]; document: TFinalAccounts; template: Template }) {
  return (
    <nav className="document-toc" aria-label="目录">
      <ol>
        {parts.map((part) => (
          <li key={part.id}>
            <a href={`#${part.id}`}>{part.title}</a>
            {part.blocks.map((block) =>
              block.kind === 'tables' ? (
                <ol key="tables">
                  {block.tables.map((kind) => (
                    <li key={kind}>
                      <a href={`#${kind}`}>{tableTitle(template, template.tables[kind], document.fiscalYear)}</a>
                    </li>
                  ))}
                </ol>
              ) : null,
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Block({ block, props }: { block: PartBlock; props: Props & { inAnnex: boolean } }) {
  const { document, template, links, inAnnex } = props;
  switch (block.kind) {
    case 'functions':
      return <FunctionsBlock block={block} />;
    case 'units':
      return <UnitsBlock block={block} />;
    case 'staff':
      return <StaffBlock block={block} />;
    case 'tables':
      return <AccountsTables document={document} cellIds titleLevel={3} />;
    case 'keyWork':
      return <KeyWorkTable block={block} />;
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'narrative': {
      const Heading = inAnnex ? 'h4' : 'h3';
      return (
        <section className="narrative" id={`narrative-${block.section}`}>
          {block.heading && <Heading>{block.heading}</Heading>}
          <NarrativeText text={block.text} section={block.section} links={links.filter((link) => link.section === block.section)} />
        </section>
      );
    }
    case 'selfEvaluation': {
      const total = document.tables.expenditure.rows.find((row) => row.row === TOTAL_ROW)?.cells;
      return (
        <SelfEvaluationTable
          id={block.id}
          title={block.heading}
          departmentName={document.department.name}
          evaluation={block.evaluation}
          project={block.project}
          expenditure={block.project ? undefined : { basic: total?.basic ?? '', project: total?.project ?? '' }}
          notes={selfEvaluationNotes(template)}
        />
      );
    }
  }
}

export function DisclosureDocument(props: Props) {
  const parts = documentParts(props.document, props.template);
  return (
    <>
      <Contents parts={parts} document={props.document} template={props.template} />
      {parts.map((part) => (
        <section key={part.id} className="document-part" id={part.id} aria-labelledby={`${part.id}-title`}>
          <h2 id={`${part.id}-title`}>{part.title}</h2>
          {part.blocks.map((block, index) => (
            <Block key={index} block={block} props={{ ...props, inAnnex: part.blocks.some((b) => b.kind === 'selfEvaluation') }} />
          ))}
        </section>
      ))}
    </>
  );
}
