// juesuan: the command line over the accounts core.
//   juesuan check FILE.json [--json]     findings; exit 0 none blocking, 1 blocking, 2 unreadable
//   juesuan summary FILE.json [--json]   the main totals
//   juesuan schema                       JSON Schema of the interchange format

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { checkFinalAccounts, hasBlockingFindings } from '../accounts/check';
import { parseAmount, formatAmount } from '../accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { SUMMARY_LABELS, summarizeFinalAccounts, type AccountsSummary } from '../accounts/summary';
import { parseFinalAccounts } from '../accounts/validation';

export const EXIT_OK = 0;
export const EXIT_BLOCKING = 1;
export const EXIT_UNREADABLE = 2;

const USAGE = `用法：
  juesuan check 文件.json [--json]     审核一份部门决算，列出未通过的审核公式
  juesuan summary 文件.json [--json]   列出主要合计数
  juesuan schema                       输出交换格式的 JSON Schema`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UnreadableInput extends Error {}

function readDocument(file: string | undefined): TFinalAccounts {
  if (!file) throw new UnreadableInput(`缺少文件参数\n${USAGE}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message;
    throw new UnreadableInput(`无法读取 ${file}：${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UnreadableInput(`${file} 不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = parseFinalAccounts(data);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.path || '（根）'}：${e.message}`);
    throw new UnreadableInput(`${file} 不是有效的部门决算交换文件（${parsed.errors.length} 处错误）：\n${lines.join('\n')}`);
  }
  return parsed.doc;
}

function check(doc: TFinalAccounts, json: boolean, io: Io): number {
  const findings = checkFinalAccounts(doc);
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  if (json) {
    const rows = findings.map(({ rule, severity, message, expected, actual, difference, withinRounding, cells, citation }) =>
      ({ rule, severity, message, expected, actual, difference, withinRounding, cells, citation }));
    io.out(JSON.stringify({ findings: rows }, null, 2));
  } else {
    io.out(`${doc.department.name} ${doc.fiscalYear} 年度部门决算：${blocking} 项强制性审核未通过，${findings.length - blocking} 项提示性审核需说明`);
    for (const f of findings) {
      io.out(`${f.severity === 'blocking' ? '✗ 强制' : '! 提示'} [${f.rule}] ${f.message}`);
      io.out(`    依据：${f.citation}`);
    }
  }
  return hasBlockingFindings(findings) ? EXIT_BLOCKING : EXIT_OK;
}

function summary(doc: TFinalAccounts, json: boolean, io: Io): number {
  const totals = summarizeFinalAccounts(doc);
  if (json) {
    io.out(JSON.stringify(totals, null, 2));
    return EXIT_OK;
  }
  io.out(`${doc.department.name} ${doc.fiscalYear} 年度部门决算（单位：万元）`);
  for (const key of Object.keys(SUMMARY_LABELS) as (keyof AccountsSummary)[]) {
    io.out(`  ${SUMMARY_LABELS[key]}：${formatAmount(parseAmount(totals[key]))}`);
  }
  return EXIT_OK;
}

export function runCli(args: readonly string[], io: Io): number {
  const json = args.includes('--json');
  const [command, file, ...extra] = args.filter((arg) => arg !== '--json');
  try {
    if (extra.length > 0) throw new UnreadableInput(`多余的参数：${extra.join(' ')}\n${USAGE}`);
    switch (command) {
      case 'check':
        return check(readDocument(file), json, io);
      case 'summary':
        return summary(readDocument(file), json, io);
      case 'schema':
        io.out(JSON.stringify(z.toJSONSchema(ZFinalAccounts, { unrepresentable: 'any' }), null, 2));
        return EXIT_OK;
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? EXIT_UNREADABLE : EXIT_OK;
      default:
        throw new UnreadableInput(`未知命令：${command}\n${USAGE}`);
    }
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    io.err(error.message);
    return EXIT_UNREADABLE;
  }
}
