// The home page's content: every department's published final accounts, newest year first; search
// by department name, filter by year and district (a plain GET form, so it works without
// JavaScript), 20 a page (paginated in SQL). Rendered by the home page for a search or filter, and
// by the cached listing pages (/list/{page}) for the plain listing.
import Link from 'next/link';
import { formatAmountText } from '@/lib/accounts/money';
import { listPublicFacets, listPublishedAccounts, MAX_QUERY_LENGTH } from '@/lib/data/public-accounts';
import { homeHref, type HomeQuery } from './home-query';
import { Pagination } from './pagination';
import { ScrollRegion } from './scroll-region';
import { SiteMain } from './site-main';

export async function HomeView({ query }: { query: HomeQuery }) {
  // A page past the last one is the last one (listPublishedAccounts clamps it); 20 a page, its default.
  const [facets, result] = await Promise.all([listPublicFacets(), listPublishedAccounts(query)]);
  const filters = { q: query.q, year: query.year, district: query.district };
  const isFiltered = Boolean(query.q || query.year || query.district);
  const districtName = facets.districts.find((d) => d.slug === query.district)?.name;

  return (
    <SiteMain>
      <h1>部门决算公开</h1>
      <p className="lead">各区各部门经批复的年度部门决算：决算表、情况说明、绩效自评，可下载表格和开放数据。</p>

      <form method="get" action="/" role="search" aria-label="查找部门决算" className="search-form">
        <div className="search-field search-name">
          <label htmlFor="search-q">部门名称</label>
          <input id="search-q" type="search" name="q" defaultValue={query.q} maxLength={MAX_QUERY_LENGTH} placeholder="如：大数据中心" />
        </div>
        <div className="search-field">
          <label htmlFor="search-year">年度</label>
          <select id="search-year" name="year" defaultValue={query.year ?? ''}>
            <option value="">全部年度</option>
            {facets.years.map((year) => (
              <option key={year} value={year}>
                {year} 年度
              </option>
            ))}
          </select>
        </div>
        <div className="search-field">
          <label htmlFor="search-district">地区</label>
          <select id="search-district" name="district" defaultValue={query.district ?? ''}>
            <option value="">全部地区</option>
            {facets.districts.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="search-button">
          查询
        </button>
        {isFiltered && (
          <Link href="/" className="search-reset">
            清除条件
          </Link>
        )}
      </form>

      <nav className="facet-links" aria-label="按地区和年度浏览">
        <p>
          <span className="facet-label">地区：</span>
          {facets.districts.map((d) => (
            <Link key={d.slug} href={homeHref({ ...filters, district: d.slug })} aria-current={d.slug === query.district ? 'true' : undefined}>
              {d.name}
            </Link>
          ))}
        </p>
        <p>
          <span className="facet-label">年度：</span>
          {facets.years.map((year) => (
            <Link key={year} href={homeHref({ ...filters, year })} aria-current={year === query.year ? 'true' : undefined}>
              {year}
            </Link>
          ))}
        </p>
      </nav>

      {query.year !== undefined && districtName !== undefined && result.total > 0 && (
        <p className="district-link">
          <Link href={`/${query.year}/${query.district}`}>
            {districtName} {query.year} 年度各部门决算汇总与比较 →
          </Link>
        </p>
      )}

      <p className="result-count">
        {isFiltered ? '符合条件的' : '已公开的'}部门决算共 {result.total} 个
        {result.pageCount > 1 && `，第 ${result.page} / ${result.pageCount} 页`}
      </p>

      {result.items.length === 0 ? (
        <p className="empty-state">{isFiltered ? '没有符合条件的部门决算，请换个部门名称或清除条件。' : '暂无已公开的部门决算。'}</p>
      ) : (
        // On a phone the listing scrolls sideways inside its frame (reachable by keyboard), not the whole page.
        <ScrollRegion label="已公开的部门决算（可横向滚动）">
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
              {result.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link href={item.path}>{item.departmentName}</Link>
                  </th>
                  <td>
                    <Link href={`/${item.fiscalYear}/${item.districtSlug}`}>{item.district}</Link>
                  </td>
                  <td className="row-number">{item.fiscalYear}</td>
                  <td className="amount">{`${formatAmountText(item.incomeTotal)} 万元`}</td>
                  <td className="amount">{`${formatAmountText(item.expenditureTotal)} 万元`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(page) => homeHref({ ...filters, page })} />
    </SiteMain>
  );
}
