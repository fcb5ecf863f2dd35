// 全区汇总 (/review/consolidation?year=2021): the district's approved and published department
// accounts summed in SQL (lib/data/consolidation.ts), checked by the same engine, in the published
// layout with drill-down to each department and a JSON download.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { consolidateDistrict } from '@/lib/data/consolidation';
import { ConsolidationView } from './_components/consolidation-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '全区汇总' };

interface Props {
  searchParams: Promise<{ year?: string | string[] }>;
}

export default async function ConsolidationPage({ searchParams }: Props) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role === 'ACCOUNTANT') notFound();
  const { year } = await searchParams;
  const fiscalYear = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : undefined;
  if (fiscalYear === undefined) redirect('/review');
  const result = await consolidateDistrict(actor, { fiscalYear });
  const back = <p className="back-link"><Link href={`/review?year=${fiscalYear}`}>← 决算审核</Link></p>;
  if (!result.ok) {
    return (
      <>
        {back}
        <h1>{fiscalYear} 年度全区汇总</h1>
        <p className="empty-state">{result.message}</p>
      </>
    );
  }
  const { document, members, findings } = result.data;
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  return (
    <div className="review-page">
      {back}
      <h1>{document.department.name} {fiscalYear} 年度</h1>
      <p className="entry-meta">
        <span>汇总 {members.length} 个部门（审核通过及已公开）</span>
        <span>审核：强制性问题 {blocking} 个，提示性问题 {findings.length - blocking} 个</span>
        <a href={`/review/consolidation/download?year=${fiscalYear}`} download>下载汇总数据（JSON）</a>
      </p>
      <ConsolidationView fiscalYear={fiscalYear} document={document} />
    </div>
  );
}
