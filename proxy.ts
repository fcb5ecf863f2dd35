// Three kinds of address are handled here, before any page is rendered; every other request never
// enters the proxy (see the matcher), so the cached public pages pay nothing for it.
// - The home page's plain listing, / and /?page=N: rewritten to the cached /list/{N}; a search or a
//   filter stays on the home page, rendered per request.
// - A path whose %-encoding does not decode (/%ZZ, /accounts/%E0%A4%A): 400 with a short page
//   (JSON under /api), instead of the 500 Next.js gives when it fails to decode a dynamic route's
//   parameters. The matcher lets through only paths that contain a "%".
// - The old address of published accounts, /accounts/{uuid}: a permanent redirect to the readable
//   one; unknown, malformed or unpublished ids get the site's 404 page. Done here rather than in a
//   page because Next.js does not server-render not-found.tsx for notFound() thrown by a page
//   rendered per request (vercel/next.js#62228: an empty shell without lang or text), and a
//   prerendered page's redirect sends its Location header twice on the first request; a rewrite
//   to an address with no page renders not-found.tsx on the server with the 404 status.
import { NextResponse, type NextRequest } from 'next/server';
import { getPublishedAccounts } from '@/lib/data/public-accounts';

const BAD_REQUEST_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网址有误 · 决算公开</title></head>
<body><main><h1>网址有误</h1><p>网址中有无法识别的字符编码（400）。请检查网址，或返回<a href="/">首页</a>查找已公开的部门决算。</p></main></body></html>
`;

const OLD_ADDRESS = /^\/accounts\/([^/]+)\/?$/;
/** An address with no page of its own: rewriting to it renders the root not-found.tsx, status 404. */
const NOT_FOUND = '/accounts';

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function badRequest(path: string): NextResponse {
  // The read-only API answers in JSON, as it does for its other malformed requests.
  if (path.startsWith('/api/')) return NextResponse.json({ error: '网址中有无法识别的字符编码' }, { status: 400 });
  return new NextResponse(BAD_REQUEST_PAGE, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function oldAddress(id: string, request: NextRequest): Promise<NextResponse> {
  const accounts = await getPublishedAccounts(id);
  if (accounts) return NextResponse.redirect(new URL(accounts.path, request.url), 308);
  return NextResponse.rewrite(new URL(NOT_FOUND, request.url));
}

/** /list/{N} for the plain listing; undefined for a search, a filter or anything else in the query. */
function listingPage(search: URLSearchParams): string | undefined {
  // _rsc only keys the browser's cache of a client-side navigation; the search form sends the
  // fields left blank as empty values.
  const keys = [...search.entries()].filter(([key, value]) => key !== '_rsc' && value !== '').map(([key]) => key);
  if (keys.length === 0) return '/list/1';
  const page = search.get('page');
  if (keys.length === 1 && keys[0] === 'page' && page !== null && /^\d{1,6}$/.test(page)) return `/list/${page}`;
  return undefined;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  if (path === '/') {
    const listing = listingPage(request.nextUrl.searchParams);
    return listing ? NextResponse.rewrite(new URL(listing, request.url)) : NextResponse.next();
  }
  if (!isDecodable(path)) return badRequest(path);
  const id = OLD_ADDRESS.exec(path)?.[1];
  if (id !== undefined) return oldAddress(decodeURIComponent(id), request);
  return NextResponse.next();
}

export const config = {
  matcher: ['/', '/((?!_next/static/).*%.*)', '/accounts/:id'],
};
