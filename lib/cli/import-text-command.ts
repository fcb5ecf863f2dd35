// juesuan import-text FILE.txt [--template ID]: the interchange JSON from the text extracted
// from a published final-accounts PDF. The document goes to stdout, the problems (line and
// reason) to stderr; exit 0 when everything was read and placed, 1 when something was not
// (the document still holds what could be read), 2 when the input cannot be used at all.

import { importText } from '../import/text';
import { readRegularFile, UnreadableFile, formatSize } from '../import/regular-file';
import { decodeText, MAX_PUBLISHED_TEXT_BYTES } from '../import/text-bytes';
import { EXIT_BLOCKING, EXIT_OK, UnreadableInput, type Io } from './io';


export const IMPORT_TEXT_USAGE = '  juesuan import-text 文件.txt [--template 格式]   从决算公开文本（PDF 提取的文字）读出交换格式 JSON';

function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, {
      maxBytes: MAX_PUBLISHED_TEXT_BYTES,
      notRegular: () => `${path} 不是普通文件：请给出一个 .txt 文本文件`,
      tooLarge: (size) => (size === undefined ? `${path} 在读取时被改动了：请等它写完后重新导入` : `${path} 有 ${formatSize(size)}，大于 5 MB：不像一份决算公开文本`),
    });
  } catch (error) {
    throw error instanceof UnreadableFile ? new UnreadableInput(error.message) : error;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableInput(`${path}：${decoded.reason}`);
  return decoded.text;
}

export function runImportText(args: readonly string[], io: Io): number {
  const positional: string[] = [];
  let template: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--template' || arg.startsWith('--template=')) {
      template = arg.includes('=') ? arg.slice('--template='.length) : args[(i += 1)];
      if (!template) throw new UnreadableInput(`--template 后面缺少报表格式\n用法：\n${IMPORT_TEXT_USAGE}`);
    } else if (arg.startsWith('--')) {
      throw new UnreadableInput(`不认识的选项 ${arg}\n用法：\n${IMPORT_TEXT_USAGE}`);
    } else positional.push(arg);
  }
  const [file, ...extra] = positional;
  if (!file) throw new UnreadableInput(`缺少文件参数\n用法：\n${IMPORT_TEXT_USAGE}`);
  if (extra.length > 0) throw new UnreadableInput(`多余的参数：${extra.join(' ')}\n用法：\n${IMPORT_TEXT_USAGE}`);
  const result = importText(readText(file), template === undefined ? {} : { template });
  if (!result.ok) throw new UnreadableInput(`${file}：${result.reason}`);
  io.out(JSON.stringify(result.document, null, 2));
  for (const problem of result.problems) io.err(`${file}:${problem.line}: ${problem.reason}`);
  if (result.problems.length > 0) io.err(`共 ${result.problems.length} 处未能读入或须核对（报表格式：${result.template.id}）`);
  return result.problems.length > 0 ? EXIT_BLOCKING : EXIT_OK;
}
