// What the page offers to take away: the whole accounts as one workbook laid out as printed, the
// interchange JSON, each table as CSV and XLSX, the charts and the department's other years.
import type { Template } from '@/lib/accounts/templates';
import { tableTitle } from '@/components/accounts/table-frame';
import type { PublishedAccounts } from '@/lib/data/public-accounts';

export function Downloads({ accounts, template }: { accounts: PublishedAccounts; template: Template }) {
  const file = (name: string) => `${accounts.path}/download/${name}`;
  return (
    <section className="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">下载、图表与比较</h2>
      <ul>
        <li><a href={file('accounts.xlsx')} download>全部决算表（XLSX，按公开格式每表一页）</a></li>
        <li><a href={file('accounts.json')} download>交换格式数据（JSON）</a></li>
        <li><a href={`${accounts.path}/charts`}>图表：收支总体情况、收入结构、支出结构、财政拨款和支出功能分类</a></li>
        <li><a href={`/departments/${accounts.districtSlug}/${accounts.departmentSlug}`}>本部门历年决算比较</a></li>
      </ul>
      <details>
        <summary>单张决算表下载（CSV / XLSX）</summary>
        <ul className="table-downloads">
          {template.order.map((kind) => (
            <li key={kind}>
              {tableTitle(template, template.tables[kind], accounts.fiscalYear)}：
              <a href={file(`${kind}.csv`)} download>CSV</a> <a href={file(`${kind}.xlsx`)} download>XLSX</a>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
