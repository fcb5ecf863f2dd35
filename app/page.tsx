// Home: every department's published final accounts, newest year first.
import Link from 'next/link';
import { formatAmount, parseAmount } from '@/lib/accounts/money';
import { listPublishedAccounts } from '@/lib/data/public-accounts';

// Published accounts change when the finance bureau publishes: always read them fresh.
export const dynamic = 'force-dynamic';

const inTenThousandYuan = (amount: string) => `${formatAmount(parseAmount(amount))} 万元`;

export default async function HomePage() {
  const accounts = await listPublishedAccounts();
  return (
    <>
      <h1>部门决算公开</h1>
      <p className="lead">各部门经批复的年度部门决算，按公开格式列示收入支出决算总表等九张决算表。</p>
      {accounts.length === 0 ? (
        <p className="empty-state">暂无已公开的部门决算。</p>
      ) : (
        // On a phone the listing scrolls sideways inside its frame, not the whole page.
        <div className="table-scroll">
          <table className="listing">
            <caption>已公开的部门决算</caption>
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">地区</th>
                <th scope="col">年度</th>
                <th scope="col">本年收入合计</th>
                <th scope="col">本年支出合计</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((listing) => (
                <tr key={listing.id}>
                  <th scope="row">
                    <Link href={`/accounts/${listing.id}`}>{listing.departmentName}</Link>
                  </th>
                  <td>{listing.district}</td>
                  <td className="row-number">{listing.fiscalYear}</td>
                  <td className="amount">{inTenThousandYuan(listing.incomeTotal)}</td>
                  <td className="amount">{inTenThousandYuan(listing.expenditureTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
