// A district's year: the consolidated totals of its departments' published accounts, expenditure
// by department and by functional class, and the departments compared (三公经费 and 机关运行经费
// per member of staff, budget completion, average self-evaluation score). Rendered once on its
// first visit and served from the cache; revalidatePublicPages() refreshes it on publication.
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { orDash } from '@/components/site/figures';
import { formatAmountText } from '@/lib/accounts/money';
import { ScrollRegion } from '@/components/site/scroll-region';
import { PublicNotFound } from '@/components/site/public-not-found';
import { districtComparison, districtTotals, type DistrictTotals } from '@/lib/accounts/disclosure/comparison';
import { SUMMARY_LABELS, type AccountsSummary } from '@/lib/accounts/summary';
import { getPublishedDistrict, parsePublicPath } from '@/lib/data/public-accounts';

interface Props {
  params: Promise<{ year: string; district: string }>;
}

// None at build time (the build needs no database); each is rendered on its first visit, then cached.
export function generateStaticParams(): { year: string; district: string }[] {
  return [];
}

// generateMetadata and the page share one read per render.
const loadDistrict = cache(async (year: string, district: string) => {
  const path = parsePublicPath({ year, district });
  if (!path.ok || path.year === undefined || path.district === undefined) return null;
  return getPublishedDistrict(path.year, path.district);
});

const headingOf = (district: { name: string; fiscalYear: number }) => `${district.name} ${district.fiscalYear} 年度部门决算汇总`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, district } = await params;
  const found = await loadDistrict(year, district);
  return { title: found ? headingOf(found) : '未找到' };
}

const TOTAL_KEYS: (keyof AccountsSummary)[] = [
  'incomeTotal',
  'expenditureTotal',
  'basicExpenditure',
  'projectExpenditure',
  'personnelCosts',
  'operatingCosts',
  'threePublicExpensesBudget',
  'threePublicExpensesActual',
  'procurementTotal',
];

/** 100% at the precision the shares are printed with ("100.0%" beside "4.4%"). */
const wholeShare = (share: string | undefined): string => `${(100).toFixed(share?.split('.')[1]?.replace('%', '').length ?? 0)}%`;

/** Members of other layouts cannot be summed cell by cell; the page then says so instead of failing. */
function totalsOrNull(members: Parameters<typeof districtTotals>[0]): DistrictTotals | null {
  try {
    return districtTotals(members);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export default async function DistrictPage({ params }: Props) {
  const { year, district: slug } = await params;
  const district = await loadDistrict(year, slug);
  if (!district) return <PublicNotFound />;
  const members = district.members.map((m) => ({ departmentName: m.departmentName, document: m.document }));
  const totals = totalsOrNull(members);
  const comparison = districtComparison(members);
  const openData = `/${district.fiscalYear}/${district.slug}/open-data/datapackage.json`;

  return (
    <article className="district-page">
      <Link href={`/?year=${district.fiscalYear}&district=${district.slug}`} className="back-link">
        ← {district.name} {district.fiscalYear} 年度各部门决算
      </Link>
      <h1>{headingOf(district)}</h1>
      <p className="lead">
        {district.name}已公开 {district.fiscalYear} 年度部门决算的 {district.members.length} 个部门之汇总与比较。发布机关：{district.financeBureauName}。
      </p>
      <p className="download-links">
        <a href={openData} type="application/json">
          开放数据（Fiscal Data Package：datapackage.json 及 CSV）
        </a>
      </p>

      <section>
        <h2 id="totals-title">全区汇总</h2>
        {totals === null ? (
          <p className="empty-state">各部门决算的报表格式不同，不能逐项汇总。</p>
        ) : (
          <dl className="key-figures">
            {TOTAL_KEYS.map((key) => (
              <div key={key}>
                <dt>{SUMMARY_LABELS[key]}</dt>
                <dd>{formatAmountText(totals.summary[key])}</dd>
              </div>
            ))}
            <div>
              <dt>机关运行经费</dt>
              <dd>{formatAmountText(totals.agencyOperatingCosts)}</dd>
            </div>
            {totals.staff !== null && (
              <div>
                <dt>在职实有人数</dt>
                <dd>{totals.staff} 人</dd>
              </div>
            )}
          </dl>
        )}
      </section>

      <section>
        <h2 id="by-department-title">各部门支出</h2>
        <ScrollRegion labelledBy="by-department-title">
          <table className="listing" aria-labelledby="by-department-title">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">本年支出合计</th>
                <th scope="col">基本支出</th>
                <th scope="col">项目支出</th>
                {totals && <th scope="col">占全区支出</th>}
                <th scope="col">历年</th>
              </tr>
            </thead>
            <tbody>
              {district.members.map((member, i) => {
                const metrics = comparison[i];
                return (
                  <tr key={member.id}>
                    <th scope="row">
                      <Link href={member.path}>{member.departmentName}</Link>
                    </th>
                    <td className="amount">{metrics && formatAmountText(metrics.expenditureTotal)}</td>
                    <td className="amount">{metrics && formatAmountText(metrics.basicExpenditure)}</td>
                    <td className="amount">{metrics && formatAmountText(metrics.projectExpenditure)}</td>
                    {totals && <td className="amount">{totals.byDepartment[i]?.share}</td>}
                    <td>
                      <Link href={`/departments/${member.districtSlug}/${member.departmentSlug}`} aria-label={`${member.departmentName}历年决算`}>
                        历年
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            {totals && (
              <tfoot>
                <tr className="total">
                  <th scope="row">合计</th>
                  <td className="amount">{formatAmountText(totals.summary.expenditureTotal)}</td>
                  <td className="amount">{formatAmountText(totals.summary.basicExpenditure)}</td>
                  <td className="amount">{formatAmountText(totals.summary.projectExpenditure)}</td>
                  <td className="amount">{wholeShare(totals.byDepartment[0]?.share)}</td>
                  <td />
                </tr>
              </tfoot>
            )}
          </table>
        </ScrollRegion>
      </section>

      {totals && (
        <section>
          <h2 id="by-class-title">按支出功能分类（类）</h2>
          <ScrollRegion labelledBy="by-class-title">
            <table className="listing" aria-labelledby="by-class-title">
              <thead>
                <tr>
                  <th scope="col">科目编码</th>
                  <th scope="col">科目名称</th>
                  <th scope="col">合计</th>
                  <th scope="col">基本支出</th>
                  <th scope="col">项目支出</th>
                  <th scope="col">占比</th>
                </tr>
              </thead>
              <tbody>
                {totals.byClass.map((row) => (
                  <tr key={row.code}>
                    <td className="code">{row.code}</td>
                    <th scope="row">{row.name}</th>
                    <td className="amount">{formatAmountText(row.total)}</td>
                    <td className="amount">{formatAmountText(row.basic)}</td>
                    <td className="amount">{formatAmountText(row.project)}</td>
                    <td className="amount">{row.share}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}

      <section>
        <h2 id="comparison-title">部门比较</h2>
        <ScrollRegion labelledBy="comparison-title">
          <table className="listing comparison" aria-labelledby="comparison-title">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">在职实有人数</th>
                <th scope="col">“三公”经费</th>
                <th scope="col">人均“三公”经费</th>
                <th scope="col">机关运行经费</th>
                <th scope="col">人均机关运行经费</th>
                <th scope="col">一般公共预算财政拨款支出</th>
                <th scope="col">年初预算</th>
                <th scope="col">预算完成率</th>
                <th scope="col">绩效自评平均得分</th>
              </tr>
            </thead>
            <tbody>
              {comparison.map((m, i) => (
                <tr key={district.members[i]?.id ?? m.departmentName}>
                  <th scope="row">{m.departmentName}</th>
                  <td className="amount">{orDash(m.staff)}</td>
                  <td className="amount">{formatAmountText(m.threePublicExpenses)}</td>
                  <td className="amount">{m.threePublicExpensesPerStaff === null ? '—' : formatAmountText(m.threePublicExpensesPerStaff)}</td>
                  <td className="amount">{formatAmountText(m.agencyOperatingCosts)}</td>
                  <td className="amount">{m.agencyOperatingCostsPerStaff === null ? '—' : formatAmountText(m.agencyOperatingCostsPerStaff)}</td>
                  <td className="amount">{formatAmountText(m.generalBudgetExpenditure)}</td>
                  <td className="amount">{formatAmountText(m.initialBudget)}</td>
                  <td className="amount">{orDash(m.budgetCompletion)}</td>
                  <td className="amount">{orDash(m.averageSelfEvaluationScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="table-note">
          人均数为决算数除以在职实有人数（万元/人）；预算完成率为一般公共预算财政拨款支出决算数占年初预算的比例；“—”表示决算未列示该项（如未列示人员数）。
        </p>
      </section>
    </article>
  );
}
