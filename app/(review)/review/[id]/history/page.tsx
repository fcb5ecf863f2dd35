// 历史记录: every event of one accounts from the audit log, oldest first — who did what, when,
// and in a line what it changed. For the reviewers and admins of its district.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { readReview } from '@/lib/data/review-read';
import { historyAction, historyDetail } from '../../_lib/history';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '历史记录' };

interface Props {
  params: Promise<{ id: string }>;
}

const beijingTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export default async function HistoryPage({ params }: Props) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const { id } = await params;
  const result = await readReview(actor, id);
  if (!result.ok) {
    if (result.code === 'not_found' || result.code === 'invalid' || result.code === 'forbidden') notFound();
    throw new Error(result.message);
  }
  const { accounts, departmentName, history } = result.data;
  return (
    <>
      <p className="back-link"><Link href={`/review/${id}`}>← 返回审核</Link></p>
      <h1>{departmentName} {accounts.fiscalYear} 年度部门决算 · 历史记录</h1>
      <div className="table-scroll">
        <table className="listing history-table">
          <caption>共 {history.length} 条记录（北京时间）</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {history.map((event) => (
              <tr key={event.id}>
                <td className="row-number">{beijingTime.format(new Date(event.at))}</td>
                <td>{event.actorLabel}</td>
                <th scope="row">{historyAction(event.action)}</th>
                <td>{historyDetail(event.action, event.before, event.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
