// The landing page after sign-in. An accountant sees the final accounts of her departments, each
// with a link to fill it in (填报, while a draft or returned) or to read it (查看), and 开始填报
// for the years her departments can start; a reviewer or admin sees who they are.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { listEntryAccounts, listStartableYears } from '@/lib/data/entry-accounts';
import { StartYearButton } from './_components/start-year-button';

export const metadata: Metadata = { title: '我的部门决算' };

const ROLE_LABELS = { ACCOUNTANT: '部门会计', REVIEWER: '区财政局审核人员', ADMIN: '系统管理员' } as const;

/** The statuses in which the accountant changes figures (the workflow's isEditable, by label). */

export default async function EntryPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role !== 'ACCOUNTANT') {
    return (
      <>
        <h1>{actor.displayName}</h1>
        <p className="lead">
          您以{ROLE_LABELS[actor.role]}身份登录（{actor.email}）。
        </p>
        <p><Link href="/review">进入决算审核</Link></p>
        <p><Link href="/">查看已公开的部门决算</Link></p>
      </>
    );
  }
  const [accounts, startable] = await Promise.all([listEntryAccounts(actor), listStartableYears(actor)]);
  const starts = startable.flatMap((department) => department.fiscalYears.map((fiscalYear) => ({ ...department, fiscalYear })));
  return (
    <>
      <h1>我的部门决算</h1>
      <p className="lead">{actor.displayName}（{actor.email}）</p>
      {starts.length > 0 && (
        <section className="start-years" aria-labelledby="start-years-title">
          <h2 id="start-years-title">开始新年度填报</h2>
          <ul>
            {starts.map((start) => (
              <li key={`${start.departmentId}-${start.fiscalYear}`}>
                <span>{start.departmentName}</span>
                <StartYearButton departmentId={start.departmentId} departmentName={start.departmentName} fiscalYear={start.fiscalYear} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {accounts.length === 0 ? (
        <p className="empty-state">您所在的部门还没有部门决算。</p>
      ) : (
        <div className="table-scroll">
          <table className="listing">
            <caption>我的部门决算</caption>
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((item) => {
                const editable = item.isEditable;
                return (
                  <tr key={item.id}>
                    <th scope="row">{item.departmentName}</th>
                    <td className="row-number">{item.fiscalYear}</td>
                    <td className="status">{item.statusLabel}</td>
                    <td className="status">
                      <Link href={`/entry/${item.id}`} aria-label={`${editable ? '填报' : '查看'} ${item.departmentName} ${item.fiscalYear} 年度决算`}>
                        {editable ? '填报' : '查看'}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
