// The head of a department-year page: the title, the dates line (批复日 / 公开日 / 数据截至), the
// breadcrumb back to the district and the home page, and 更正记录 when the accounts were corrected.
import Link from 'next/link';
import { beijingDateText } from '@/lib/beijing-date';
import type { PublishedAccounts } from '@/lib/data/public-accounts';

export const headingOf = (accounts: { departmentName: string; fiscalYear: number }) =>
  `${accounts.departmentName} ${accounts.fiscalYear} 年度部门决算`;

export function AccountsHeading({ accounts }: { accounts: PublishedAccounts }) {
  const publishedOn = accounts.document.publishedOn ?? beijingDateText(accounts.publishedAt);
  const approvedOn = beijingDateText(accounts.approvedAt) || '未记录';
  return (
    <header className="accounts-header">
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">全部部门决算</Link> › <Link href={`/${accounts.fiscalYear}/${accounts.districtSlug}`}>{accounts.district} {accounts.fiscalYear} 年度</Link>
      </nav>
      <h1>{headingOf(accounts)}</h1>
      <p className="dates">
        <span>批复日 {approvedOn}</span> / <span>公开日 {publishedOn}</span> / <span>数据截至 {accounts.fiscalYear} 年 12 月 31 日</span>
      </p>
      {accounts.publications.length > 1 && (
        <section className="corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">更正记录</h2>
          <p>本决算公开后经过更正，以下为各次公开：</p>
          <ol>
            {accounts.publications.map((p) => (
              <li key={p.version}>
                {beijingDateText(p.publishedAt)} 公开第 {p.version} 版
                {p.correctionReason ? `（更正原因：${p.correctionReason}）` : '（首次公开）'}
              </li>
            ))}
          </ol>
        </section>
      )}
    </header>
  );
}
