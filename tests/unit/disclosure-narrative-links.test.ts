// narrativeFigureLinks on the published documents: each number the narrative prints that the
// checker ties to a fact, where it is in the raw text, the cells it comes from, the arithmetic
// with the exact figures, and the checker's verdict.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NarrativeText } from '../../components/disclosure/document/narrative-text';
import { CellGrid } from '../../lib/accounts/cells';
import { narrativeFigureLinks, type NarrativeFigureLink } from '../../lib/accounts/disclosure/narrative-links';
import { checkNarrative } from '../../lib/accounts/narrative-check';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const links = (doc: TFinalAccounts) => narrativeFigureLinks(doc, templateFor(doc.template));
const printed = (doc: TFinalAccounts, link: NarrativeFigureLink) => doc.narrative[link.section]?.text.slice(link.start, link.end) ?? '';
/** Links per section index, as "section:count". */
function perSection(all: readonly NarrativeFigureLink[]): string[] {
  const counts = new Map<number, number>();
  for (const link of all) counts.set(link.section, (counts.get(link.section) ?? 0) + 1);
  return [...counts].map(([section, count]) => `${section}:${count}`);
}

/** The printed text as the checker reads it: whitespace dropped, full-width digits folded. */
const folded = (text: string) => text.replace(/\s+/g, '').replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function expectWellPlaced(doc: TFinalAccounts, all: readonly NarrativeFigureLink[]) {
  let previous = { section: -1, end: 0 };
  for (const link of all) {
    expect(folded(printed(doc, link))).toMatch(/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/);
    // In text order, never overlapping.
    if (link.section === previous.section) expect(link.start).toBeGreaterThanOrEqual(previous.end);
    else expect(link.section).toBeGreaterThan(previous.section);
    previous = link;
    expect(link.cells.length).toBeGreaterThan(0);
    expect(link.computation).not.toBe('');
  }
}

describe('the seed (hubei-2021)', () => {
  const seed = loadSeed();
  const all = links(seed);

  it('links 288.9 in 三、支出决算情况说明 to 表3 基本支出 and its 10.0% to 288.90 ÷ 2,882.93', () => {
    const section = seed.narrative.findIndex((s) => s.heading === '三、支出决算情况说明');
    const here = all.filter((l) => l.section === section);
    expect(here.map((l) => printed(seed, l))).toEqual(['2,882.93', '288.9', '10.0', '2,594.03', '90.0']);
    expect(here[1]).toEqual({
      section, start: seed.narrative[section]?.text.indexOf('288.9'), end: (seed.narrative[section]?.text.indexOf('288.9') ?? 0) + 5,
      cells: ['expenditure:total:basic'], computation: '支出决算表（表3） 合计行 基本支出 288.90', agrees: true, verdict: 'agrees',
    });
    expect(here[2]).toMatchObject({
      cells: ['expenditure:total:basic', 'expenditure:total:total'],
      computation: '支出决算表（表3） 合计行 基本支出 288.90 ÷ 支出决算表（表3） 合计行 本年支出合计 2,882.93 = 10.0%',
      agrees: true,
    });
  });

  it('works out the change, the growth and the completion with the exact figures', () => {
    const overall = all.filter((l) => l.section === 0);
    expect(overall.map((l) => [printed(seed, l), l.computation])).toEqual([
      ['2,882.93', '收入支出决算总表（表1） 收入总计 2,882.93'],
      ['1,792.56', '收入支出决算总表（表1） 收入总计 2,882.93 − 上年收入支出总计 1,090.37 = 1,792.56'],
      ['164.4', '（收入支出决算总表（表1） 收入总计 2,882.93 − 上年收入支出总计 1,090.37）÷ 1,090.37 = 164.4%'],
    ]);
    expect(overall[1]?.cells).toEqual(['incomeExpenditureSummary:incomeGrandTotal:income', 'comparisons.priorYear.totalIncomeExpenditure']);
    const completion = all.find((l) => printed(seed, l) === '136.0');
    expect(completion).toMatchObject({
      cells: ['generalBudgetExpenditure:total:total', 'comparisons.initialBudget.generalPublicBudgetExpenditure'],
      computation: '一般公共预算财政拨款支出决算表（表5） 合计行 小计 2,882.93 ÷ 一般公共预算财政拨款支出年初预算 2,120.19 = 136.0%',
      agrees: true,
    });
    // A document field is named in words; the field itself is in cells.
    const smes = all.find((l) => printed(seed, l) === '97.7');
    expect(smes).toMatchObject({ cells: ['procurement.toSmes', 'procurement.total'], computation: '授予中小企业合同金额 2,502.53 ÷ 政府采购支出总额 2,562.69 = 97.7%' });
  });

  it('counts the links per section and places every one on its printed number', () => {
    expect(perSection(all)).toEqual(['0:3', '1:3', '2:5', '3:3', '4:35', '5:3', '6:28', '7:4', '8:1', '9:3', '10:8', '11:11']);
    expectWellPlaced(seed, all);
  });

  it('in 七、“三公”经费: 0.0% of a zero budget and growth from a zero prior year cannot be computed, which is no disagreement', () => {
    const findings = checkNarrative(seed, templateFor(seed.template), CellGrid.of(seed));
    const disagreeing = all.filter((l) => !l.agrees);
    expect(disagreeing).toHaveLength(findings.length);
    expect(disagreeing.map((l) => printed(seed, l))).toEqual(Array(8).fill('0.0'));
    const section = seed.narrative.findIndex((s) => s.heading === '七、一般公共预算财政拨款“三公”经费支出决算情况说明');
    expect(disagreeing.map((l) => [l.section, l.verdict])).toEqual(Array(8).fill([section, 'uncomputable']));
    expect(all.filter((l) => l.verdict === 'differs')).toEqual([]);
    // As printed on the page: worded as not computable, never as differing from the tables.
    const html = renderToStaticMarkup(createElement(NarrativeText, { text: seed.narrative[section]?.text ?? '', section, links: all.filter((l) => l.section === section) }));
    expect(html.match(/无法计算（基数为 0）：/g)).toHaveLength(8);
    expect(html).not.toContain('与表中数不一致');
    expect(disagreeing[0]?.computation).toBe('一般公共预算财政拨款“三公”经费支出决算表（表7） 决算数 因公出国（境）费 0.00 ÷ 一般公共预算财政拨款“三公”经费支出决算表（表7） 预算数 因公出国（境）费 0.00，预算数为 0，不计算完成预算的百分比');
    expect(disagreeing[4]?.computation).toBe('（一般公共预算财政拨款“三公”经费支出决算表（表7） 决算数 合计 0.00 − 上年“三公”经费 0.00）÷ 0.00，上年数为 0，不计算增减率');
  });

  it('finds the number in text broken by a PDF: spaces inside it, full-width digits', () => {
    const doc = loadSeed();
    const section = 2;
    const entry = doc.narrative[section];
    if (!entry) throw new Error('no section 2');
    entry.text = '2021 年度支出合计 2, 882.93 万元。其中：基本支出 ２８８．９ 万元，占本年支出 10.0 %。';
    const here = links(doc).filter((l) => l.section === section);
    expect(here.map((l) => printed(doc, l))).toEqual(['2, 882.93', '２８８．９', '10.0']);
    expect(here.map((l) => l.agrees)).toEqual([true, true, true]);
  });
});

describe('Shanghai 2024', () => {
  it('上海市普陀区财政局: 0.3 万元 for 2,961.68, and shares of 各项合计 2,940.06 by largest remainder', () => {
    const doc = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    const all = links(doc);
    expect(perSection(all)).toEqual(['0:3', '1:5', '2:5', '3:1', '4:38', '5:3', '6:9', '9:14', '10:22']);
    expectWellPlaced(doc, all);
    const wrong = all.filter((l) => !l.agrees);
    expect(wrong.map((l) => [l.section, printed(doc, l)])).toEqual([[3, '0.3'], [4, '71.73'], [4, '2.07'], [6, '0'], [6, '0']]);
    expect(wrong[0]).toMatchObject({ cells: ['appropriationSummary:incomeGrandTotal:income'], computation: '财政拨款收入支出决算总表 收入总计 2,961.68' });
    expect(wrong[1]?.computation).toBe('一般公共预算财政拨款支出决算表 201 一般公共服务支出 合计 2,106.66 ÷ 各项合计 2,940.06 = 71.65%');
    expect(wrong[2]?.computation).toBe('一般公共预算财政拨款支出决算表 210 卫生健康支出 合计 60.99 ÷ 各项合计 2,940.06 = 2.08%（各项占比按最大余额法舍入，合计为 100%）');
    // A share of 各项合计 comes from the items, not from the printed 合计 (2,940.05) beside them.
    expect(wrong[1]?.cells[0]).toBe('generalBudgetExpenditure:201:total');
    expect(wrong[1]?.cells).not.toContain('generalBudgetExpenditure:total:total');
    expect(wrong[1]?.cells).toContain('generalBudgetExpenditure:210:total');
    const score = all.find((l) => l.cells[0] === 'performance.management.selfEvaluation.averageScore');
    expect(score && [printed(doc, score), score.computation, score.agrees]).toEqual(['99.43', '平均得分 99.43', true]);
    const decline = all.filter((l) => l.section === 0).map((l) => l.computation);
    expect(decline[2]).toBe('（收入支出决算总表 收入总计 2,995.39 − 上年收入支出总计 3,052.34）÷ 3,052.34 = -1.87%');
  });

  it('上海市普陀区社会工作部, new in 2024: growth 100.00% and 95.89% of a zero budget cannot be computed; two shares differ', () => {
    const doc = loadDocument(SHANGHAI_SOCIAL_WORK_PATH);
    const all = links(doc);
    expect(all.filter((l) => l.verdict !== 'agrees').map((l) => [l.section, printed(doc, l), l.verdict])).toEqual([
      [0, '100.00', 'uncomputable'], [3, '100.00', 'uncomputable'], [4, '100.00', 'uncomputable'],
      [4, '3.52', 'differs'], [4, '9.55', 'differs'], [4, '95.89', 'uncomputable'], [10, '100.00', 'uncomputable'],
    ]);
    expect(all.find((l) => printed(doc, l) === '95.89')?.computation).toBe('一般公共预算财政拨款支出决算表 合计行 合计 307.82 ÷ 一般公共预算财政拨款支出年初预算 0.00，预算数为 0，不计算完成预算的百分比');
    for (const link of all) expect(link.agrees).toBe(link.verdict === 'agrees');
    const html = renderToStaticMarkup(createElement(NarrativeText, { text: doc.narrative[4]?.text ?? '', section: 4, links: all.filter((l) => l.section === 4) }));
    expect(html.match(/与表中数不一致：/g)).toHaveLength(2);
    expect(html.match(/无法计算（基数为 0）：/g)).toHaveLength(2);
  });

  it('上海市普陀区规划和自然资源局 and 社会工作部: every link on its number, one verdict per checked claim', () => {
    for (const path of [SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH]) {
      const doc = loadDocument(path);
      const all = links(doc);
      expectWellPlaced(doc, all);
      const located = new Set(checkNarrative(doc, templateFor(doc.template), CellGrid.of(doc))
        .filter((f) => f.rule !== 'narrative.sharesSum' && f.rule !== 'narrative.residue' && f.rule !== 'narrative.twoValues' && f.rule !== 'narrative.year')
        .map((f) => `${f.location?.section}`));
      // Each section with a wrong figure has a link that disagrees, and no other section has.
      expect(new Set(all.filter((l) => !l.agrees).map((l) => `${l.section}`))).toEqual(located);
    }
    const planning = loadDocument(SHANGHAI_PLANNING_PATH);
    const figure = links(planning).find((l) => printed(planning, l) === '236.63');
    expect(figure).toMatchObject({ cells: ['generalBudgetExpenditure:210:total'], computation: '一般公共预算财政拨款支出决算表 210 卫生健康支出 合计 236.64', agrees: false });
  });
});
