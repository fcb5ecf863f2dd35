// The juesuan CLI, through runCli with captured output (the bin only wires process I/O).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { NON_NEGATIVE_AMOUNT_PATTERN } from '../../lib/accounts/amount-schema';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { runCatalogueCommand } from '../../lib/cli/catalogue-import';
import { EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, runCli, type Io } from '../../lib/cli/main';
import { SEED_PATH, SHANGHAI_FINANCE_BUREAU_PATH, loadSeed } from './seed-document';

const loose = (value: object): Record<string, unknown> => value as Record<string, unknown>;

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

async function run(...args: string[]) {
  const { io, out, err } = capture();
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Writes a copy of the seed changed by `change`; wrong types go in through `loose`. */
function damaged(name: string, change: (doc: TFinalAccounts) => void): string {
  const doc = loadSeed();
  change(doc);
  return write(`${name}.json`, JSON.stringify(doc));
}

describe('juesuan check', () => {
  it('exits 1 on the seed document and prints its findings as JSON with decimal strings', async () => {
    const { code, out } = await run('check', SEED_PATH, '--json');
    expect(code).toBe(EXIT_BLOCKING);
    const { findings } = JSON.parse(out) as { findings: Record<string, unknown>[] };
    expect(Object.keys(findings[0] ?? {})).toEqual(
      expect.arrayContaining(['rule', 'severity', 'message', 'expected', 'actual', 'difference', 'withinRounding', 'cells']),
    );
    expect(findings).toContainEqual(expect.objectContaining({ expected: '2594.03', actual: '2594.02', difference: '-0.01', withinRounding: true }));
  });

  it('exits 0 when only warnings remain', async () => {
    const fixed = damaged('fixed', (doc) => {
      const evaluation = doc.performance.projects[3]?.selfEvaluation;
      if (evaluation) evaluation.level1Weights = [
        { level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' },
      ];
    });
    const { code, out } = await run('check', fixed);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('0 项强制性审核未通过');
  });

  it('exits 2 naming the cell of an amount with three decimals, and why', async () => {
    let cell = '';
    const path = damaged('three-decimals', (doc) => {
      const row = doc.tables.expenditure.rows[0];
      const column = Object.keys(row?.cells ?? {})[0] ?? '';
      if (row) row.cells[column] = '288.901';
      cell = `tables.expenditure.rows[0].cells.${column}`;
    });
    const { code, err } = await run('check', path);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toContain(`${cell}：最多两位小数（单位：万元）（收到 "288.901"）`);
  });

  it('exits 2 on an unknown classification code, a wrong type, an amount as a number and a missing table', async () => {
    let codeRow = '';
    const unknownCode = damaged('unknown-code', (doc) => {
      const index = doc.tables.income.rows.findIndex((r) => /^\d{3,7}$/.test(r.row));
      loose(doc.tables.income.rows[index] ?? {}).row = '2019999';
      codeRow = `tables.income.rows[${index}].row：`;
    });
    const unknown = (await run('check', unknownCode)).err;
    expect(unknown).toContain(codeRow);
    expect(unknown).toContain('功能分类科目编码 2019999 不在 2021 年度科目表中');
    expect((await run('check', damaged('wrong-type', (doc) => { loose(doc.overview.staff ?? {}).employed = '16'; }))).err)
      .toContain('overview.staff.employed：须为整数（收到 "16"）');
    expect((await run('check', damaged('amount-number', (doc) => { loose(doc.procurement).total = 2562.69; }))).err)
      .toContain('procurement.total：金额须写成字符串，如 "2882.93"（数字会丢失精度）（收到 2562.69）');
    const missing = await run('check', damaged('missing-table', (doc) => { delete loose(doc.tables).stateCapital; }));
    expect(missing.code).toBe(EXIT_UNREADABLE);
    expect(missing.err).toContain('tables.stateCapital：缺少此项');
  });

  it('exits 2 on a misspelt field, naming the right one, and on a duplicate key', async () => {
    const seed = readFileSync(SEED_PATH, 'utf8');
    const misspelt = await run('check', write('misspelt.json', seed.replace('"publishedOn"', '"publishedon"')));
    expect(misspelt.code).toBe(EXIT_UNREADABLE);
    expect(misspelt.err).toContain('publishedon：不认识的字段 "publishedon"，是否应为 "publishedOn"？');
    const duplicate = await run('check', write('duplicate.json', seed.replace('"publishedOn": "2022-05-13",', '"publishedOn": "2022-05-13",\n  "publishedOn": "2022-05-14",')));
    expect(duplicate.code).toBe(EXIT_UNREADABLE);
    expect(duplicate.err).toMatch(/第 \d+ 行第 3 列：字段 "publishedOn" 在同一对象中出现两次，请删去其中一个/);
  });

  it('exits 2 on a missing file, bad JSON, a device and an unknown command', async () => {
    const expectUnreadable = (result: Awaited<ReturnType<typeof run>>, reason: string) => {
      expect(result.code).toBe(EXIT_UNREADABLE);
      expect(result.err).toContain(reason);
    };
    expectUnreadable(await run('check', join(dir, 'nope.json')), '文件不存在');
    const bad = write('bad.json', '{"fiscalYear": 2021,');
    expectUnreadable(await run('check', bad), `${bad} 不是有效的 JSON：第 1 行第 21 列：文件在此处意外结束`);
    expectUnreadable(await run('check', '/dev/zero'), '不是普通文件');
    expectUnreadable(await run('publish'), '未知命令');
    expectUnreadable(await run('check'), '缺少文件参数');
  });
});

describe('crashes', () => {
  const saved = process.env.JUESUAN_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.JUESUAN_DEBUG;
    else process.env.JUESUAN_DEBUG = saved;
  });
  const crashingIo = (err: string[]): Io => ({ out: () => { throw new Error('boom\nsecond line'); }, err: (t) => err.push(t) });

  it('exit 2 with one line, no stack', async () => {
    delete process.env.JUESUAN_DEBUG;
    const err: string[] = [];
    expect(await runCli(['schema'], crashingIo(err))).toBe(EXIT_UNREADABLE);
    expect(err).toEqual(['juesuan 内部错误，未能完成：boom（设置 JUESUAN_DEBUG=1 可查看详情）']);
  });

  it('print the stack when JUESUAN_DEBUG=1', async () => {
    process.env.JUESUAN_DEBUG = '1';
    const err: string[] = [];
    expect(await runCli(['schema'], crashingIo(err))).toBe(EXIT_UNREADABLE);
    expect(err.join('\n')).toMatch(/boom\nsecond line\n\s+at /);
  });
});

describe('juesuan summary, schema and catalogue', () => {
  it('prints the main totals of the seed document as decimal strings', async () => {
    const { code, out } = await run('summary', SEED_PATH, '--json');
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out)).toMatchObject({
      incomeTotal: '2882.93', expenditureTotal: '2882.93', basicExpenditure: '288.90', projectExpenditure: '2594.03',
      personnelCosts: '263.02', operatingCosts: '25.88', procurementTotal: '2562.69',
    });
    expect((await run('summary', SEED_PATH)).out).toContain('2,882.93');
  });

  it('publishes the interchange format as JSON Schema', async () => {
    const schema = JSON.parse((await run('schema')).out) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['tables', 'performance', 'procurement']));
    expect(JSON.stringify(schema.properties.procurement)).toContain(JSON.stringify(NON_NEGATIVE_AMOUNT_PATTERN.source).slice(1, -1));
  });

  it('gives the totals of a Shanghai document as printed', async () => {
    const { code, out } = await run('summary', SHANGHAI_FINANCE_BUREAU_PATH, '--json');
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out)).toMatchObject({
      incomeTotal: '2946.25', expenditureTotal: '2940.05', basicExpenditure: '2336.91', projectExpenditure: '603.14',
      personnelCosts: '2152.26', operatingCosts: '184.65', threePublicExpensesBudget: '0.95', threePublicExpensesActual: '0.00', procurementTotal: '251.25',
    });
  });

  it('publishes one template\'s format: its rows and columns, its sections only', async () => {
    const schema = JSON.parse((await run('schema', '--template', 'shanghai-2024')).out) as { properties: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    expect(schema.properties.template).toEqual({ type: 'string', const: 'shanghai-2024' });
    expect(schema.properties.overview?.required).toEqual(['functions', 'units']);
    expect(Object.keys(schema.properties)).not.toContain('keyWork');
    expect(JSON.stringify(schema.properties.tables)).toContain('"enum":["openingBalance","income","expenditureTotal","basic","project","closingBalance"]');
    const unknown = await run('schema', '--template', 'guangdong-2024');
    expect(unknown.code).toBe(EXIT_UNREADABLE);
    expect(unknown.err).toBe('没有报表格式 "guangdong-2024"，可用的有：hubei-2021、hubei-2022、shanghai-2024、shanghai-2025');
  });

  it('says what to do when `user add` cannot reach the database, never an empty internal error', async () => {
    vi.stubEnv('DATABASE_URL', 'postgresql://someone:secret@127.0.0.1:1/juesuan');
    try {
      const { code, err } = await run('user', 'add', '--email', 'wang@example.gov.cn', '--role', 'accountant', '--department', '武汉市硚口区大数据中心');
      expect(code).toBe(EXIT_UNREADABLE);
      expect(err).toBe('无法连接数据库：请确认 PostgreSQL 已启动、地址和端口正确（DATABASE_URL：postgresql://someone:***@127.0.0.1:1/juesuan）');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('hands `catalogue …` to the catalogue commands', async () => {
    const direct = capture();
    const directCode = await runCatalogueCommand(['frobnicate'], direct.io);
    const viaCli = await run('catalogue', 'frobnicate');
    expect(viaCli.code).toBe(directCode);
    expect(viaCli.err).toBe(direct.err.join('\n'));
    expect(viaCli.err).toContain('frobnicate');
  });
});
