// Reading an input file: only regular UTF-8 files of sane size, checked on the opened
// descriptor before a byte is read; then the document, refused whole with its first errors.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UnreadableInput } from '../../lib/cli/io';
import { DEFAULT_MAX_INPUT_BYTES, firstInvalidUtf8, readFinalAccountsFile, readInputFile } from '../../lib/cli/read-input';
import { SEED_PATH } from './seed-document';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableInput);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

const READ_INPUT = fileURLToPath(new URL('../../lib/cli/read-input.ts', import.meta.url));

/**
 * readInputFile in a child process killed after 10 s: a reader that blocks on a FIFO or
 * reads /dev/zero to the end fails the test instead of hanging the suite.
 */
function readInChild(path: string): { message: string; ms: number } {
  const script = `
    const { readInputFile } = await import(${JSON.stringify(READ_INPUT)});
    const start = performance.now();
    try { readInputFile(${JSON.stringify(path)}); process.stdout.write(JSON.stringify({ message: 'read' })); }
    catch (error) { process.stdout.write(JSON.stringify({ message: error.constructor.name + ': ' + error.message, ms: performance.now() - start })); }`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 10_000, encoding: 'utf8' });
  expect(child.signal, 'the reader hung and was killed').toBeNull();
  return JSON.parse(child.stdout) as { message: string; ms: number };
}

describe('readInputFile refuses what is not a regular file', () => {
  it('a missing file', () => {
    const path = join(dir, 'nope.json');
    expect(refusal(() => readInputFile(path))).toBe(`无法读取 ${path}：文件不存在`);
  });

  it('a directory', () => {
    expect(refusal(() => readInputFile(dir))).toBe(`无法读取 ${dir}：这是一个目录，不是文件`);
  });

  it('/dev/null, a device', () => {
    expect(refusal(() => readInputFile('/dev/null'))).toBe('无法读取 /dev/null：这是一个设备，不是普通文件');
  });

  it('/dev/zero without reading it', { timeout: 15_000 }, () => {
    const { message, ms } = readInChild('/dev/zero');
    // Reading it would end in "too large" after 20 MB, not in "a device".
    expect(message).toBe('UnreadableInput: 无法读取 /dev/zero：这是一个设备，不是普通文件');
    expect(ms).toBeLessThan(50);
  });

  it.skipIf(process.platform === 'win32')('a FIFO with no writer, without blocking on it', { timeout: 15_000 }, () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const { message } = readInChild(fifo);
    expect(message).toBe(`UnreadableInput: 无法读取 ${fifo}：这是一个管道（FIFO），不是普通文件：请先把内容保存为文件`);
  });
});

describe('readInputFile refuses what is too large or not UTF-8', () => {
  it('a 21 MB file, saying its size and the limit', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(20 * 1024 * 1024);
    const path = file('large.json', Buffer.alloc(21 * 1024 * 1024, 0x20));
    const message = refusal(() => readInputFile(path));
    expect(message).toContain(path);
    expect(message).toContain('文件大小 21.0 MB，超过上限 20.0 MB');
    rmSync(path);
  });

  it('a file over a smaller limit given as an option; one at the limit is read', () => {
    const path = file('small.json', '{"a": 1}');
    expect(refusal(() => readInputFile(path, { maxBytes: 7 }))).toContain('超过上限');
    expect(readInputFile(path, { maxBytes: 8 })).toBe('{"a": 1}');
  });

  it('GBK text, naming the byte offset, the line and what to do', () => {
    // "部门" in GBK after 13 bytes on the second line.
    const path = file('gbk.json', Buffer.concat([Buffer.from('{\n  "name": "'), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('"\n}')]));
    expect(refusal(() => readInputFile(path))).toBe(
      `${path} 不是 UTF-8 编码：第 2 行、字节偏移 13 处的内容无法按 UTF-8 解读，看起来是 GBK（GB18030）编码。请另存为 UTF-8 编码`,
    );
  });

  it('UTF-16 with its BOM, and NUL bytes', () => {
    const utf16 = file('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]));
    expect(refusal(() => readInputFile(utf16))).toBe(`${utf16} 是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8 编码`);
    const nul = file('nul.json', Buffer.from('{"a": 1}\0'));
    expect(refusal(() => readInputFile(nul))).toContain('NUL 字节');
  });

  it('finds the first invalid UTF-8 byte: overlong forms, surrogates, truncated sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('部门决算 ok'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xe9, 0x83]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });

  it('reads a UTF-8 file with a BOM, which the JSON reader then skips', () => {
    const path = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SEED_PATH)]));
    expect(readInputFile(path).charCodeAt(0)).toBe(0xfeff);
    expect(readFinalAccountsFile(path).fiscalYear).toBe(2021);
  });
});

describe('readFinalAccountsFile', () => {
  it('reports a JSON syntax error by line and column', () => {
    const path = file('syntax.json', '{\n  "fiscalYear": 2021\n  "template": "hubei-2021"\n}');
    expect(refusal(() => readFinalAccountsFile(path))).toBe(`${path} 不是有效的 JSON：第 3 行第 3 列：此处应为 "," 或 "}"：上一项后面是否漏了逗号？`);
  });

  it('refuses a duplicate key that JSON.parse would have let through', () => {
    const text = readFileSync(SEED_PATH, 'utf8').replace('"fiscalYear": 2021,', '"fiscalYear": 2021,\n  "fiscalYear": 2022,');
    const path = file('duplicate.json', text);
    expect(refusal(() => readFinalAccountsFile(path))).toMatch(/不是有效的 JSON：第 \d+ 行第 3 列：字段 "fiscalYear" 在同一对象中出现两次，请删去其中一个$/);
  });

  it('prints a header, 100 errors and a count for a file with 200,000 unknown fields', () => {
    const data = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown>;
    for (let i = 0; i < 200_000; i++) data[`column${i}`] = '1.00';
    const path = file('unknown-fields.json', JSON.stringify(data));
    const lines = refusal(() => readFinalAccountsFile(path)).split('\n');
    expect(lines).toHaveLength(102);
    expect(lines[0]).toBe(`${path} 不是有效的部门决算交换文件（200000 处错误）：`);
    expect(lines[1]).toMatch(/^ {2}column0：不认识的字段 "column0"/);
    expect(lines[101]).toBe('  ……另有 199900 处错误未列出');
  });
});
