// Reading an input file for a command: only a regular file, of sane size, in UTF-8, and
// then the interchange document in it, refused whole with reasons when anything is wrong.

import { isUtf8 } from 'node:buffer';
import { parseJsonText } from '../accounts/json-text';
import { formatSize, readRegularFile, UnreadableFile } from '../import/regular-file';
import type { TFinalAccounts } from '../accounts/schema';
import { limitErrors, parseFinalAccounts } from '../accounts/validation';
import { UnreadableInput } from './io';

/** An interchange document is well under 1 MB; 20 MB leaves room and refuses the wrong file. */
export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** How many field errors a command prints before counting the rest. */
export const MAX_PRINTED_ERRORS = 100;

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [size, low, high] =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (size === 0) return i;
    const second = bytes[i + 1] ?? -1;
    if (second < low || second > high) return i;
    for (let k = 2; k < size; k++) {
      const next = bytes[i + k] ?? -1;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += size;
  }
  return -1;
}

function explainEncoding(bytes: Buffer, path: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return `${path} 是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8 编码`;
  }
  const offset = firstInvalidUtf8(bytes);
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  const lead = bytes[offset] ?? 0;
  const trail = bytes[offset + 1] ?? 0;
  const gbk = lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f ? '，看起来是 GBK（GB18030）编码' : '';
  return `${path} 不是 UTF-8 编码：第 ${line} 行、字节偏移 ${offset} 处的内容无法按 UTF-8 解读${gbk}。请另存为 UTF-8 编码`;
}

/**
 * The text of a regular UTF-8 file of at most `maxBytes` (default 20 MB). Refuses, with an
 * UnreadableInput naming the file, anything else: a missing file, a directory, a device,
 * a FIFO or a terminal (checked on the opened descriptor, before reading a byte).
 */
export function readInputFile(path: string, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const tooLarge = (size: number | undefined) =>
    `无法读取 ${path}：${size === undefined ? '文件' : `文件大小 ${formatSize(size)}，`}超过上限 ${formatSize(maxBytes)}；部门决算交换文件不会这么大，请检查是否选错了文件`;
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, { maxBytes, tooLarge });
  } catch (error) {
    throw error instanceof UnreadableFile ? new UnreadableInput(error.message) : error;
  }
  if (!isUtf8(bytes)) throw new UnreadableInput(explainEncoding(bytes, path));
  if (bytes.includes(0)) throw new UnreadableInput(`${path} 含有 NUL 字节，不是文本文件（或是不带 BOM 的 UTF-16）：请另存为 UTF-8 编码`);
  return bytes.toString('utf8');
}

/**
 * The final accounts in an interchange file. Refused whole (UnreadableInput) when the file
 * cannot be read, is not JSON, or does not match the schema: the first errors are listed.
 */
export function readFinalAccountsFile(path: string, options: { maxBytes?: number } = {}): TFinalAccounts {
  const parsed = parseJsonText(readInputFile(path, options));
  if (!parsed.ok) throw new UnreadableInput(`${path} 不是有效的 JSON：${parsed.error.message}`);
  const result = parseFinalAccounts(parsed.value);
  if (result.ok) return result.doc;
  const lines = limitErrors(result.errors, MAX_PRINTED_ERRORS).map((line) => `  ${line}`);
  throw new UnreadableInput(`${path} 不是有效的部门决算交换文件（${result.errors.length} 处错误）：\n${lines.join('\n')}`);
}
