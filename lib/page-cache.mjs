// Next.js's own incremental (file-system) cache, with one change for the published pages that
// have no client component (the department, district, year-on-year and home listing pages):
// they are stored without their scripts, and served as bytes.
// - Without scripts: Next renders every App Router page with the React payload inlined beside
//   the HTML (`self.__next_f.push(…)`), a second copy of the whole document that only hydration
//   reads. A published department page is 510 KB, 325 KB of it that copy; stored without it, it
//   is 183 KB of plain HTML and CSS, the same content, with no JavaScript to run. Links are
//   plain links; a client-side navigation into such a page fetches its payload separately
//   (rscData, kept), so it works as before. The first visitor gets the page as rendered.
// - As bytes: a cached page kept as a string is encoded to UTF-8 again for every response,
//   which, for pages that are mostly Chinese text, cost more than everything else Next does to
//   serve it (docs/PERFORMANCE.md); a Buffer is written as it is.
// - Not found: a public address that names nothing published is not kept, nor a route
//   handler's error (see set).
// Loaded by `next start` itself (next.config.js `cacheHandler`), so plain JavaScript.
import { createRequire } from 'node:module';
import { isPublicPage, isScriptFreePage, stripScripts } from './page-cache-rules.mjs';

const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

const isPage = (value) => value != null && value.kind === 'APP_PAGE';

export default class PublishedPageCache extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    const value = entry?.value;
    // Read from disk it is a string again; the entry stays in the memory cache as bytes.
    if (isPage(value) && typeof value.html === 'string' && isScriptFreePage(key)) value.html = Buffer.from(value.html, 'utf8');
    return entry;
  }

  async set(key, data, ctx) {
    // A public address that names nothing published is rendered each time rather than kept:
    // kept, every made-up address (/2021/qiaokou/a1, /a2, …) would add a file until the next
    // publication.
    if (isPage(data) && data.status === 404 && isPublicPage(key)) return;
    // Nor is a route handler's error (a download's or the API's 400, 404 or 500): only answers.
    if (data != null && data.kind === 'APP_ROUTE' && (data.status ?? 200) >= 400) return;
    if (isPage(data) && typeof data.html === 'string' && isScriptFreePage(key)) {
      return super.set(key, { ...data, html: Buffer.from(stripScripts(data.html), 'utf8') }, ctx);
    }
    return super.set(key, data, ctx);
  }
}
