// Malformed addresses: a path whose %-encoding does not decode (/%ZZ, /accounts/%E0%A4%A) is
// answered 400 with a short page (JSON under /api), instead of the 500 Next.js gives when it
// fails to decode a dynamic route's parameters. The matcher only lets through paths containing a
// "%", so ordinary requests (pages, _next/static) never enter the proxy and pay nothing for it.
import { NextResponse, type NextRequest } from 'next/server';

const BAD_REQUEST_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网址有误 · 决算公开</title></head>
<body><main><h1>网址有误</h1><p>网址中有无法识别的字符编码（400）。请检查网址，或返回<a href="/">首页</a>查找已公开的部门决算。</p></main></body></html>
`;

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (isDecodable(path)) return NextResponse.next();
  // The read-only API answers in JSON, as it does for its other malformed requests.
  if (path.startsWith('/api/')) return NextResponse.json({ error: '网址中有无法识别的字符编码' }, { status: 400 });
  return new NextResponse(BAD_REQUEST_PAGE, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

export const config = {
  matcher: ['/((?!_next/static/).*%.*)'],
};
