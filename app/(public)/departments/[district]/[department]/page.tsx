// One department across the years it has published: each year's main totals and the change from
// the year before, with links to each year's page. Cached like the department pages.
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { signedAmountText } from '@/components/site/figures';
import { formatAmountText } from '@/lib/accounts/money';
import { ScrollRegion } from '@/components/site/scroll-region';
import { PublicNotFound } from '@/components/site/public-not-found';
import { yearOverYear } from '@/lib/accounts/disclosure/comparison';
import { SUMMARY_LABELS, type AccountsSummary } from '@/lib/accounts/summary';
import { listPublishedYears } from '@/lib/data/public-accounts';

interface Props {
  params: Promise<{ district: string; department: string }>;
}

// None at build time (the build needs no database); each is rendered on its first visit, then cached.
export function generateStaticParams(): { district: string; department: string }[] {
  return [];
}

const loadYears = cache(listPublishedYears);

// The name in the newest published revision (its latest year's): a department renamed since is
// named as it was last published, not as it is called now.
const headingOf = (newest: { departmentName: string }) => `${newest.departmentName}历年部门决算`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { district, department } = await params;
  const newest = (await loadYears(district, department)).at(-1);
  return { title: newest ? headingOf(newest) : '未找到' };
}

const FIGURES = Object.keys(SUMMARY_LABELS) as (keyof AccountsSummary)[];

export default async function DepartmentYearsPage({ params }: Props) {
  const { district, department } = await params;
  const years = await loadYears(district, department);
  const newest = years.at(-1);
  if (!newest) return <PublicNotFound />;
  const rows = yearOverYear(years.map((y) => y.document));

  return (
    <article className="years-page">
      <Link href={`/?district=${newest.districtSlug}&q=${encodeURIComponent(newest.departmentName)}`} className="back-link">
        ← 查找部门决算
      </Link>
      <h1>{headingOf(newest)}</h1>
      <p className="lead">
        {newest.district} · 已公开 {years.length} 个年度 · 发布机关：{newest.financeBureauName}
      </p>
      <nav aria-label="各年度部门决算" className="year-links">
        <ul>
          {years.map((y) => (
            <li key={y.id}>
              <Link href={y.path}>
                {y.fiscalYear} 年度部门决算{y.departmentName !== newest.departmentName ? `（${y.departmentName}）` : ''}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section>
        <h2 id="years-title">主要数据及增减变化</h2>
        <ScrollRegion labelledBy="years-title">
          <table className="listing years-table" aria-labelledby="years-title">
            <thead>
              <tr>
                <th scope="col">项目</th>
                {rows.map((row) => [
                  <th key={row.fiscalYear} scope="col">
                    {row.fiscalYear} 年度
                  </th>,
                  row.change && (
                    <th key={`${row.fiscalYear}-change`} scope="col">
                      比 {row.change.priorFiscalYear} 年度增减
                    </th>
                  ),
                ])}
              </tr>
            </thead>
            <tbody>
              {FIGURES.map((key) => (
                <tr key={key}>
                  <th scope="row">{SUMMARY_LABELS[key]}</th>
                  {rows.map((row) => {
                    const change = row.change?.figures[key];
                    return [
                      <td key={row.fiscalYear} className="amount">
                        {formatAmountText(row.summary[key])}
                      </td>,
                      change && (
                        <td key={`${row.fiscalYear}-change`} className="amount">
                          {signedAmountText(change.amount)}
                          {change.percent !== null && <span className="change-rate">（{change.percent}）</span>}
                        </td>
                      ),
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="table-note">
          {years.length === 1 ? '本部门仅公开了一个年度的决算，暂无年度间比较。' : '增减为本年度决算数减上一公开年度决算数，括号内为增减率。'}
        </p>
      </section>
    </article>
  );
}
