// One department's published final accounts, in the layout of its template (Hubei, Shanghai).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AccountsTables } from '@/components/accounts/accounts-tables';
import { tableTitle } from '@/components/accounts/table-frame';
import { templateFor } from '@/lib/accounts/templates';
import { beijingDateText } from '@/lib/beijing-date';
import { getPublishedAccounts } from '@/lib/data/public-accounts';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

// generateMetadata and the page share one read per request.
const loadPublishedAccounts = cache(getPublishedAccounts);

const headingOf = (accounts: { departmentName: string; fiscalYear: number }) =>
  `${accounts.departmentName} ${accounts.fiscalYear} 年度部门决算`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const accounts = await loadPublishedAccounts((await params).id);
  return { title: accounts ? headingOf(accounts) : '未找到' };
}

export default async function PublishedAccountsPage({ params }: Props) {
  const accounts = await loadPublishedAccounts((await params).id);
  if (!accounts) notFound();
  const { document } = accounts;
  const publishedOn = document.publishedOn ?? accounts.publishedAt.slice(0, 10);
  const template = templateFor(document.template);

  return (
    <article>
      <Link href="/" className="back-link">← 全部已公开的部门决算</Link>
      <h1>{headingOf(accounts)}</h1>
      <p className="lead">
        {accounts.district} · 公开日期 {publishedOn} · 第 {accounts.version} 版
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
      <nav className="table-nav" aria-label="决算表目录">
        <ol>
          {template.order.map((kind) => (
            <li key={kind}>
              <a href={`#${kind}`}>{tableTitle(template, template.tables[kind], document.fiscalYear)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <AccountsTables document={document} />
    </article>
  );
}
