// The juesuan CLI, through runCli with captured output (the bin only wires process I/O).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, runCli } from '../../lib/cli/main';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { SEED_PATH, loadSeed } from './seed-document';

const loose = (value: object): Record<string, unknown> => value as Record<string, unknown>;

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Writes a copy of the seed changed by `change`; wrong types go in through `loose`. */
function damaged(name: string, change: (doc: TFinalAccounts) => void): string {
  const doc = loadSeed();
  change(doc);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('juesuan check', () => {
  it('exits 1 on the seed document and prints its three findings as JSON with decimal strings', () => {
    const { code, out } = run('check', SEED_PATH, '--json');
    expect(code).toBe(EXIT_BLOCKING);
    const { findings } = JSON.parse(out) as { findings: Record<string, unknown>[] };
    expect(findings).toHaveLength(3);
    expect(Object.keys(findings[0] ?? {})).toEqual(
      expect.arrayContaining(['rule', 'severity', 'message', 'expected', 'actual', 'difference', 'withinRounding', 'cells']),
    );
    expect(findings[2]).toMatchObject({ expected: '2594.03', actual: '2594.02', difference: '-0.01', withinRounding: true });
  });

  it('exits 0 when only warnings remain', () => {
    const fixed = damaged('fixed', (doc) => {
      const evaluation = doc.performance.projects[3]?.selfEvaluation;
      if (evaluation) evaluation.level1Weights = [
        { level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' },
      ];
    });
    const { code, out } = run('check', fixed);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('0 项强制性审核未通过，1 项提示性审核需说明');
  });

  it('exits 2 naming the field of an amount with three decimals', () => {
    const path = damaged('three-decimals', (doc) => { loose(doc.tables.T3.rows[0]?.cells ?? {})['2'] = '288.901'; });
    const { code, err } = run('check', path);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toContain('tables.T3.rows[0].cells.2：金额须为最多两位小数的十进制字符串（单位：万元），如 "2882.93"（收到 "288.901"）');
  });

  it('exits 2 on an unknown classification code, a wrong type and a missing table', () => {
    expect(run('check', damaged('unknown-code', (doc) => { loose(doc.tables.T2.rows[1] ?? {}).row = '2019999'; })).err)
      .toContain('tables.T2.rows[1].row：功能分类科目编码 2019999 不在 2021 年度科目表中');
    expect(run('check', damaged('wrong-type', (doc) => { loose(doc.overview.staff).employed = '16'; })).err)
      .toContain('overview.staff.employed：须为整数（收到 "16"）');
    expect(run('check', damaged('amount-number', (doc) => { loose(doc.procurement).total = 2562.69; })).err)
      .toContain('procurement.total：');
    const missing = run('check', damaged('missing-table', (doc) => { delete loose(doc.tables).T8; }));
    expect(missing.code).toBe(EXIT_UNREADABLE);
    expect(missing.err).toContain('tables.T8：缺少此项');
  });

  it('exits 2 on a missing file, bad JSON and an unknown command', () => {
    const expectUnreadable = (result: ReturnType<typeof run>, reason: string) => {
      expect(result.code).toBe(EXIT_UNREADABLE);
      expect(result.err).toContain(reason);
    };
    expectUnreadable(run('check', join(dir, 'nope.json')), '文件不存在');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"fiscalYear": 2021,');
    expectUnreadable(run('check', bad), '不是有效的 JSON');
    expectUnreadable(run('publish'), '未知命令');
  });
});

describe('juesuan summary and schema', () => {
  it('prints the main totals of the seed document as decimal strings', () => {
    const { code, out } = run('summary', SEED_PATH, '--json');
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out)).toEqual({
      incomeTotal: '2882.93', expenditureTotal: '2882.93', basicExpenditure: '288.90', projectExpenditure: '2594.03',
      personnelCosts: '263.02', operatingCosts: '25.88', threePublicExpensesBudget: '0.60', threePublicExpensesActual: '0.00',
      procurementTotal: '2562.69',
    });
    expect(run('summary', SEED_PATH).out).toContain('本年支出合计：2,882.93');
  });

  it('publishes the interchange format as JSON Schema', () => {
    const schema = JSON.parse(run('schema').out) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['tables', 'performance', 'procurement']));
    expect(JSON.stringify(schema.properties.procurement)).toContain('^-?\\\\d{1,16}(\\\\.\\\\d{1,2})?$');
  });
});
