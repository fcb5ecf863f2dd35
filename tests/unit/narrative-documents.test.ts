// checkNarrative on the published documents: the seed finds only its real defects, and each
// Shanghai 2024 transcription its own (each verified by hand; the arithmetic is in the names).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CellGrid } from '../../lib/accounts/cells';
import { checkNarrative } from '../../lib/accounts/narrative-check';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadSeed } from './seed-document';

const dataPath = (name: string) => fileURLToPath(new URL(`../../prisma/seed/data/${name}.json`, import.meta.url));
const load = (name: string): TFinalAccounts => ZFinalAccounts.parse(JSON.parse(readFileSync(dataPath(name), 'utf8')));
const check = (doc: TFinalAccounts) => checkNarrative(doc, templateFor(doc.template), CellGrid.of(doc));
const summary = (doc: TFinalAccounts) => check(doc).map((f) => [f.rule, f.severity, f.location?.section, doc.narrative[f.location?.section ?? 0]?.text.slice(f.location?.offset ?? 0).replace(/\s+/g, '').slice(0, 8)]);

describe('the seed (hubei-2021)', () => {
  it('finds only its real defects: 0.0% of a zero 三公 budget, and 0.0% growth from a zero prior year', () => {
    const seed = loadSeed();
    expect(summary(seed)).toEqual([
      // 表7: budgets of 因公出国（境）费, 公务用车购置及运行费 and its two parts are 0 (only 公务接待费 0.6).
      ['narrative.completion', 'warning', 6, '完成年初预算的0'],
      ['narrative.completion', 'warning', 6, '完成年初预算的0'],
      ['narrative.completion', 'warning', 6, '完成年初预算的0'],
      ['narrative.completion', 'warning', 6, '完成年初预算的0'],
      // 2020 三公 were 0 (priorYear.threePublicExpenses all "0"): no growth rate exists.
      ['narrative.change', 'warning', 6, '增长0.0%，其'],
      ['narrative.change', 'warning', 6, '增长0.0%；公'],
      ['narrative.change', 'warning', 6, '增长0.0%,公'],
      ['narrative.change', 'warning', 6, '增长0.0%。'],
    ]);
    expect(check(seed).every((f) => f.severity === 'warning')).toBe(true);
  });
});

describe.skipIf(!existsSync(dataPath('2024-shanghai-putuo-finance-bureau')))('上海市普陀区财政局 2024', () => {
  it('finds 0.3 万元 for 2,961.68, a 71.73% share of 2,106.66/2,940.06 = 71.65%, and 0% of zero budgets', () => {
    expect(summary(load('2024-shanghai-putuo-finance-bureau'))).toEqual([
      ['narrative.amount', 'blocking', 3, '0.3万元。与2'],
      ['narrative.share', 'blocking', 4, '占71.73%；'],
      ['narrative.sharesSum', 'blocking', 4, '占71.73%；'], // 71.73+11.11+2.07+15.16 = 100.07
      ['narrative.share', 'warning', 4, '占2.07%；住'], // 60.99/2,940.06 = 2.0744%, largest remainder 2.08
      ['narrative.completion', 'warning', 6, '完成预算的0%；'], // 因公出国（境）费 budget 0
      ['narrative.completion', 'warning', 6, '完成预算的0%；'], // 公务用车 budget 0
    ]);
  });
});

describe.skipIf(!existsSync(dataPath('2024-shanghai-putuo-planning-natural-resources')))('上海市普陀区规划和自然资源局 2024', () => {
  it('finds 基本支出 and 人员经费 12.89 above 表5/表6, 236.63 for 236.64, truncated percentages and an unchosen 下降（增长）', () => {
    expect(summary(load('2024-shanghai-putuo-planning-natural-resources'))).toEqual([
      ['narrative.share', 'warning', 4, '占本年支出合计的'], // 9,746.50/9,759.38 = 99.868%
      ['narrative.change', 'warning', 4, '增长13.95。'], // no % sign
      ['narrative.amount', 'blocking', 4, '236.63万元'], // 表5 210 = 40.35 + 196.29 = 236.64
      ['narrative.completion', 'warning', 4, '完成年初预算的9'], // 9,746.50/10,210.34 = 95.457%
      ['narrative.amount', 'blocking', 5, '5377.64万'], // 表5 basic 5,364.75
      ['narrative.amount', 'blocking', 5, '4896.98万'], // 表6 人员经费合计 4,884.09
      ['narrative.completion', 'warning', 6, '完成预算的0.0'],
      ['narrative.completion', 'warning', 6, '完成预算的0.0'],
      ['narrative.residue', 'warning', 6, '下降（增长）27'],
    ]);
  });
});

describe.skipIf(!existsSync(dataPath('2024-shanghai-putuo-social-work-department')))('中共上海市普陀区委社会工作部 2024', () => {
  it('finds 100.00% growth from nothing, 95.89% of a zero 年初预算, and shares that do not follow the largest remainder', () => {
    expect(summary(load('2024-shanghai-putuo-social-work-department'))).toEqual([
      ['narrative.change', 'warning', 0, '增长100.00'],
      ['narrative.change', 'warning', 3, '增长100.00'],
      ['narrative.change', 'warning', 4, '增长100.00'],
      ['narrative.share', 'warning', 4, '占3.52%；卫'], // 10.82/307.82 = 3.515%, largest remainder 3.51
      ['narrative.share', 'warning', 4, '占9.55%。（'], // 29.42/307.82 = 9.5575%, largest remainder 9.56
      ['narrative.completion', 'warning', 4, '完成年初预算的9'], // 年初预算 0 (95.89% is of 全年预算 321.02)
      ['narrative.change', 'warning', 10, '增长100.00'],
    ]);
  });
});

describe.skipIf(!existsSync(dataPath('2024-shanghai-putuo-finance-bureau')))('sentences of the damaged copy of the finance bureau document', () => {
  const doc = () => load('2024-shanghai-putuo-finance-bureau');
  const run = (heading: string, text: string) => {
    const copy = doc();
    copy.narrative = [{ heading, text }];
    return check(copy).map((f) => [f.rule, f.location?.offset]);
  };

  it('reads letter-spaced text across line breaks', () => {
    expect(run('四、财政拨款收入支出决算总体情况说明', '上 海 市 普 陀区 财 政 局 2024 年 度 财 政 拨款 收 入 支 出 总 计\n2961.68 万元。')).toEqual([]);
    const text = '上海市普陀区财政局 2024 年度收入支出总计 0 万元。与\n2023 年度相比';
    expect(run('一、收入支出决算总体情况说明', text)).toEqual([['narrative.amount', text.indexOf('0 万元')]]);
  });

  it('finds 决算数等于预算数 for 60.99 against 62.29, and 截至 2023年 in a 2024 document', () => {
    const item = '9、卫生健康支出（类）行政事业单位医疗（款）行政单位\n医疗（项） 。主要用于：在职人员基本医疗保险费。年初预算为\n62.29 万元，支出决算为 60.99 万元。 决算数等于预算数的主\n要原因：预算按周全保障测算。';
    expect(run('五、一般公共预算财政拨款支出决算情况说明', item)).toEqual([['narrative.comparison', item.indexOf('决算数等于')]]);
    const assets = '截至 2023年 12 月 31 日，上海市普陀区财政局共有车辆 0  \n辆';
    expect(run('十一、其他重要事项的情况说明', `（三）国有资产占有使用情况说明\n${assets}`)).toEqual([['narrative.year', '（三）国有资产占有使用情况说明\n'.length]]);
  });
});
