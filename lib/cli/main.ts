// juesuan: the command line over the accounts core.
//   juesuan check FILE.json [--json]     findings; exit 0 none blocking, 1 blocking, 2 unreadable
//   juesuan summary FILE.json [--json]   the main totals
//   juesuan schema [--template ID]       JSON Schema of the interchange format, or of one template's documents
//   juesuan catalogue import|list …      classification catalogues (lib/cli/catalogue-import.ts)
//   juesuan import-text FILE.txt [--template ID]  accounts from a published document's text (lib/cli/import-text-command.ts)
//   juesuan user add --email … --role …  creates a user in DATABASE_URL's database (lib/cli/user-command.ts)

import { z } from 'zod';
import { checkFinalAccounts, hasBlockingFindings } from '../accounts/check';
import { countFindings } from '../accounts/findings';
import { parseAmount, formatAmount } from '../accounts/money';
import { templateSchema, ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { findTemplate, TEMPLATE_IDS } from '../accounts/templates';
import { SUMMARY_LABELS, summarizeFinalAccounts, type AccountsSummary } from '../accounts/summary';
import { loadUserCatalogues, runCatalogueCommand } from './catalogue-import';
import { IMPORT_TEXT_USAGE, runImportText } from './import-text-command';
import { EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, UnreadableInput, type Io } from './io';
import { readFinalAccountsFile } from './read-input';
import { runUserCommand } from './user-command';

export { EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, type Io } from './io';

const USAGE = `用法：
  juesuan check 文件.json [--json]     审核一份部门决算，列出未通过的审核公式
  juesuan summary 文件.json [--json]   列出主要合计数
  juesuan schema [--template 格式]     输出交换格式的 JSON Schema（指定报表格式则只含该格式的表、行、栏和部分）
  juesuan catalogue import|list …      导入或列出支出功能 / 经济分类科目表
${IMPORT_TEXT_USAGE}
  juesuan user add --email 邮箱 --role accountant|reviewer|admin …   新建用户（密码从标准输入读取）`;

function readDocument(file: string | undefined): TFinalAccounts {
  if (!file) throw new UnreadableInput(`缺少文件参数\n${USAGE}`);
  loadUserCatalogues();
  return readFinalAccountsFile(file);
}

function check(doc: TFinalAccounts, json: boolean, io: Io): number {
  const findings = checkFinalAccounts(doc);
  const { blocking } = countFindings(findings);
  if (json) {
    const rows = findings.map(({ rule, severity, message, expected, actual, difference, withinRounding, cells, citation, location }) =>
      ({ rule, severity, message, expected, actual, difference, withinRounding, cells, citation, ...(location ? { location } : {}) }));
    io.out(JSON.stringify({ findings: rows }, null, 2));
  } else {
    io.out(`${doc.department.name} ${doc.fiscalYear} 年度部门决算：${blocking} 项强制性审核未通过，${findings.length - blocking} 项提示性审核需说明`);
    for (const f of findings) {
      io.out(`${f.severity === 'blocking' ? '✗ 强制' : '! 提示'} [${f.rule}] ${f.message}`);
      if (f.location) io.out(`    位置：说明「${f.location.heading}」第 ${f.location.offset + 1} 字起：${f.location.sentence}`);
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

/** `schema` or `schema --template shanghai-2024`. */
function schemaFor(option: string | undefined, rest: readonly string[]): z.ZodType {
  if (option === undefined) return ZFinalAccounts;
  const [id, ...extra] = rest;
  if (option !== '--template' || extra.length > 0) throw new UnreadableInput(`多余的参数：${[option, ...rest].join(' ')}\n${USAGE}`);
  const template = id === undefined ? undefined : findTemplate(id);
  if (!template) throw new UnreadableInput(`没有报表格式 "${id ?? ''}"，可用的有：${TEMPLATE_IDS.join('、')}`);
  return templateSchema(template);
}

async function run(args: readonly string[], io: Io): Promise<number> {
  // The catalogue commands have their own arguments and options.
  if (args[0] === 'catalogue') return runCatalogueCommand(args.slice(1), io);
  if (args[0] === 'user') return runUserCommand(args.slice(1), io);
  if (args[0] === 'import-text') {
    loadUserCatalogues();
    return runImportText(args.slice(1), io);
  }
  const json = args.includes('--json');
  const [command, file, ...extra] = args.filter((arg) => arg !== '--json');
  if (extra.length > 0 && command !== 'schema') throw new UnreadableInput(`多余的参数：${extra.join(' ')}\n${USAGE}`);
  switch (command) {
    case 'check':
      return check(readDocument(file), json, io);
    case 'summary':
      return summary(readDocument(file), json, io);
    case 'schema':
      io.out(JSON.stringify(z.toJSONSchema(schemaFor(file, extra), { unrepresentable: 'any', io: 'input' }), null, 2));
      return EXIT_OK;
    case undefined:
    case 'help':
    case '--help':
      io.out(USAGE);
      return command === undefined ? EXIT_UNREADABLE : EXIT_OK;
    default:
      throw new UnreadableInput(`未知命令：${command}\n${USAGE}`);
  }
}

/**
 * Runs one command. Never rejects: unusable input and crashes both exit 2 (1 means
 * "blocking findings"), a crash with one line unless JUESUAN_DEBUG=1 asks for the stack.
 */
export async function runCli(args: readonly string[], io: Io): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UnreadableInput) {
      io.err(error.message);
      return EXIT_UNREADABLE;
    }
    const debug = process.env.JUESUAN_DEBUG === '1';
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    io.err(`juesuan 内部错误，未能完成：${debug ? detail : (detail.split('\n').find((line) => line.trim() !== '') ?? '').trim()}${debug ? '' : '（设置 JUESUAN_DEBUG=1 可查看详情）'}`);
    return EXIT_UNREADABLE;
  }
}
