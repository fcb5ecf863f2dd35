// The files a department-year page offers, by the name in its URL: accounts.xlsx (the whole
// accounts, one sheet per table), accounts.json (the interchange document as published),
// {tableKind}.csv and {tableKind}.xlsx. Each comes with a readable Chinese file name and an
// ASCII one for clients that do not read RFC 5987 (Content-Disposition filename*).
import type { TFinalAccounts } from '../accounts/schema';
import { TABLE_KINDS, templateFor, type TableKind } from '../accounts/templates';
import { tableCsv } from './csv';
import { accountsWorkbook, tableWorkbook } from './xlsx';

export interface DownloadFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** "武汉市硚口区大数据中心2021年度部门决算-支出决算表.csv" */
  fileName: string;
  /** "big-data-center-2021-expenditure.csv" */
  asciiFileName: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = /^(accounts|[A-Za-z]+)\.(xlsx|json|csv)$/;

const isTableKind = (name: string): name is TableKind => (TABLE_KINDS as readonly string[]).includes(name);

/** The interchange document exactly as stored, pretty-printed. */
export function interchangeJson(doc: TFinalAccounts): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The file a download URL names, or null for a name the page does not offer. */
export async function accountsDownload(doc: TFinalAccounts, departmentSlug: string, file: string): Promise<DownloadFile | null> {
  const match = FILE.exec(file);
  if (!match) return null;
  const [, name = '', extension = ''] = match;
  const base = `${doc.department.name}${doc.fiscalYear}年度部门决算`;
  const ascii = `${departmentSlug}-${doc.fiscalYear}-${name}.${extension}`;
  if (name === 'accounts') {
    if (extension === 'json') return { body: interchangeJson(doc), contentType: 'application/json; charset=utf-8', fileName: `${base}.json`, asciiFileName: ascii };
    if (extension === 'xlsx') return { body: await accountsWorkbook(doc), contentType: XLSX_TYPE, fileName: `${base}.xlsx`, asciiFileName: ascii };
    return null;
  }
  if (!isTableKind(name)) return null;
  const fileName = `${base}-${templateFor(doc.template).tables[name].title}.${extension}`;
  if (extension === 'csv') return { body: tableCsv(doc, name), contentType: 'text/csv; charset=utf-8', fileName, asciiFileName: ascii };
  if (extension === 'xlsx') return { body: await tableWorkbook(doc, name), contentType: XLSX_TYPE, fileName, asciiFileName: ascii };
  return null;
}

/** RFC 6266 with an RFC 5987 filename* for the Chinese name; the plain filename is the ASCII one. */
export function contentDisposition(fileName: string, asciiFileName: string): string {
  const fallback = asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
