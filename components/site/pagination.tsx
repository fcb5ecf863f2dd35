// Page links under a paginated listing: previous, the first and last pages, a window around the
// current one (aria-current="page"), next. Plain links, so they work without JavaScript.
import Link from 'next/link';

/** The page numbers to show, with null where pages are left out ("…"). */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= radius) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

interface Props {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}

export function Pagination({ page, pageCount, href }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="分页">
      <ul>
        <li>{page > 1 ? <Link href={href(page - 1)} rel="prev">上一页</Link> : <span className="pagination-off">上一页</span>}</li>
        {pageWindow(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link href={href(n)} aria-current={n === page ? 'page' : undefined} aria-label={`第 ${n} 页`}>
                {n}
              </Link>
            </li>
          ),
        )}
        <li>{page < pageCount ? <Link href={href(page + 1)} rel="next">下一页</Link> : <span className="pagination-off">下一页</span>}</li>
      </ul>
    </nav>
  );
}
