// Reading a file a user hands us: only a regular file, of bounded size, checked on the opened
// descriptor (opened non-blocking, so a FIFO with no writer cannot hang us) and read no
// further than the limit. The one place every command and importer reads a user's file.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isatty } from 'node:tty';

/** The file cannot be read; the message names it and says why, in Chinese. */
export class UnreadableFile extends Error {}

const OPEN_REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是一个目录，不是文件',
  ENOTDIR: '路径中的某一级不是目录',
  ELOOP: '符号链接循环',
  ENAMETOOLONG: '路径过长',
  ENXIO: '这不是普通文件（可能是套接字）',
};

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Why a descriptor is not a regular file, or undefined when it is one. */
export function notRegularReason(stats: Stats, fd: number): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return '这是一个目录，不是文件';
  if (stats.isFIFO()) return '这是一个管道（FIFO），不是普通文件：请先把内容保存为文件';
  if (stats.isCharacterDevice()) return isatty(fd) ? '这是终端，不是文件：请指定一个 JSON 文件' : '这是一个设备，不是普通文件';
  if (stats.isBlockDevice()) return '这是一个块设备，不是普通文件';
  if (stats.isSocket()) return '这是一个套接字，不是普通文件';
  return '这不是普通文件';
}

/** Reads at most limit + 1 bytes, so a file that grew after fstat is still caught. */
function readUpTo(fd: number, expected: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected + 1, limit + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

export interface RegularFileOptions {
  maxBytes: number;
  /** The refusal of a file that is not regular: by default "无法读取 PATH：<why>". */
  notRegular?: (reason: string) => string;
  /** The refusal of a file over the limit; `size` is undefined when it grew while being read. */
  tooLarge: (size: number | undefined) => string;
}

/** The bytes of a regular file of at most `maxBytes`; anything else throws UnreadableFile. */
export function readRegularFile(path: string, options: RegularFileOptions): Buffer {
  const cannot = (reason: string) => new UnreadableFile(`无法读取 ${path}：${reason}`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannot(OPEN_REASONS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message);
  }
  try {
    const stats = fstatSync(fd);
    const reason = notRegularReason(stats, fd);
    if (reason) throw options.notRegular ? new UnreadableFile(options.notRegular(reason)) : cannot(reason);
    if (stats.size > options.maxBytes) throw new UnreadableFile(options.tooLarge(stats.size));
    const bytes = readUpTo(fd, stats.size, options.maxBytes);
    if (bytes.length > options.maxBytes) throw new UnreadableFile(options.tooLarge(undefined));
    return bytes;
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw cannot(OPEN_REASONS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message);
  } finally {
    closeSync(fd);
  }
}
