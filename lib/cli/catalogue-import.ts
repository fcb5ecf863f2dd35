// juesuan catalogue: import the official classification list of a year from CSV/XLSX, list the
// catalogues in use, and load the imported ones at start (loadUserCatalogues).
//   juesuan catalogue import FILE --year 2025 [--kind functional|economic] [--out DIR]
//   juesuan catalogue list [--dir DIR]

import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  catalogueFor, catalogueToJson, KIND_NAMES, listCatalogues, parseCatalogueFile, parseCatalogueRows,
  registerCatalogue, subjectLevel, type Catalogue, type CatalogueKind,
} from '../accounts/catalogue';
import { parseJsonText } from '../accounts/json-text';
import { MAX_TABLE_FILE_BYTES, readTableFile, UnreadableTable } from '../import/table-file';
import { EXIT_OK, EXIT_UNREADABLE, UnreadableInput, type Io } from './io';
import { readInputFile } from './read-input';

const USAGE = `用法：
  juesuan catalogue import 文件.csv|文件.xlsx --year 2025 [--kind functional|economic] [--out 目录]
      导入一个年度的支出功能分类科目表（默认）或支出经济分类科目表（--kind economic）
  juesuan catalogue list [--dir 目录]
      列出可用的科目表（内置的和导入的）
导入的科目表默认写到 data/catalogues（或环境变量 JUESUAN_CATALOGUE_DIR 所指的目录）。`;

const MAX_ERRORS_SHOWN = 100;

/** Where imported catalogues live: $JUESUAN_CATALOGUE_DIR, or data/catalogues under the working directory. */
export function defaultCatalogueDir(): string {
  return resolve(process.env.JUESUAN_CATALOGUE_DIR || 'data/catalogues');
}

function parseArgs(args: readonly string[], allowed: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (!allowed.includes(name)) throw new UnreadableInput(`不认识的选项 --${name}\n${USAGE}`);
    const value = inline ?? args[(i += 1)];
    if (value === undefined || value === '') throw new UnreadableInput(`--${name} 后面缺少取值\n${USAGE}`);
    options.set(name, value);
  }
  return { positional, options };
}

function levelCounts(catalogue: Catalogue): string {
  const counts = { class: 0, section: 0, item: 0 };
  for (const s of catalogue.subjects) {
    const level = subjectLevel(catalogue.kind, s.code);
    if (level) counts[level] += 1;
  }
  return catalogue.kind === 'functional' ? `类 ${counts.class}、款 ${counts.section}、项 ${counts.item}` : `类 ${counts.class}、款 ${counts.section}`;
}

async function importCatalogue(args: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, ['year', 'kind', 'out']);
  const [file, extra] = positional;
  if (!file || extra !== undefined) throw new UnreadableInput(`${file ? '只能导入一个文件' : '缺少要导入的文件'}\n${USAGE}`);
  const yearText = options.get('year');
  if (!yearText) throw new UnreadableInput(`缺少 --year：请写明这份科目表的年度，如 --year 2025\n${USAGE}`);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1990 || year > 2200) throw new UnreadableInput(`--year ${yearText} 不是有效的年度：应为四位数字，如 2025`);
  const kindText = options.get('kind') ?? 'functional';
  if (kindText !== 'functional' && kindText !== 'economic') throw new UnreadableInput(`--kind ${kindText} 无效：应为 functional（支出功能分类，默认）或 economic（支出经济分类）`);
  const kind: CatalogueKind = kindText;
  const dir = resolve(options.get('out') ?? defaultCatalogueDir());

  const table = await readTableFile(file);
  const source = `${basename(file)}${table.sheet ? `（工作表 ${table.sheet}）` : ''}`;
  const result = parseCatalogueRows(table.rows, { year, kind, source });
  if (!result.ok) {
    const { errors } = result;
    io.err(`${file} 未导入：${errors.length} 处错误，没有导入任何科目。请改正后重新导入：`);
    for (const e of errors.slice(0, MAX_ERRORS_SHOWN)) io.err(`  第 ${e.row} 行：${e.message}`);
    if (errors.length > MAX_ERRORS_SHOWN) io.err(`  ……另有 ${errors.length - MAX_ERRORS_SHOWN} 处错误未列出（共 ${errors.length} 处）`);
    if (result.suggestedKind === 'economic') io.err('这些编码看起来是支出经济分类科目（3 开头，3 位或 5 位）：如果是，请加上 --kind economic 重新导入');
    if (result.suggestedKind === 'functional') io.err('这些编码看起来是支出功能分类科目（2 开头，3、5 或 7 位）：如果是，请去掉 --kind economic 重新导入');
    return EXIT_UNREADABLE;
  }
  const imported = { ...result.catalogue, source: `${source}, imported with juesuan catalogue import on ${new Date().toISOString().slice(0, 10)}` };
  const target = join(dir, `${kind}-${year}.json`);
  const replacing = existsSync(target);
  const shipped = catalogueFor(year, kind);
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, catalogueToJson(imported), 'utf8');
    renameSync(temporary, target);
  } catch (error) {
    throw new UnreadableInput(`无法写入 ${target}：${(error as Error).message}`);
  }
  registerCatalogue(imported);
  io.out(`已导入 ${year} 年度${KIND_NAMES[kind]} ${imported.subjects.length} 条（${levelCounts(imported)}），写入 ${target}`);
  if (replacing) io.out('  替换了该目录中原有的同年度科目表');
  else if (shipped) io.out(`  今后将代替内置的 ${year} 年度列表（${shipped.subjects.length} 条）`);
  return EXIT_OK;
}

/**
 * Registers every <kind>-<year>.json in dir (default: defaultCatalogueDir()); a missing dir
 * means nothing was imported. Any broken file is an error naming it, and then none is registered.
 */
export function loadUserCatalogues(dir: string = defaultCatalogueDir()): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UnreadableInput(`${dir} 不是目录：导入的科目表应放在一个目录中`);
  const problems: string[] = [];
  const catalogues: Catalogue[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(dir, name);
    try {
      const text = readInputFile(path, { maxBytes: MAX_TABLE_FILE_BYTES });
      const json = parseJsonText(text);
      if (!json.ok) throw new Error(`不是有效的 JSON：${json.error.message}`);
      const result = parseCatalogueFile(json.value);
      if (!result.ok) throw new Error(result.errors.slice(0, MAX_ERRORS_SHOWN).join('；'));
      const expected = `${result.catalogue.kind}-${result.catalogue.year}.json`;
      if (name !== expected) throw new Error(`内容是 ${result.catalogue.year} 年度${KIND_NAMES[result.catalogue.kind]}，文件名应为 ${expected}`);
      catalogues.push(result.catalogue);
    } catch (error) {
      problems.push(`  ${path}：${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new UnreadableInput(`导入的科目表有误，未载入 ${dir} 中的任何科目表。请改正或删去这些文件后重新导入：\n${problems.join('\n')}`);
  }
  for (const catalogue of catalogues) registerCatalogue(catalogue);
}

function list(args: readonly string[], io: Io): number {
  const { positional, options } = parseArgs(args, ['dir']);
  if (positional.length > 0) throw new UnreadableInput(`list 不需要参数 ${positional.join(' ')}\n${USAGE}`);
  const dir = resolve(options.get('dir') ?? defaultCatalogueDir());
  loadUserCatalogues(dir);
  io.out('年度  科目表            条数  来源');
  for (const c of listCatalogues()) {
    const origin = c.imported ? `导入（${join(dir, `${c.kind}-${c.year}.json`)}）` : '内置';
    io.out(`${c.year}  ${KIND_NAMES[c.kind]}  ${String(c.count).padStart(4)}  ${origin}`);
  }
  return EXIT_OK;
}

/** `juesuan catalogue …` with the words after "catalogue"; exit 0, or 2 on any unusable input. */
export async function runCatalogueCommand(args: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'import') return await importCatalogue(rest, io);
    if (command === 'list') return list(rest, io);
    throw new UnreadableInput(`${command ? `不认识的子命令 ${command}` : '缺少子命令'}\n${USAGE}`);
  } catch (error) {
    if (error instanceof UnreadableInput || error instanceof UnreadableTable) {
      io.err(error.message);
      return EXIT_UNREADABLE;
    }
    throw error;
  }
}
