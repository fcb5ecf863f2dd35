// A department's charts for one year (/2021/qiaokou/big-data-center/charts): 图1–图4 and the
// expenditure treemap, each with its caption and its data as a table. The only public page with
// a client component, so the department page itself stays plain HTML (lib/page-cache.mjs) and
// the charts' code loads only here. Cached like the department page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { DepartmentCharts } from '@/components/disclosure/charts/department-charts';
import { PublicNotFound } from '@/components/site/public-not-found';
import { departmentChartData } from '@/lib/accounts/disclosure/charts';
import { templateFor } from '@/lib/accounts/templates';
import { headingOf } from '../_components/accounts-heading';
import { loadDepartmentYear, type DepartmentYearParams } from '../_components/load-accounts';

export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string; district: string; department: string }[] {
  return [];
}

export async function generateMetadata(props: DepartmentYearParams): Promise<Metadata> {
  const accounts = await loadDepartmentYear(props);
  return { title: accounts ? `图表 · ${headingOf(accounts)}` : '未找到' };
}

export default async function DepartmentChartsPage(props: DepartmentYearParams) {
  const accounts = await loadDepartmentYear(props);
  if (!accounts) return <PublicNotFound />;
  const { document } = accounts;
  return (
    <article className="disclosure">
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">全部部门决算</Link> › <Link href={`/${accounts.fiscalYear}/${accounts.districtSlug}`}>{accounts.district} {accounts.fiscalYear} 年度</Link> ›{' '}
        <Link href={accounts.path}>{accounts.departmentName}</Link>
      </nav>
      <h1>{headingOf(accounts)} · 图表</h1>
      <p className="lead">
        图中数字均取自<Link href={accounts.path}>已公开的决算表</Link>，每幅图下可展开其数据表。金额单位：万元。
      </p>
      <DepartmentCharts data={departmentChartData(document, templateFor(document.template))} />
    </article>
  );
}
