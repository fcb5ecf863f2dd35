// The printed frame around every disclosure table: the caption ("2021 年度收入支出决算总表（表 1）"
// over "部门：… 单位：万元"), the table itself, and the note with its identities under it.
import type { ReactNode } from 'react';
import { formatAmount, parseAmount } from '@/lib/accounts/money';
import type { TTableRow } from '@/lib/accounts/schema';
import type { TableDefinition } from '@/lib/accounts/tables';

/** What every table component receives. */
export interface AccountsTableProps {
  definition: TableDefinition;
  rows: readonly TTableRow[];
  fiscalYear: number;
  departmentName: string;
  /** "说明：…" printed under a table that has nothing to show. */
  explanation?: string | undefined;
}

/** A cell as the tables print it: "2,882.93", or nothing for a blank cell. */
export function amountText(text: string | undefined): string {
  return text === undefined ? '' : formatAmount(parseAmount(text));
}

export function tableTitle(fiscalYear: number, definition: TableDefinition): string {
  return `${fiscalYear} 年度${definition.title}（表 ${definition.number}）`;
}

/** The identities printed under the note ("27行＝（1＋…＋8）行；…。"), from the table definition. */
function printedIdentities(definition: TableDefinition): string | undefined {
  const prefix = `表${definition.number}注：`;
  const lines = definition.identities
    .filter((identity) => identity.citation.startsWith(prefix))
    .map((identity) => identity.citation.slice(prefix.length));
  return lines.length ? `${lines.join('；')}。` : undefined;
}

export function AccountsTableFrame({
  definition,
  fiscalYear,
  departmentName,
  explanation,
  children,
}: Omit<AccountsTableProps, 'rows'> & { children: ReactNode }) {
  const titleId = `${definition.code}-title`;
  const identities = printedIdentities(definition);
  return (
    <section className="accounts-table" id={definition.code}>
      <div className="table-scroll">
        {/* The table is named by its title alone; the department line is part of the caption. */}
        <table aria-labelledby={titleId}>
          <caption>
            <h2 id={titleId}>{tableTitle(fiscalYear, definition)}</h2>
            <span className="table-meta">
              <span>部门：{departmentName}</span>
              <span>单位：万元</span>
            </span>
          </caption>
          {children}
        </table>
      </div>
      <div className="table-note">
        <p>注：{definition.note}</p>
        {identities && <p>{identities}</p>}
        {explanation && <p>说明：{explanation}</p>}
      </div>
    </section>
  );
}
