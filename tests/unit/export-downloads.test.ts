// What a download URL names and how the file is named: the whole accounts, the interchange JSON,
// each table as CSV or XLSX; readable Chinese names with an ASCII fallback (RFC 6266 / 5987).
import { describe, expect, it } from 'vitest';
import { accountsDownload, contentDisposition, interchangeJson } from '../../lib/export/downloads';
import { loadSeed } from './seed-document';

describe('accountsDownload', () => {
  const doc = loadSeed();

  it('gives the interchange document exactly as stored, pretty-printed', async () => {
    const file = await accountsDownload(doc, 'big-data-center', 'accounts.json');
    expect(file).toMatchObject({ contentType: 'application/json; charset=utf-8', fileName: '武汉市硚口区大数据中心2021年度部门决算.json', asciiFileName: 'big-data-center-2021-accounts.json' });
    expect(JSON.parse(String(file?.body))).toEqual(doc);
    expect(file?.body).toBe(interchangeJson(doc));
    expect(String(file?.body)).toContain('\n  "formatVersion": 2,\n');
  });

  it('names each table by its printed title', async () => {
    const csv = await accountsDownload(doc, 'big-data-center', 'expenditure.csv');
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: '武汉市硚口区大数据中心2021年度部门决算-支出决算表.csv', asciiFileName: 'big-data-center-2021-expenditure.csv' });
    const xlsx = await accountsDownload(doc, 'big-data-center', 'generalBudgetBasicExpenditure.xlsx');
    expect(xlsx?.fileName).toBe('武汉市硚口区大数据中心2021年度部门决算-一般公共预算财政拨款基本支出决算明细表.xlsx');
    // An XLSX file is a zip archive.
    expect([...(xlsx?.body as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('offers nothing else', async () => {
    for (const name of ['accounts.csv', 'expenditure.json', 'T3.csv', 'expenditure.pdf', '../accounts.json', 'constructor.csv', 'toString.xlsx']) {
      expect(await accountsDownload(doc, 'big-data-center', name), name).toBeNull();
    }
  });
});

describe('contentDisposition', () => {
  it('gives the Chinese name percent-encoded in filename* and the ASCII one in filename', () => {
    const header = contentDisposition('武汉市硚口区大数据中心2021年度部门决算-支出决算表（表3）.csv', 'big-data-center-2021-expenditure.csv');
    expect(header).toBe(`attachment; filename="big-data-center-2021-expenditure.csv"; filename*=UTF-8''${encodeURIComponent('武汉市硚口区大数据中心2021年度部门决算-支出决算表（表3）.csv')}`);
    const encoded = header.split("filename*=UTF-8''")[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('武汉市硚口区大数据中心2021年度部门决算-支出决算表（表3）.csv');
    expect(contentDisposition("a'(b)*.csv", 'x"y\\.csv')).toBe(`attachment; filename="x_y_.csv"; filename*=UTF-8''a%27%28b%29%2A.csv`);
  });
});
