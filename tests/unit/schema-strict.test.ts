// The format refuses what it does not know, by name, and reads format 1 files as format 2.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../lib/accounts/json-text';
import { parseFinalAccounts } from '../../lib/accounts/validation';
import { loadSeedJson, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const errorsOf = (data: unknown): string[] => {
  const result = parseFinalAccounts(data);
  return result.ok ? [] : result.errors.map((e) => `${e.path}：${e.message}`);
};

describe('a document is refused whole, each refusal named', () => {
  it('refuses a "__proto__" column instead of dropping it', () => {
    const text = JSON.stringify(loadSeedJson()).replace('"cells":{"income":"2882.93"}', '"cells":{"__proto__":"1.00","income":"2882.93"}');
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(errorsOf(parsed.value)).toEqual(['tables.incomeExpenditureSummary.rows[0].cells.__proto__：不认识的栏 "__proto__"，请删去']);
  });

  it('refuses an unknown template, and a template of another year', () => {
    expect(errorsOf({ ...loadSeedJson(), template: 'hubei-2099' })).toEqual(['template：没有报表格式 "hubei-2099"，可用的有：hubei-2021、hubei-2022、shanghai-2024、shanghai-2025']);
    expect(errorsOf({ ...loadSeedJson(), template: 'shanghai-2024' })).toEqual(['fiscalYear：报表格式 shanghai-2024 用于 2024 年度，文档年度为 2021']);
  });

  it('refuses a section the template lacks and asks for one it has', () => {
    const shanghai = JSON.parse(readFileSync(SHANGHAI_FINANCE_BUREAU_PATH, 'utf8')) as Record<string, unknown>;
    const seed = loadSeedJson() as { overview: { staff: unknown } };
    const overview = { ...(shanghai.overview as object), staff: seed.overview.staff };
    expect(errorsOf({ ...shanghai, overview })).toEqual(['overview.staff：上海市区级部门决算公开格式（2024 年度）没有「人员情况（在职、离退休人数）」，请删去此项']);
    const { keyWork: _keyWork, ...withoutKeyWork } = loadSeedJson();
    expect(errorsOf(withoutKeyWork)).toEqual(['keyWork：缺少「重点工作完成情况」：湖北省武汉市区级部门决算公开格式（2021 年度）包含此部分']);
  });

  it('refuses a table of another template by its row, and a class code in the item-level budget', () => {
    const shanghai = JSON.parse(readFileSync(SHANGHAI_FINANCE_BUREAU_PATH, 'utf8')) as { tables: Record<string, { rows: unknown[] }>; comparisons: { initialBudget: { bySubject: { code: string }[] } } };
    shanghai.tables.appropriationSummary?.rows.push({ row: 'closingBalanceGeneralBudget', cells: { total: '1.00' } });
    const line = shanghai.comparisons.initialBudget.bySubject[0];
    if (line) line.code = '999';
    expect(errorsOf(shanghai)).toEqual([
      'tables.appropriationSummary.rows[12].row：财政拨款收入支出决算总表（表4） 没有行 "closingBalanceGeneralBudget"（上海市区级部门决算公开格式（2024 年度））',
      'comparisons.initialBudget.bySubject[0].code：上海市区级部门决算公开格式（2024 年度）按项级科目（7 位编码）列示年初预算，"999" 不是项级编码',
    ].sort());
  });

  it('refuses a negative amount where the sign means nothing', () => {
    expect(errorsOf({ ...loadSeedJson(), agencyOperatingCosts: '-21.63' })).toEqual([expect.stringMatching(/^agencyOperatingCosts：.*不能为负数/)]);
  });

  it('reads a format 1 file (T1..T9 by printed numbers) as format 2, every figure in place', () => {
    const v1 = JSON.parse(readFileSync(new URL('../integration/format1/qiaokou-big-data-center-2021.json', import.meta.url), 'utf8')) as unknown;
    const upgraded = parseFinalAccounts(v1);
    const current = parseFinalAccounts(loadSeedJson());
    if (!upgraded.ok || !current.ok) throw new Error('does not parse');
    // The format 1 file predates the statements transcribed under the empty tables.
    for (const table of Object.values(current.doc.tables)) delete table.statement;
    expect(upgraded.doc).toEqual(current.doc);
  });
});
