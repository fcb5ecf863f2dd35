// The home page's query string read leniently (a shared link never fails) and written back
// minimally, and the page links under the listing.
import { describe, expect, it } from 'vitest';
import { homeHref, readHomeQuery } from '@/components/site/home-query';
import { pageWindow } from '@/components/site/pagination';
import { MAX_QUERY_LENGTH } from '@/lib/data/public-accounts';

describe('readHomeQuery', () => {
  it('reads a search, a year, a district and a page', () => {
    expect(readHomeQuery({ q: ' 大数据  中心 ', year: '2021', district: 'qiaokou', page: '3' })).toEqual({ q: '大数据 中心', year: 2021, district: 'qiaokou', page: 3 });
  });

  it('ignores malformed values instead of failing', () => {
    expect(readHomeQuery({ q: '   ', year: '20x1', district: '../etc', page: '-2' })).toEqual({ q: undefined, year: undefined, district: undefined, page: 1 });
    expect(readHomeQuery({ year: '99999', district: 'Qiaokou', page: '1e9' })).toEqual({ q: undefined, year: undefined, district: undefined, page: 1 });
    expect(readHomeQuery({ page: '0' }).page).toBe(1);
    // NUL would make PostgreSQL refuse the search (a 500); control characters are never in a name.
    expect(readHomeQuery({ q: '大数据\u0000中心\u0007' }).q).toBe('大数据 中心');
    expect(readHomeQuery({ q: '\u0000' }).q).toBeUndefined();
  });

  it('takes the first of repeated values and bounds the search length', () => {
    expect(readHomeQuery({ year: ['2024', '2021'], district: ['putuo', 'qiaokou'] })).toMatchObject({ year: 2024, district: 'putuo' });
    // The data layer's bound, so that the form, the page and the API agree.
    expect(readHomeQuery({ q: '财'.repeat(120) }).q).toHaveLength(MAX_QUERY_LENGTH);
    expect(MAX_QUERY_LENGTH).toBe(100);
  });
});

describe('homeHref', () => {
  it('writes only what is set, and no page for the first page', () => {
    expect(homeHref({})).toBe('/');
    expect(homeHref({ page: 1 })).toBe('/');
    expect(homeHref({ q: '财政局', year: 2024, district: 'putuo', page: 2 })).toBe('/?q=%E8%B4%A2%E6%94%BF%E5%B1%80&year=2024&district=putuo&page=2');
  });

  it('round-trips through readHomeQuery', () => {
    const query = { q: '规划 & 自然资源', year: 2024, district: 'putuo', page: 4 };
    const params = Object.fromEntries(new URLSearchParams(homeHref(query).slice(2)));
    expect(readHomeQuery(params)).toEqual(query);
  });
});

describe('pageWindow', () => {
  it('shows every page of a short listing', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the first, the last and two either side of the current page, with gaps between', () => {
    // 1,000 departments at 20 a page.
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, null, 50]);
    expect(pageWindow(25, 50)).toEqual([1, null, 23, 24, 25, 26, 27, null, 50]);
    expect(pageWindow(50, 50)).toEqual([1, null, 48, 49, 50]);
    expect(pageWindow(4, 50)).toEqual([1, 2, 3, 4, 5, 6, null, 50]);
  });
});
