// The reviewer's dashboard (/review?year=2021): every department of the district for one year.
// Without a year it opens the latest year in which any department of the district has accounts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { TEMPLATES } from '@/lib/accounts/templates';
import { currentActor } from '@/lib/auth';
import type { Actor } from '@/lib/data/actor';
import { listDistrictAccounts } from '@/lib/data/review-dashboard';
import { DashboardTable } from './_components/dashboard-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '决算审核' };

/** The years accounts can be kept for: those of the templates, newest first. */
const YEARS = [...new Set(TEMPLATES.map((t) => t.fiscalYear))].sort((a, b) => b - a);

interface Props {
  searchParams: Promise<{ year?: string | string[] }>;
}

async function load(actor: Actor, asked: number | undefined) {
  if (asked !== undefined) return { fiscalYear: asked, result: await listDistrictAccounts(actor, { fiscalYear: asked }) };
  // A handful of years at most: the newest with any accounts, else the newest.
  for (const fiscalYear of YEARS) {
    const result = await listDistrictAccounts(actor, { fiscalYear });
    if (!result.ok || result.data.some((row) => row.finalAccountsId)) return { fiscalYear, result };
  }
  const fiscalYear = YEARS[0] ?? new Date().getFullYear() - 1;
  return { fiscalYear, result: await listDistrictAccounts(actor, { fiscalYear }) };
}

export default async function ReviewDashboardPage({ searchParams }: Props) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role === 'ACCOUNTANT') notFound();
  const { year } = await searchParams;
  const asked = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : undefined;
  const { fiscalYear, result } = await load(actor, asked);
  if (!result.ok && result.code !== 'forbidden') throw new Error(result.message);
  const years = YEARS.includes(fiscalYear) ? YEARS : [fiscalYear, ...YEARS];

  return (
    <>
      <h1>决算审核</h1>
      <p className="lead">{actor.displayName}（{actor.email}）· 本区各部门的部门决算，批复后 20 日内须公开。</p>
      <nav className="year-picker" aria-label="年度">
        <span>年度：</span>
        <ul>
          {years.map((y) => (
            <li key={y}>
              <Link href={`/review?year=${y}`} aria-current={y === fiscalYear ? 'page' : undefined}>{y} 年度</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p><Link href={`/review/consolidation?year=${fiscalYear}`}>{fiscalYear} 年度全区汇总</Link>（审核通过及已公开的决算，可按部门查看构成、下载）</p>
      <p><Link href="/review/import">导入已公开的决算</Link>（从公开 PDF 提取的文字，一次可导入全区多份）</p>
      {result.ok ? <DashboardTable rows={result.data} fiscalYear={fiscalYear} /> : <p className="empty-state">{result.message}</p>}
    </>
  );
}
