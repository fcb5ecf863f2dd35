// The narrative checked against the tables: for every rule a sentence written for the purpose
// that holds and one that fails, on the seed (湖北 2021) and a Shanghai 2024 transcription.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CellGrid } from '../../lib/accounts/cells';
import type { Finding } from '../../lib/accounts/findings';
import { checkNarrative } from '../../lib/accounts/narrative-check';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadSeed, setCell } from './seed-document';

const seed = loadSeed();
const SHANGHAI_PATH = fileURLToPath(new URL('../../prisma/seed/data/2024-shanghai-putuo-finance-bureau.json', import.meta.url));
const hasShanghai = existsSync(SHANGHAI_PATH);
const shanghai = hasShanghai ? ZFinalAccounts.parse(JSON.parse(readFileSync(SHANGHAI_PATH, 'utf8'))) : seed;

function check(base: TFinalAccounts, heading: string, text: string, change?: (doc: TFinalAccounts) => void): Finding[] {
  const doc = structuredClone(base);
  doc.narrative = [{ heading, text }];
  change?.(doc);
  return checkNarrative(doc, templateFor(doc.template), CellGrid.of(doc));
}

/** The one finding of a rule, with its cells and the offset of the claim. */
function only(findings: Finding[], rule: string): Finding {
  const matching = findings.filter((f) => f.rule === rule);
  expect(matching, JSON.stringify(findings, null, 1)).toHaveLength(1);
  return matching[0] as Finding;
}

const INCOME = '二、收入决算情况说明';
const EXPENDITURE = '三、支出决算情况说明';
const OVERALL = '一、收入支出决算总体情况说明';
const GENERAL = '五、一般公共预算财政拨款支出决算情况说明';
const THREE = '七、一般公共预算财政拨款“三公”经费支出决算情况说明';

describe('narrative.amount: a figure against the cell or document figure it names', () => {
  it('holds for 收入合计 as the table prints it, with or without thousands separators', () => {
    expect(check(seed, INCOME, '2021年度收入合计2,882.93万元。')).toEqual([]);
    expect(check(seed, INCOME, '2021 年度收入合计 2882.93 万元。')).toEqual([]);
  });

  it('fails for a wrong 收入合计, naming the cell in words', () => {
    const text = '2021年度收入合计2,883.93万元。';
    const f = only(check(seed, INCOME, text), 'narrative.amount');
    expect(f).toMatchObject({ severity: 'blocking', expected: '2882.93', actual: '2883.93', difference: '1.00', cells: ['incomeExpenditureSummary:incomeTotal:income'] });
    expect(f.location).toMatchObject({ section: 0, heading: INCOME, offset: text.indexOf('2,883.93'), sentence: text });
    expect(f.message).toContain('收入支出决算总表（表1） 本年收入合计 为 2,882.93 万元');
  });

  it('calls a coarser print that rounds to the figure a rounding difference', () => {
    const f = only(check(seed, INCOME, '2021年度收入合计2,882.9万元。'), 'narrative.amount');
    expect(f).toMatchObject({ severity: 'warning', withinRounding: true });
  });

  it('compares counts of equipment with doc.assets', () => {
    const heading = '十二、国有资产占用情况';
    expect(check(seed, heading, '单价50万元（含）以上通用设备6台（套），单价100万元（含）以上专用设备1台（套）。')).toEqual([]);
    const text = '单价50万元（含）以上通用设备6台（套），单价100万元（含）以上专用设备2台（套）。';
    const f = only(check(seed, heading, text), 'narrative.amount');
    expect(f).toMatchObject({ cells: ['assets.specialEquipmentOver1m'], expected: '1', actual: '2' });
    expect(f.location?.offset).toBe(text.indexOf('2台'));
  });

  it('checks “无…支出” against the table', () => {
    const text = '2021年度无“三公”经费财政拨款支出。';
    expect(check(seed, THREE, text)).toEqual([]);
    const f = only(check(seed, THREE, text, (doc) => {
      setCell(doc, 'threePublicExpensesTable', 'total', 'actualReceptions', '0.5');
      setCell(doc, 'threePublicExpensesTable', 'total', 'actualTotal', '0.5');
    }), 'narrative.amount');
    expect(f.cells).toEqual(['threePublicExpensesTable:total:actualTotal']);
    expect(f.location?.offset).toBe(text.indexOf('无'));
  });

  it('reads an amount only right after its subject', () => {
    // 0.79 万元 belongs to a project named after 项目支出, not to 项目支出 itself.
    expect(check(seed, GENERAL, '其中：基本支出288.9万元，项目支出2,594.03万元。项目支出主要用于办公家具及设备购置0.79万元。')).toEqual([]);
  });
});

describe('narrative.share: 占 x% recomputed at the printed precision', () => {
  it('holds for 基本支出 10.0% and 项目支出 90.0% of 本年支出', () => {
    expect(check(seed, EXPENDITURE, '其中：基本支出288.9万元，占本年支出10.0%；项目支出2,594.03万元，占本年支出90.0%。')).toEqual([]);
  });

  it('fails for a wrong share, with the part and the total as cells', () => {
    const text = '其中：基本支出288.9万元，占本年支出12.0%；项目支出2,594.03万元，占本年支出88.0%。';
    const findings = check(seed, EXPENDITURE, text).filter((f) => f.rule === 'narrative.share');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'blocking', expected: '10.0', actual: '12.0', cells: ['expenditure:total:basic', 'expenditure:total:total'] });
    expect(findings[0]?.location?.offset).toBe(text.indexOf('占本年支出12.0%'));
  });

  it('uses the largest remainder: 214.65 of 2,882.93 is 7.5%, and 7.4% is a rounding difference', () => {
    const text = '财政拨款支出2,882.93万元，主要用于以下方面：一般公共服务（类）支出214.65万元，占7.4%；社会保障和就业(类)支出17.61万元，占0.6%；卫生健康(类)支出26.81万元，占0.9%；资源勘探工业信息等(类)支出2,594.03万元，占90.0%；住房保障(类)支出29.83万元，占1.0%。';
    const findings = check(seed, GENERAL, text);
    const share = only(findings, 'narrative.share');
    expect(share).toMatchObject({ severity: 'warning', withinRounding: true, expected: '7.5', actual: '7.4', cells: ['generalBudgetExpenditure:201:total', 'generalBudgetExpenditure:total:total'] });
    expect(share.location?.offset).toBe(text.indexOf('占7.4%'));
  });

  it('checks a share of one total at two decimals (Shanghai)', () => {
    const text = '本年收入合计2946.25万元，其中：财政拨款收入 2940.05万元，占99.79%；其他收入6.2万元，占0.21%；';
    expect(check(shanghai, INCOME, text)).toEqual([]);
    const f = only(check(shanghai, INCOME, text.replace('99.79%', '99.97%')), 'narrative.share');
    expect(f).toMatchObject({ expected: '99.79', actual: '99.97', severity: 'blocking' });
  });
});

describe('narrative.sharesSum: the shares of one total add to 100%', () => {
  const classes = (shares: readonly string[]) =>
    `财政拨款支出2,882.93万元，主要用于以下方面：一般公共服务（类）支出214.65万元，占${shares[0]}%；社会保障和就业(类)支出17.61万元，占${shares[1]}%；` +
    `卫生健康(类)支出26.81万元，占${shares[2]}%；资源勘探工业信息等(类)支出2,594.03万元，占${shares[3]}%；住房保障(类)支出29.83万元，占${shares[4]}%。`;

  it('holds for the seed printed 7.5/0.6/0.9/90.0/1.0', () => {
    expect(check(seed, GENERAL, classes(['7.5', '0.6', '0.9', '90.0', '1.0']))).toEqual([]);
  });

  it('fails for shares rounded one by one (99.9%), a rounding difference', () => {
    const text = classes(['7.4', '0.6', '0.9', '90.0', '1.0']);
    const f = only(check(seed, GENERAL, text), 'narrative.sharesSum');
    expect(f).toMatchObject({ severity: 'warning', expected: '100.0', actual: '99.9', difference: '-0.1' });
    expect(f.cells).toEqual(['201', '208', '210', '215', '221'].map((code) => `generalBudgetExpenditure:${code}:total`));
    expect(f.location?.offset).toBe(text.indexOf('占7.4%'));
  });

  it('fails as blocking when the sum is off by more than rounding', () => {
    expect(only(check(seed, GENERAL, classes(['7.5', '0.6', '0.9', '91.0', '1.0'])), 'narrative.sharesSum')).toMatchObject({ severity: 'blocking', actual: '101.0' });
  });
});

describe('narrative.change: year-on-year change against doc.comparisons.priorYear', () => {
  const holds = '2021年度收、支总计2,882.93万元。与2020年度相比，收、支总计各增加1,792.56万元，增长164.4%。';
  const cells = ['incomeExpenditureSummary:incomeGrandTotal:income', 'comparisons.priorYear.totalIncomeExpenditure'];

  it('holds for the seed: 增加 1,792.56 万元，增长 164.4%', () => {
    expect(check(seed, OVERALL, holds)).toEqual([]);
  });

  it('fails for a wrong amount of change', () => {
    const text = holds.replace('1,792.56', '1,792.65');
    const f = only(check(seed, OVERALL, text), 'narrative.change');
    expect(f).toMatchObject({ severity: 'blocking', expected: '1792.56', actual: '1792.65', cells });
    expect(f.location?.offset).toBe(text.indexOf('增加1,792.65'));
  });

  it('fails for a wrong rate', () => {
    const text = holds.replace('164.4%', '146.4%');
    const f = only(check(seed, OVERALL, text), 'narrative.change');
    expect(f).toMatchObject({ severity: 'blocking', expected: '164.4', actual: '146.4', cells });
    expect(f.location?.offset).toBe(text.indexOf('增长146.4%'));
  });

  it('reports a rate against a zero prior year', () => {
    const text = '2021年度“三公”经费财政拨款支出决算数比2020年度增加0万元，增长0.0%。';
    const f = only(check(seed, THREE, text), 'narrative.change');
    expect(f).toMatchObject({ severity: 'warning', cells: ['threePublicExpensesTable:total:actualTotal', 'comparisons.priorYear.threePublicExpenses.total'] });
    expect(f.location?.offset).toBe(text.indexOf('增长0.0%'));
  });

  it('reports a rate printed without its % sign', () => {
    const f = only(check(seed, OVERALL, holds.replace('164.4%。', '164.4。')), 'narrative.change');
    expect(f).toMatchObject({ severity: 'warning', expected: '164.4', actual: '164.4' });
  });

  it('skips a change when the prior year is not known', () => {
    const text = '2021年度收、支总计2,882.93万元。与2020年度相比，收、支总计各增加9,999.00万元，增长9.9%。';
    expect(check(seed, OVERALL, text, (doc) => { delete doc.comparisons.priorYear; })).toEqual([]);
  });
});

describe('narrative.direction: 增加/减少/持平 and 增长/下降 match the sign of the change', () => {
  it('fails for 减少 / 下降 when the figure grew', () => {
    const text = '与2020年度相比，收、支总计各减少1,792.56万元，下降164.4%。';
    const findings = check(seed, OVERALL, text).filter((f) => f.rule === 'narrative.direction');
    expect(findings.map((f) => f.location?.offset)).toEqual([text.indexOf('减少'), text.indexOf('下降')]);
  });

  it('fails for 持平 when the figure changed, and holds when it did not', () => {
    const text = '2021年度机关运行经费支出25.88万元，与2020年度持平。';
    const f = only(check(seed, '十、机关运行经费支出情况', text), 'narrative.direction');
    expect(f).toMatchObject({ severity: 'blocking', cells: ['agencyOperatingCosts', 'comparisons.priorYear.agencyOperatingCosts'] });
    expect(f.location?.offset).toBe(text.indexOf('与2020年度持平'));
    expect(check(seed, '十、机关运行经费支出情况', text, (doc) => {
      if (doc.comparisons.priorYear) doc.comparisons.priorYear.agencyOperatingCosts = '25.88';
    })).toEqual([]);
  });
});

describe('narrative.completion: 完成年初预算的 x%', () => {
  const holds = '2021年度一般公共预算财政拨款支出年初预算为2,120.19万元，支出决算为2,882.93万元，完成年初预算的136.0%。';

  it('holds for 2,882.93 / 2,120.19 = 136.0%', () => {
    expect(check(seed, GENERAL, holds)).toEqual([]);
  });

  it('fails for a wrong completion', () => {
    const text = holds.replace('136.0%', '163.0%');
    const f = only(check(seed, GENERAL, text), 'narrative.completion');
    expect(f).toMatchObject({ severity: 'blocking', expected: '136.0', actual: '163.0', cells: ['generalBudgetExpenditure:total:total', 'comparisons.initialBudget.generalPublicBudgetExpenditure'] });
    expect(f.location?.offset).toBe(text.indexOf('完成年初预算的163.0%'));
  });

  it('calls 135.9% (exact 135.97…) a rounding difference', () => {
    expect(only(check(seed, GENERAL, holds.replace('136.0%', '135.9%')), 'narrative.completion')).toMatchObject({ severity: 'warning', withinRounding: true });
  });

  it('reports any percentage of a zero budget', () => {
    const text = '1.因公出国(境)费支出决算为0万元，完成年初预算的0.0%。';
    const f = only(check(seed, THREE, text), 'narrative.completion');
    expect(f).toMatchObject({ severity: 'warning', cells: ['threePublicExpensesTable:total:actualOverseasTrips', 'threePublicExpensesTable:total:budgetOverseasTrips'] });
    expect(f.location?.offset).toBe(text.indexOf('完成'));
  });
});

describe('narrative.comparison: 大于/小于/等于/基本持平 预算数, and 比年初预算增加/减少', () => {
  const line = (words: string) => `1. 一般公共服务支出(类)。年初预算为157.44万元，支出决算为214.65万元，完成年初预算的136.3%，${words}。`;
  const cells = ['generalBudgetExpenditure:201:total', 'comparisons.initialBudget.bySubject[0].amount'];

  it('holds for 支出决算数大于年初预算数', () => {
    expect(check(seed, GENERAL, line('支出决算数大于年初预算数'))).toEqual([]);
  });

  it('fails for 小于 and for 基本持平 when the actual is well above the budget', () => {
    for (const words of ['支出决算数小于年初预算数', '决算数与预算数基本持平']) {
      const text = line(words);
      const f = only(check(seed, GENERAL, text), 'narrative.comparison');
      expect(f).toMatchObject({ severity: 'blocking', cells });
      expect(f.location?.offset).toBe(text.indexOf(words));
    }
  });

  it('checks 比年初预算减少 against actual − budget', () => {
    expect(check(seed, THREE, '3.公务接待费支出决算为0万元，比年初预算减少0.6万元。')).toEqual([]);
    const text = '3.公务接待费支出决算为0万元，比年初预算减少0.5万元。';
    const f = only(check(seed, THREE, text), 'narrative.comparison');
    expect(f).toMatchObject({ expected: '-0.60', actual: '-0.50', cells: ['threePublicExpensesTable:total:actualReceptions', 'threePublicExpensesTable:total:budgetReceptions'] });
    expect(f.location?.offset).toBe(text.indexOf('比年初预算'));
  });

  it.skipIf(!hasShanghai)('reads an item by its 类/款/项 names (Shanghai)', () => {
    const text = '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出。';
    expect(check(shanghai, GENERAL, text)).toEqual([]);
    const wrong = text.replace('决算数小于', '决算数大于');
    const f = only(check(shanghai, GENERAL, wrong), 'narrative.comparison');
    expect(f.cells).toEqual(['generalBudgetExpenditure:2010601:total', 'comparisons.initialBudget.bySubject[0].amount']);
    expect(f.location?.offset).toBe(wrong.indexOf('决算数大于'));
  });
});

describe('narrative.twoValues: one figure, two values', () => {
  it('fails when 年初预算 is printed twice with two values', () => {
    const first = '2021年度一般公共预算财政拨款支出年初预算为2,120.19万元。';
    const second = '一般公共预算财政拨款支出年初预算为2,210.19万元。';
    const text = first + second;
    const findings = check(seed, GENERAL, text);
    const f = only(findings, 'narrative.twoValues');
    expect(f).toMatchObject({ severity: 'blocking', expected: '2120.19', actual: '2210.19', cells: ['comparisons.initialBudget.generalPublicBudgetExpenditure'] });
    expect(f.location?.offset).toBe(text.indexOf('年初预算为2,210.19'));
    expect(findings.filter((x) => x.rule === 'narrative.amount')).toHaveLength(1);
  });

  it('holds when the same figure is repeated with the same value', () => {
    expect(check(seed, GENERAL, '财政拨款支出2,882.93万元。财政拨款支出2882.93万元。')).toEqual([]);
  });
});

describe('narrative.residue and narrative.year: text left from the template', () => {
  it.each([
    ['上海市普陀区XX局 2021年度收入合计2,882.93万元。', 'XX'],
    ['202 年度收入合计2,882.93万元。', '202 年度'],
    ['收入合计2,882.93万元，下降（增长）1.0%。', '下降（增长）'],
    ['收入合计2,882.93万元。请填写收入构成。', '请填写'],
    ['收入合计2,882.93万元（此处说明原因）。', '（此处'],
    ['说明：如无此项收入，填0。收入合计2,882.93万元。', '说明：如'],
    ['收入合计2,882.93万元，主要原因：。', '主要原因'],
    ['收入合计2,882.93万元。\n。', '。\n。'],
  ])('reports “%s”', (text, residue) => {
    const f = only(check(seed, INCOME, text), 'narrative.residue');
    expect(f).toMatchObject({ severity: 'warning', cells: ['narrative[0].text'] });
    expect(f.location?.offset).toBe(text.indexOf(residue));
  });

  it('reports a year that is not the fiscal year, and the one compared with that is not the year before', () => {
    const text = '截至2020年12月31日，共有车辆0辆。';
    const f = only(check(seed, '十二、国有资产占用情况', text), 'narrative.year');
    expect(f).toMatchObject({ expected: '2021', actual: '2020' });
    expect(f.location?.offset).toBe(0);
    expect(only(check(seed, OVERALL, '与2019年度相比，收、支总计各增加1,792.56万元。'), 'narrative.year')).toMatchObject({ expected: '2020', actual: '2019' });
    expect(check(seed, OVERALL, '截至2021年12月31日。与2020年度相比。')).toEqual([]);
  });
});

describe.skipIf(!hasShanghai)('Shanghai wording', () => {
  const OTHER = '十一、其他重要事项的情况说明';

  it('checks 预算绩效管理 counts and amounts', () => {
    const text = '编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分。';
    expect(check(shanghai, '十、预算绩效管理情况', text)).toEqual([]);
    const wrong = text.replace('项目4个', '项目5个');
    const f = only(check(shanghai, '十、预算绩效管理情况', wrong), 'narrative.amount');
    expect(f).toMatchObject({ cells: ['performance.management.targetSetting.projects'], expected: '4', actual: '5' });
  });

  it('checks procurement reserved for SMEs under its sub-heading', () => {
    const text = '（二）政府采购支出情况\n2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元。在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.79万元。';
    expect(check(shanghai, OTHER, text)).toEqual([]);
    const f = only(check(shanghai, OTHER, text.replace('4.79万元', '7.49万元')), 'narrative.amount');
    expect(f.cells).toEqual(['procurement.reserved.otherAwardedToSmes']);
  });

  it('reads nothing from a reason', () => {
    expect(check(shanghai, OVERALL, '收入支出总计2995.39万元。主要原因：项目支出增加，较上一度增加1133.95万元。')).toEqual([]);
  });

  it('skips a 全年预算, which the accounts do not record', () => {
    const text = '一般公共预算财政拨款支出全年预算为3000.00万元，支出决算为2940.05万元，完成全年预算数的98.00%。决算数小于预算数。';
    expect(check(shanghai, GENERAL, text)).toEqual([]);
  });
});
