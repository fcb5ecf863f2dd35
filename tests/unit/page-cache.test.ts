// The published pages kept without scripts (lib/page-cache.mjs): which cache keys, and what
// stays of a page shaped as Next renders it.
import { describe, expect, it } from 'vitest';
import { isPublicPage, isScriptFreePage, pathOfKey, stripScripts } from '../../lib/page-cache-rules.mjs';

const key = (path: string) => `/route-cache/APP_PAGE/d1c2c96441736d2c/$${path}`;

describe('which pages are kept without scripts', () => {
  it('takes the path from the cache key', () => {
    expect(pathOfKey(key('/2021/qiaokou/big-data-center'))).toBe('/2021/qiaokou/big-data-center');
    expect(pathOfKey('/2021/qiaokou')).toBe('/2021/qiaokou');
  });

  it('keeps the department, district, years and listing pages without scripts, not the charts or anything else', () => {
    for (const path of ['/2021/qiaokou/big-data-center', '/2024/putuo', '/departments/qiaokou/big-data-center', '/list/1', '/list/50']) {
      expect(isScriptFreePage(key(path)), path).toBe(true);
    }
    for (const path of ['/2021/qiaokou/big-data-center/charts', '/login', '/entry', '/review/abc', '/', '/2021', '/list/x', '/2021/qiaokou/big-data-center/download/accounts.json']) {
      expect(isScriptFreePage(key(path)), path).toBe(false);
    }
  });

  it('knows the public pages, whose 404s are not kept', () => {
    expect(isPublicPage(key('/2021/qiaokou/big-data-center/charts'))).toBe(true);
    expect(isPublicPage(key('/2021/qiaokou/made-up'))).toBe(true);
    for (const path of ['/_not-found', '/login', '/entry/x', '/2021/qiaokou/big-data-center/charts/x']) expect(isPublicPage(key(path)), path).toBe(false);
  });
});

describe('a page without its scripts', () => {
  const page = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
    '<link rel="stylesheet" href="/_next/static/chunks/2gf6.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/turbopack-07.js"/>',
    '<link rel="modulepreload" href="/_next/static/chunks/39_j.js"/>',
    '<script src="/_next/static/chunks/39_j.js" async=""></script>',
    '<title>武汉市硚口区大数据中心 2021 年度部门决算</title></head><body>',
    '<table><caption>收入支出决算总表</caption><tr><td id="c-incomeExpenditureSummary-incomeTotal-income">2,882.93</td></tr></table>',
    '<script>self.__next_f.push([1,"2:[\\"$\\",\\"td\\",null,{\\"children\\":\\"2,882.93\\"}]\\u003c/script\\u003e"])</script>',
    '<script id="_R_">self.__next_f.push([1,"3:[]"])</script>',
    '</body></html>',
  ].join('');

  it('has the content, the styles and the icon, and no script or script preload', () => {
    const kept = stripScripts(page);
    expect(kept).toBe([
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/2gf6.css" data-precedence="next"/>',
      '<title>武汉市硚口区大数据中心 2021 年度部门决算</title></head><body>',
      '<table><caption>收入支出决算总表</caption><tr><td id="c-incomeExpenditureSummary-incomeTotal-income">2,882.93</td></tr></table>',
      '</body></html>',
    ].join(''));
    expect(kept).not.toMatch(/<script|__next_f|as="script"/i);
  });

  it('leaves a page without scripts as it is', () => {
    const plain = '<html lang="zh-CN"><body><p>没有找到这个页面</p></body></html>';
    expect(stripScripts(plain)).toBe(plain);
  });
});
