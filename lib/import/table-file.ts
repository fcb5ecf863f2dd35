// A table from a file the user hands us: CSV (UTF-8 with or without BOM, UTF-16, or GBK as Excel
// in China saves it; comma- or tab-separated) or XLSX (its first worksheet). Cells come back as
// strings and rows[i] is the sheet's row i + 1, so row numbers in messages match what Excel shows.

import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { decodeText } from './text-bytes';
import { loadWorkbook } from './workbook-bytes';
import { cellText } from './xlsx/cell-amount';
import { readRegularFile, UnreadableFile } from './regular-file';

export const MAX_TABLE_FILE_BYTES = 20 * 1024 * 1024;

/** The file cannot be read as a table; the message says why, in Chinese. */
export class UnreadableTable extends Error {}

export interface TableFile {
  rows: string[][];
  /** The worksheet read, for XLSX. */
  sheet?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export async function readTableFile(path: string): Promise<TableFile> {
  const bytes = readTableBytes(path);
  if (startsWith(bytes, OLE_MAGIC)) throw new UnreadableTable(`${path} 是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入`);
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(path, bytes);
  if (extname(path).toLowerCase() === '.xlsx') throw new UnreadableTable(`${path} 不是有效的 XLSX 文件：请用 Excel 重新保存`);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableTable(`${path}：${decoded.reason}`);
  return { rows: parseCsv(decoded.text) };
}

function readTableBytes(path: string): Buffer {
  try {
    return readRegularFile(path, {
      maxBytes: MAX_TABLE_FILE_BYTES,
      notRegular: () => `${path} 不是普通文件：请给出一个 CSV 或 XLSX 文件`,
      tooLarge: (size) => (size === undefined ? `${path} 在读取时被改动了：请等它写完后重新导入` : `${path} 大于 20 MB：科目表不会这么大，请检查是否选错了文件`),
    });
  } catch (error) {
    throw error instanceof UnreadableFile ? new UnreadableTable(error.message) : error;
  }
}

/** RFC 4180: quoted cells may hold separators, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(path: string, bytes: Buffer): Promise<TableFile> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (error) {
    throw new UnreadableTable(`${path} 不是有效的 XLSX 文件（${(error as Error).message}）：请用 Excel 重新保存`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableTable(`${path} 中没有工作表`);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return { rows, sheet: sheet.name };
}

