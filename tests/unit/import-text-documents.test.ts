// import-text on the shared published documents: the nine tables come out cell by cell as
// the hand transcriptions (prisma/seed/data) have them; the damaged copy is reported by table
// and line, and the CLI exits 1 while still printing what it read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { ZFinalAccounts } from '../../lib/accounts/schema';
import { TABLE_KINDS } from '../../lib/accounts/templates';
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

/** Row keys and cells as the fixture has them (names are compared for classification rows). */
function cellsOf(rows: readonly { row: string; name?: string; cells: Record<string, string> }[]) {
  return rows.map((r) => ({ row: r.row, cells: r.cells, ...(/^\d+$/.test(r.row) && r.name ? { name: r.name } : {}) }));
}

const CASES = [
  ['2021-qiaokou-big-data-center-final-accounts', SEED_PATH, 'hubei-2021'],
  ['2024-shanghai-putuo-finance-bureau-final-accounts', SHANGHAI_FINANCE_BUREAU_PATH, 'shanghai-2024'],
  ['2024-shanghai-putuo-planning-natural-resources-final-accounts', SHANGHAI_PLANNING_PATH, 'shanghai-2024'],
  ['2024-shanghai-putuo-social-work-department-final-accounts', SHANGHAI_SOCIAL_WORK_PATH, 'shanghai-2024'],
] as const;

describe.each(CASES)('import-text %s', (name, fixturePath, templateId) => {
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as {
    department: { name: string; district: string };
    tables: Record<string, { rows: { row: string; name?: string; cells: Record<string, string> }[]; statement?: string }>;
    overview: unknown; agencyOperatingCosts: string; procurement: unknown; assets: unknown;
    performance: { management?: unknown };
    comparisons: { priorYear?: unknown; initialBudget: { bySubject: Record<string, string>[] } & Record<string, unknown> };
    narrative: { heading: string; text: string }[];
  };
  const result = imported(name);

  it('recognises the template and the department', () => {
    expect(result.template.id).toBe(templateId);
    expect(result.document.department).toEqual(fixture.department);
  });

  it.each(TABLE_KINDS)('places every cell of %s as the transcription has it', (kind) => {
    const got = result.document.tables[kind];
    const expected = fixture.tables[kind];
    expect(cellsOf(got.rows)).toEqual(cellsOf(expected?.rows ?? []));
    expect(got.statement).toBe(expected?.statement);
  });

  it('reads the overview, 机关运行经费, procurement and assets as transcribed', () => {
    expect(result.document.overview).toEqual(fixture.overview);
    expect(result.document.agencyOperatingCosts).toBe(fixture.agencyOperatingCosts);
    expect(result.document.procurement).toEqual(fixture.procurement);
    expect(result.document.assets).toEqual(fixture.assets);
  });

  it('reads the performance-management summary where the layout prints one', () => {
    const performance = result.document.performance as { management?: unknown } | undefined;
    expect(performance?.management).toEqual(fixture.performance.management);
  });

  it('reads every narrative section under its heading, word for word', () => {
    expect(result.document.narrative.map((s) => s.heading)).toEqual(fixture.narrative.map((s) => s.heading));
    // The extraction keeps no indentation, so a paragraph break is inferred (see narrative.ts):
    // the words are compared exactly, the breaks by count of sections that agree.
    const words = (text: string) => text.replace(/\n/g, '');
    expect(result.document.narrative.map((s) => words(s.text))).toEqual(fixture.narrative.map((s) => words(s.text)));
    const sameBreaks = result.document.narrative.filter((s, i) => s.text === fixture.narrative[i]?.text).length;
    expect(sameBreaks).toBeGreaterThanOrEqual(fixture.narrative.length - 1);
  });

  it('works out the prior-year figures from the stated changes, and reads the initial budget', () => {
    const comparisons = result.document.comparisons as typeof fixture.comparisons;
    expect(comparisons.priorYear).toEqual(fixture.comparisons.priorYear);
    const { bySubject, ...totals } = comparisons.initialBudget;
    const { bySubject: expectedLines, ...expectedTotals } = fixture.comparisons.initialBudget;
    expect(totals).toEqual(expectedTotals);
    // The transcriptions keep or drop the full stop after 主要用于 (see the report); the importer drops it.
    const lineOf = (line: Record<string, string>): Record<string, string> => ({ ...line, ...(line.purpose ? { purpose: line.purpose.replace(/。$/, '') } : {}) });
    const unread = result.problems.filter((p) => p.reason.includes('此行未读入') && p.reason.startsWith('comparisons')).length;
    expect(bySubject.map(lineOf)).toEqual(expectedLines.map(lineOf).filter((line) => !(unread > 0 && line.code === '2080599')));
  });

  it('reports no missing or cut table', () => {
    expect(result.problems.filter((p) => /缺少「|不完整/.test(p.reason))).toEqual([]);
  });
});

describe.each(CASES.slice(1))('import-text %s as a whole document', (name, fixturePath) => {
  const result = imported(name);
  const fixture = ZFinalAccounts.parse(JSON.parse(readFileSync(fixturePath, 'utf8')));
  const document = ZFinalAccounts.parse(result.document);

  it('is a valid document of its template', () => {
    expect(document.template).toBe('shanghai-2024');
  });

  it('gives the check engine the same findings as the transcription, but for a budget line it reports', () => {
    const findings = (doc: typeof fixture) => checkFinalAccounts(doc).map((f) => `${f.rule} ${f.severity} ${f.message}`);
    const unread = result.problems.some((p) => p.reason.includes('此行未读入'));
    if (unread) expect(findings(document).filter((f) => !f.startsWith('budget.bySubject'))).toEqual(findings(fixture).filter((f) => !f.startsWith('budget.bySubject')));
    else expect(findings(document)).toEqual(findings(fixture));
  });
});

describe('import-text on the seed', () => {
  it('reads the 三公 details, the key work table, the contact phone and the closing date as transcribed', () => {
    const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown> & { department: { contactPhone: string } };
    const { document } = imported('2021-qiaokou-big-data-center-final-accounts');
    expect(document.threePublicExpenses).toEqual(seed.threePublicExpenses);
    expect(document.keyWork).toEqual(seed.keyWork);
    expect(document.department.contactPhone).toBe(seed.department.contactPhone);
    expect(document.publishedOn).toBe(seed.publishedOn);
  });

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

  it('reports a 三公 figure neither arithmetic nor narrative can place, with its line', () => {
    const { problems } = imported('2024-shanghai-putuo-finance-bureau-final-accounts');
    expect(problems.filter((p) => p.reason.includes('不止一种栏位')).map((p) => [p.line, p.reason])).toEqual([
      [353, '「财政拨款“三公”经费支出决算表」 合计行：空栏未印出，2 个数（0.95 0.95）可放在不止一种栏位而都合勾稽关系，已放在「预算数 合计、预算数 公务接待费」（按公务接待费、公务用车、因公出国（境）的次序），请核对原表'],
    ]);
  });

  it('reads the self-evaluation tables (department-wide and the six projects) as transcribed', () => {
    const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as { performance: unknown };
    const { document, problems } = imported('2021-qiaokou-big-data-center-final-accounts');
    expect(document.performance).toEqual(seed.performance);
    expect(problems).toEqual([]);
  });

  it('is a valid document giving the check engine the seed\'s findings', () => {
    const seed = ZFinalAccounts.parse(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
    const document = ZFinalAccounts.parse(imported('2021-qiaokou-big-data-center-final-accounts').document);
    const findings = (doc: typeof seed) => checkFinalAccounts(doc).map((f) => `${f.rule} ${f.severity} ${f.message}`);
    expect(findings(document)).toEqual(findings(seed));
  });
});

describe('import-text on the damaged copy', () => {
  const result = imported('2024-shanghai-putuo-finance-bureau-damaged-copy');

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

  it('exits 1 naming what it could not place (规划和自然资源局: budget lines of unknown subjects)', async () => {
    const { code, err } = await run([`${DOCUMENTS}2024-shanghai-putuo-planning-natural-resources-final-accounts.txt`]);
    expect(code).toBe(EXIT_BLOCKING);
    expect(err).toContain('2024-shanghai-putuo-planning-natural-resources-final-accounts.txt:490: comparisons 年初预算：5、社会保障和就业支出（类）');
  });

  it('exits 2 on a text no template can be told for, or a template that does not exist', async () => {
    expect((await run([`${DOCUMENTS}../GLOSSARY.md`])).code).toBe(2);
    const unknown = await run(['--template', 'beijing-2024', `${DOCUMENTS}2021-qiaokou-big-data-center-final-accounts.txt`]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('没有报表格式 "beijing-2024"') as string]);
  });
});
