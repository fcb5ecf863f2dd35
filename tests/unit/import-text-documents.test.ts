// import-text on the shared published documents: each comes out exactly as its hand
// transcription (prisma/seed/data) has it, the whole document compared after the schema; the
// damaged copy is reported by table and line, and the CLI exits 1 while still printing what it read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { ZFinalAccounts } from '../../lib/accounts/schema';
import { importText, type ImportTextResult } from '../../lib/import/text';
import { EXIT_BLOCKING, runCli } from '../../lib/cli/main';
import { SEED_PATH, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const DOCUMENTS = '/work/shared/documents/';
const text = (name: string) => readFileSync(`${DOCUMENTS}${name}.txt`, 'utf8');

function imported(name: string): Extract<ImportTextResult, { ok: true }> {
  const result = importText(text(name));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const CASES = [
  ['2021-qiaokou-big-data-center-final-accounts', SEED_PATH, 'hubei-2021'],
  ['2024-shanghai-putuo-finance-bureau-final-accounts', SHANGHAI_FINANCE_BUREAU_PATH, 'shanghai-2024'],
  ['2024-shanghai-putuo-planning-natural-resources-final-accounts', SHANGHAI_PLANNING_PATH, 'shanghai-2024'],
  ['2024-shanghai-putuo-social-work-department-final-accounts', SHANGHAI_SOCIAL_WORK_PATH, 'shanghai-2024'],
] as const;

describe.each(CASES)('import-text %s', (name, fixturePath, templateId) => {
  const result = imported(name);
  const fixture = ZFinalAccounts.parse(JSON.parse(readFileSync(fixturePath, 'utf8')));
  const document = ZFinalAccounts.parse(result.document);

  it('gives exactly the hand transcription: every figure, name, section, paragraph and self-evaluation', () => {
    expect(result.template.id).toBe(templateId);
    expect(document).toEqual(fixture);
  });

  it('gives the check engine the same findings as the transcription', () => {
    const findings = (doc: typeof fixture) => checkFinalAccounts(doc).map((f) => `${f.rule} ${f.severity} ${f.message}`);
    expect(findings(document)).toEqual(findings(fixture));
  });

  it('reports no missing or cut table and no line left unread', () => {
    expect(result.problems.filter((p) => /缺少「|不完整|未读入/.test(p.reason))).toEqual([]);
    expect(result.problems.filter((p) => p.damaged)).toEqual([]);
  });
});

describe('import-text on the seed', () => {
  it('decides 基本 and 项目 by the column totals', () => {
    const { tables } = imported('2021-qiaokou-big-data-center-final-accounts').document;
    expect(tables.expenditure.rows.find((r) => r.row === 'total')?.cells).toEqual({ total: '2882.93', basic: '288.9', project: '2594.03' });
    expect(tables.expenditure.rows.find((r) => r.row === '215')?.cells).toEqual({ total: '2594.03', project: '2594.03' });
    expect(tables.expenditure.rows.find((r) => r.row === '221')?.cells).toEqual({ total: '29.83', basic: '29.83' });
  });

  it('places the lone 三公 budget figure by the narrative ("比年初预算减少 0.6 万元")', () => {
    const { document, problems } = imported('2021-qiaokou-big-data-center-final-accounts');
    expect(document.tables.threePublicExpensesTable.rows).toEqual([{ row: 'total', cells: { budgetTotal: '0.6', budgetReceptions: '0.6' } }]);
    expect(problems.filter((p) => p.reason.includes('不止一种栏位'))).toEqual([]);
  });

  it('reports a 三公 figure neither arithmetic nor narrative can place, with its line, placed as the transcription has it', () => {
    const { document, problems } = imported('2024-shanghai-putuo-finance-bureau-final-accounts');
    expect(document.tables.threePublicExpensesTable.rows).toEqual([{ row: 'total', cells: { budgetTotal: '0.95', budgetReceptions: '0.95' } }]);
    expect(problems.filter((p) => p.reason.includes('不止一种栏位')).map((p) => [p.line, p.reason])).toEqual([
      [353, '「财政拨款“三公”经费支出决算表」 合计行：空栏未印出，2 个数（0.95 0.95）可放在不止一种栏位而都合勾稽关系，已放在「预算数 合计、预算数 公务接待费」（按公务接待费、公务用车、因公出国（境）的次序），请核对原表'],
    ]);
  });

  it('reads the seed whole, with nothing to report', () => {
    expect(imported('2021-qiaokou-big-data-center-final-accounts').problems).toEqual([]);
  });
});

describe('import-text on the 规划和自然资源局 budget lines', () => {
  const { document, problems } = imported('2024-shanghai-putuo-planning-natural-resources-final-accounts');

  it('places a line whose 项 the catalogue does not know by the one row of its 款 in 表 with the same 支出决算, and says so', () => {
    const lines = (document.comparisons as { initialBudget: { bySubject: { code: string; name?: string; amount?: string }[] } }).initialBudget.bySubject;
    expect(lines.find((l) => l.name === '机关事业单位退休人员活动费支出')).toMatchObject({ code: '2080599', amount: '0.88' });
    expect(document.tables.generalBudgetExpenditure.rows.find((r) => r.row === '2080599')?.cells.total).toBe('0.88');
    expect(problems.filter((p) => p.reason.includes('机关事业单位退休人员活动费支出')).map((p) => [p.line, p.reason])).toEqual([
      [490, 'comparisons 年初预算：5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费…：“机关事业单位退休人员活动费支出”不在科目表中，按一般公共预算财政拨款支出决算表“行政事业单位养老支出”款下支出决算同为 0.88 万元的一行归入 2080599 其他行政事业单位养老支出，请核对'],
    ]);
  });
});

describe('import-text on the damaged copy', () => {
  const result = imported('2024-shanghai-putuo-finance-bureau-damaged-copy');

  it('flags the missing and the cut table as damage to the document (the app refuses to store it)', () => {
    expect(result.problems.filter((p) => p.damaged).map((p) => p.line)).toEqual([167, 293]);
  });

  it('reports the missing table by name and line', () => {
    expect(result.problems.filter((p) => p.reason.startsWith('缺少「')).map((p) => [p.line, p.reason])).toEqual([
      [167, '缺少「支出决算表」：「收入决算表」之后「财政拨款收入支出决算总表」（第 167 行）之前找不到此表的标题，此表未读入'],
    ]);
  });

  it('reports the cut 三公 table by name and line', () => {
    expect(result.problems.filter((p) => p.reason.includes('不完整')).map((p) => [p.line, p.reason])).toEqual([
      [293, '「财政拨款“三公”经费支出决算表」不完整（可能被截断）：表中没有数，也没有说明本表无数据的文字'],
    ]);
  });

  it('still gives the tables it could read', () => {
    expect(result.document.tables.expenditure.rows).toEqual([]);
    expect(result.document.tables.generalBudgetExpenditure.rows.find((r) => r.row === 'total')?.cells).toEqual({ total: '2940.05', basic: '2336.91', project: '603.14' });
  });

  it('exits 1 from the CLI, printing the JSON and the problems', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import-text', `${DOCUMENTS}2024-shanghai-putuo-finance-bureau-damaged-copy.txt`], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(EXIT_BLOCKING);
    const document = JSON.parse(out.join('\n')) as { template: string; tables: { income: { rows: unknown[] } } };
    expect(document.template).toBe('shanghai-2024');
    expect(document.tables.income.rows.length).toBe(20);
    expect(err.join('\n')).toContain('2024-shanghai-putuo-finance-bureau-damaged-copy.txt:167: 缺少「支出决算表」');
  });
});

describe('juesuan import-text exit codes', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import-text', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('exits 0 with a valid document when every part was read (社会工作部)', async () => {
    const { code, out, err } = await run([`${DOCUMENTS}2024-shanghai-putuo-social-work-department-final-accounts.txt`]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(ZFinalAccounts.safeParse(JSON.parse(out)).success).toBe(true);
  });

  it('exits 0 on the seed, read whole', async () => {
    const { code, err } = await run([`${DOCUMENTS}2021-qiaokou-big-data-center-final-accounts.txt`]);
    expect([code, err]).toEqual([0, '']);
  });

  it('exits 1 naming what must be checked (规划和自然资源局: budget lines placed without the catalogue\'s own chain)', async () => {
    const { code, err } = await run([`${DOCUMENTS}2024-shanghai-putuo-planning-natural-resources-final-accounts.txt`]);
    expect(code).toBe(EXIT_BLOCKING);
    expect(err).toContain('2024-shanghai-putuo-planning-natural-resources-final-accounts.txt:490: comparisons 年初预算：5、社会保障和就业支出（类）');
    expect(err).toContain('按一般公共预算财政拨款支出决算表“行政事业单位养老支出”款下支出决算同为 0.88 万元的一行归入 2080599');
    expect(err).not.toContain('此行未读入');
  });

  it('exits 2 on a text no template can be told for, or a template that does not exist', async () => {
    expect((await run([`${DOCUMENTS}../GLOSSARY.md`])).code).toBe(2);
    const unknown = await run(['--template', 'beijing-2024', `${DOCUMENTS}2021-qiaokou-big-data-center-final-accounts.txt`]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('没有报表格式 "beijing-2024"') as string]);
  });
});
