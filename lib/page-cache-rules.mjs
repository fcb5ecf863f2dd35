// Which cached pages are stored without scripts, and how (lib/page-cache.mjs). Pure.
import { SLUG_SOURCE } from './slug.mjs';

/** The page's path in a cache key: "/route-cache/APP_PAGE/<hash>/$/2021/qiaokou" → "/2021/qiaokou". */
export function pathOfKey(key) {
  const marker = key.indexOf('/$/');
  return marker === -1 ? key : key.slice(marker + 2);
}

// The public pages without a client component: a district's year, a department's year, a
// department's years and the home listing's pages. Not a department's charts, which hydrate.
const SCRIPT_FREE = [
  new RegExp(`^/\\d{4}/${SLUG_SOURCE}$`),
  new RegExp(`^/\\d{4}/${SLUG_SOURCE}/${SLUG_SOURCE}$`),
  new RegExp(`^/departments/${SLUG_SOURCE}/${SLUG_SOURCE}$`),
  /^\/list\/\d+$/,
];
const CHARTS = new RegExp(`^/\\d{4}/${SLUG_SOURCE}/${SLUG_SOURCE}/charts$`);

/** Whether the cache key names a public page (the script-free ones and a department's charts). */
export const isPublicPage = (key) => isScriptFreePage(key) || CHARTS.test(pathOfKey(key));

/** Whether the page this cache key names is kept without scripts. */
export const isScriptFreePage = (key) => SCRIPT_FREE.some((pattern) => pattern.test(pathOfKey(key)));

/**
 * The HTML without its <script> elements and the <link>s that preload scripts. Next escapes
 * "</" inside its inline scripts, so the first "</script>" after an opening tag closes it.
 */
export function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '');
}
