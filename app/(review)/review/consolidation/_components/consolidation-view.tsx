'use client';
// The district consolidation in its published layout: click a figure to see what each department
// contributes to it (largest first), each with a link to its review page.
import Link from 'next/link';
import { useState, type MouseEvent } from 'react';
import { AccountsTables } from '@/components/accounts/accounts-tables';
import { formatAmount, parseAmount } from '@/lib/accounts/money';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor } from '@/lib/accounts/templates';
import type { Contribution } from '@/lib/data/consolidation';
import { anchorLabel } from '../../_lib/anchors';
import { districtContributionsAction } from '../actions';

interface Props {
  fiscalYear: number;
  document: TFinalAccounts;
}

export function ConsolidationView({ fiscalYear, document: doc }: Props) {
  const template = templateFor(doc.template);
  const [cell, setCell] = useState<string>();
  const [contributions, setContributions] = useState<Contribution[]>();
  const [error, setError] = useState<string>();

  const pick = async (event: MouseEvent<HTMLDivElement>) => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]')?.dataset.cell;
    if (!key) return;
    setCell(key);
    setContributions(undefined);
    setError(undefined);
    try {
      const result = await districtContributionsAction(fiscalYear, key);
      if (result.ok) setContributions(result.data);
      else setError(result.message);
    } catch {
      setError('未能连接服务器，请稍后再试');
    }
  };

  return (
    <div className="entry-body review-body">
      <div className="review-main review-tables can-pick" onClick={(event) => void pick(event)}>
        <AccountsTables document={doc} markCell={(key) => (key === cell ? 'selected' : undefined)} />
      </div>
      <aside className="review-side drill-panel" aria-labelledby="drill-title">
        <h2 id="drill-title">各部门构成</h2>
        {!cell && <p className="hint">点击表中的数字，查看各部门的数额。</p>}
        {cell && <p><strong>{anchorLabel(cell, template, doc)}</strong></p>}
        {error && <p className="field-error" role="alert">{error}</p>}
        {cell && !contributions && !error && <p className="hint">正在读取…</p>}
        {contributions && (contributions.length === 0 ? <p className="empty-note">没有部门填列此数。</p> : (
          <table className="listing contributions" aria-label="各部门数额">
            <thead>
              <tr><th scope="col">部门</th><th scope="col">数额</th></tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.finalAccountsId}>
                  <th scope="row"><Link href={`/review/${c.finalAccountsId}`}>{c.unitName ?? c.departmentName}</Link></th>
                  <td className="amount">{formatAmount(parseAmount(c.amount))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </aside>
    </div>
  );
}
