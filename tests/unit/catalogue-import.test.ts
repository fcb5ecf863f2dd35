// juesuan catalogue import / list and loadUserCatalogues, on files written to a temp directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { catalogueFor, catalogueToJson } from '../../lib/accounts/catalogue';
import { loadUserCatalogues, runCatalogueCommand } from '../../lib/cli/catalogue-import';
import { decodeText } from '../../lib/import/text-bytes';
import { EXIT_OK, EXIT_UNREADABLE } from '../../lib/cli/io';

const root = mkdtempSync(join(tmpdir(), 'juesuan-catalogue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

let n = 0;
/** A fresh directory for one test. */
function fresh(): string {
  n += 1;
  const dir = join(root, `t${n}`);
  mkdirSync(dir);
  return dir;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCatalogueCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Written { year: number; kind: string; source: string; subjects: { code: string; name: string; source: string }[] }
const readWritten = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Written;

const FUNCTIONAL_CSV = '科目编码,科目名称\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n"201 01 02","一般行政\n管理事务"\n';

describe('juesuan catalogue import', () => {
  it('imports a UTF-8 CSV and writes <out>/functional-2025.json in the shipped format', async () => {
    const dir = fresh();
    const file = join(dir, '2025年支出功能分类科目.csv');
    writeFileSync(file, FUNCTIONAL_CSV);
    const { code, out, err } = await run('import', file, '--year', '2025', '--out', join(dir, 'out'));
    expect([code, err]).toEqual([EXIT_OK, '']);
    const target = join(dir, 'out', 'functional-2025.json');
    expect(out).toContain(`已导入 2025 年度支出功能分类科目 4 条（类 1、款 1、项 2），写入 ${target}`);
    expect(out).toContain('今后将代替内置的 2025 年度列表（54 条）');
    const written = readWritten(target);
    expect(written.subjects).toEqual([
      { code: '201', name: '一般公共服务支出', source: '2025年支出功能分类科目.csv 第2行' },
      { code: '20101', name: '人大事务', source: '2025年支出功能分类科目.csv 第3行' },
      { code: '2010101', name: '行政运行', source: '2025年支出功能分类科目.csv 第4行' },
      { code: '2010102', name: '一般行政管理事务', source: '2025年支出功能分类科目.csv 第5行' },
    ]);
    expect([written.year, written.kind]).toEqual([2025, 'functional']);
    expect(written.source).toMatch(/^2025年支出功能分类科目\.csv, imported with juesuan catalogue import on \d{4}-\d{2}-\d{2}$/);
    expect(readFileSync(target, 'utf8')).toBe(catalogueToJson(written as Parameters<typeof catalogueToJson>[0]));
    // Registered at once: 2025 now answers from the imported list.
    expect(catalogueFor(2025, 'functional')?.find('2010102')?.name).toBe('一般行政管理事务');
    expect(catalogueFor(2025, 'functional')?.find('2010601')).toBeUndefined();
  });

  it('decodes a GBK CSV as Excel saves it on a Chinese Windows', async () => {
    const dir = fresh();
    const file = join(dir, 'economic.csv');
    // "科目编码,科目名称 / 301,工资福利支出 / 30101,基本工资 / 30102,津贴补贴" encoded in GBK, CRLF line ends.
    writeFileSync(file, Buffer.from('bfc6c4bfb1e0c2eb2cbfc6c4bfc3fbb3c60d0a3330312cb9a4d7cab8a3c0fbd6a7b3f60d0a33303130312cbbf9b1beb9a4d7ca0d0a33303130322cbdf2ccf9b2b9ccf90d0a', 'hex'));
    const { code, out } = await run('import', file, '--year=2026', '--kind', 'economic', '--out', dir);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('已导入 2026 年度支出经济分类科目 3 条（类 1、款 2）');
    expect(readWritten(join(dir, 'economic-2026.json')).subjects.map((s) => `${s.code} ${s.name}`)).toEqual(['301 工资福利支出', '30101 基本工资', '30102 津贴补贴']);
  });

  it('strips a UTF-8 BOM, so the first header is still found', async () => {
    const dir = fresh();
    const file = join(dir, 'bom.csv');
    writeFileSync(file, `\uFEFF${FUNCTIONAL_CSV}`);
    const decoded = decodeText(readFileSync(file));
    expect(decoded.ok && decoded.encoding === 'UTF-8' && decoded.text.startsWith('科目编码,')).toBe(true);
    expect((await run('import', file, '--year', '2027', '--out', dir)).code).toBe(EXIT_OK);
    expect(readWritten(join(dir, 'functional-2027.json')).subjects).toHaveLength(4);
  });

  it('reads an XLSX whose codes are numbers split over 类/款/项 under a title row', async () => {
    const dir = fresh();
    const file = join(dir, 'official.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2025年功能科目');
    sheet.addRows([
      ['2025年政府支出功能分类科目'],
      ['类', '款', '项', '科目名称'],
      [221, null, null, '住房保障支出'],
      [221, '02', null, '住房改革支出'],
      [221, '02', '01', '住房公积金'],
      [221, '02', '03', { richText: [{ text: '购房' }, { text: '补贴' }] }],
    ]);
    await workbook.xlsx.writeFile(file);
    const { code, err } = await run('import', file, '--year', '2028', '--out', dir);
    expect([code, err]).toEqual([EXIT_OK, '']);
    const written = readWritten(join(dir, 'functional-2028.json'));
    expect(written.subjects).toEqual([
      { code: '221', name: '住房保障支出', source: 'official.xlsx（工作表 2025年功能科目） 第3行' },
      { code: '22102', name: '住房改革支出', source: 'official.xlsx（工作表 2025年功能科目） 第4行' },
      { code: '2210201', name: '住房公积金', source: 'official.xlsx（工作表 2025年功能科目） 第5行' },
      { code: '2210203', name: '购房补贴', source: 'official.xlsx（工作表 2025年功能科目） 第6行' },
    ]);
  });

  it('refuses a bad table with every error and its row, exit 2, writing nothing', async () => {
    const dir = fresh();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '科目编码,科目名称\n201,一般公共服务支出\n2010601,行政运行\n201,重复\n20102,\n');
    const { code, err } = await run('import', file, '--year', '2029', '--out', dir);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err.split('\n')).toEqual([
      `${file} 未导入：3 处错误，没有导入任何科目。请改正后重新导入：`,
      '  第 3 行：项 2010601（行政运行）所属的款 20106 不在表中：请补上款 20106 这一行',
      '  第 4 行：编码 201 与第 2 行重复：请删去其中一行',
      '  第 5 行：编码 20102 没有科目名称：请填写名称',
    ]);
    expect(existsSync(join(dir, 'functional-2029.json'))).toBe(false);
    expect(catalogueFor(2029, 'functional')).toBeUndefined();
  });

  it('prints at most 100 errors and counts the rest', async () => {
    const dir = fresh();
    const file = join(dir, 'many.csv');
    writeFileSync(file, `科目编码,科目名称\n${Array.from({ length: 150 }, (_, i) => `x${i},名称`).join('\n')}\n`);
    const { code, err } = await run('import', file, '--year', '2029', '--out', dir);
    expect(code).toBe(EXIT_UNREADABLE);
    const lines = err.split('\n');
    expect(lines.filter((l) => l.startsWith('  第 '))).toHaveLength(100);
    expect(lines.at(-1)).toBe('  ……另有 50 处错误未列出（共 150 处）');
  });

  it('says to add --kind economic when the codes are economic', async () => {
    const dir = fresh();
    const file = join(dir, 'economic.csv');
    writeFileSync(file, '科目编码,科目名称\n301,工资福利支出\n30101,基本工资\n');
    const { code, err } = await run('import', file, '--year', '2029', '--out', dir);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toContain('这些编码看起来是支出经济分类科目（3 开头，3 位或 5 位）：如果是，请加上 --kind economic 重新导入');
  });

  it('refuses a directory, a FIFO, a file over 20 MB, an old .xls, a broken .xlsx, a missing file and bad arguments', async () => {
    const dir = fresh();
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 20 * 1024 * 1024 + 1);
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const brokenXlsx = join(dir, 'broken.xlsx');
    writeFileSync(brokenXlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    // Opening a FIFO with no writer would block a plain read; it must be refused at once.
    const fifo = join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    const cases: [string[], string][] = [
      [['import', dir, '--year', '2029'], '不是普通文件'],
      [['import', big, '--year', '2029'], '大于 20 MB'],
      [['import', xls, '--year', '2029'], '是旧版 Excel（.xls）文件'],
      [['import', brokenXlsx, '--year', '2029'], '不是有效的 XLSX 文件'],
      [['import', fifo, '--year', '2029'], '不是普通文件'],
      [['import', join(dir, 'none.csv'), '--year', '2029'], '文件不存在'],
      [['import', big], '缺少 --year'],
      [['import', big, '--year', '25'], '--year 25 不是有效的年度'],
      [['import', big, '--year', '2029', '--kind', 'revenue'], '--kind revenue 无效'],
      [['import', big, '--year', '2029', '--sheet', '1'], '不认识的选项 --sheet'],
      [['export'], '不认识的子命令 export'],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(...args);
      expect([code, err], args.join(' ')).toEqual([EXIT_UNREADABLE, expect.stringContaining(message)]);
    }
  });

  it('writes to JUESUAN_CATALOGUE_DIR when --out is not given', async () => {
    const dir = fresh();
    vi.stubEnv('JUESUAN_CATALOGUE_DIR', join(dir, 'catalogues'));
    const file = join(dir, 'f.csv');
    writeFileSync(file, FUNCTIONAL_CSV);
    expect((await run('import', file, '--year', '2029')).code).toBe(EXIT_OK);
    expect(existsSync(join(dir, 'catalogues', 'functional-2029.json'))).toBe(true);
  });
});

describe('loadUserCatalogues and juesuan catalogue list', () => {
  const catalogueJson = (year: number, subjects: { code: string; name: string }[]) =>
    catalogueToJson({ year, kind: 'economic', source: 'test', subjects });

  it('registers every catalogue in the directory, and list shows them beside the shipped ones', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'economic-2031.json'), catalogueJson(2031, [{ code: '310', name: '资本性支出' }, { code: '31002', name: '办公设备购置' }]));
    writeFileSync(join(dir, 'notes.txt'), 'not a catalogue');
    loadUserCatalogues(dir);
    expect(catalogueFor(2031, 'economic')?.find('31002')?.name).toBe('办公设备购置');
    const { code, out } = await run('list', '--dir', dir);
    expect(code).toBe(EXIT_OK);
    expect(out.split('\n')).toEqual(expect.arrayContaining([
      '2021  支出功能分类科目    39  内置',
      '2024  支出经济分类科目    65  内置',
      `2031  支出经济分类科目     2  导入（${join(dir, 'economic-2031.json')}）`,
    ]));
  });

  it('refuses the whole directory when one file is broken, naming it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'economic-2032.json'), catalogueJson(2032, [{ code: '301', name: '工资福利支出' }]));
    writeFileSync(join(dir, 'economic-2033.json'), catalogueJson(2033, [{ code: '30101', name: '基本工资' }]));
    writeFileSync(join(dir, 'functional-2034.json'), '{ "year": 2034,');
    writeFileSync(join(dir, 'functional-2035.json'), catalogueJson(2036, [{ code: '301', name: '工资福利支出' }]));
    expect(() => loadUserCatalogues(dir)).toThrow(new RegExp([
      'economic-2033\\.json：第 1 个科目：款 30101（基本工资）所属的类 301 不在表中',
      'functional-2034\\.json：.*JSON',
      'functional-2035\\.json：内容是 2036 年度支出经济分类科目，文件名应为 economic-2036\\.json',
    ].join('[\\s\\S]*')));
    expect(catalogueFor(2032, 'economic')).toBeUndefined();
  });

  it('does nothing when the directory does not exist', () => {
    expect(() => loadUserCatalogues(join(root, 'no-such-dir'))).not.toThrow();
  });
});
