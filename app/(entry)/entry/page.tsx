// The landing page after sign-in. An accountant sees the final accounts of her departments
// (read-only: the entry screens come later); a reviewer or admin sees who they are.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { listEntryAccounts } from '@/lib/data/entry-accounts';

export const metadata: Metadata = { title: '我的部门决算' };

const ROLE_LABELS = { ACCOUNTANT: '部门会计', REVIEWER: '区财政局审核人员', ADMIN: '系统管理员' } as const;

export default async function EntryPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role !== 'ACCOUNTANT') {
    return (
      <>
        <h1>{actor.displayName}</h1>
        <p className="lead">
          您以{ROLE_LABELS[actor.role]}身份登录（{actor.email}）。审核与管理功能尚在建设中。
        </p>
        <Link href="/">查看已公开的部门决算</Link>
      </>
    );
  }
  const accounts = await listEntryAccounts(actor);
  return (
    <>
      <h1>我的部门决算</h1>
      <p className="lead">
        {actor.displayName}（{actor.email}）。填报功能尚在建设中，目前可查看各年度部门决算的状态。
      </p>
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
              </tr>
            </thead>
            <tbody>
              {accounts.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.departmentName}</th>
                  <td className="row-number">{item.fiscalYear}</td>
                  <td className="status">{item.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
