// The narrative kept in step with the figures, on the seed document's real draft: what the
// accountant has not touched follows the figures, what she edited or wrote stays.
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../lib/accounts/narrative-check';
import { CellGrid } from '../../lib/accounts/cells';
import { generateNarrative } from '../../lib/accounts/narrative';
import { fillNarrative, refreshNarrative, splitSentences, stepNarrative } from '../../lib/accounts/narrative-refresh';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const template = templateFor('hubei-2021');
const draftOf = (doc: TFinalAccounts, heading: string): string => {
  const section = generateNarrative(doc, template).find((s) => s.heading === heading);
  if (!section) throw new Error(`no draft section ${heading}`);
  return section.text;
};
const changed = (edit: (doc: TFinalAccounts) => void): TFinalAccounts => {
  const doc = structuredClone(loadSeed());
  edit(doc);
  return doc;
};

const PROCUREMENT = '十一、政府采购支出情况';
const AGENCY = '十、机关运行经费支出情况';
const OVERALL = '一、收入支出决算总体情况说明';
const GENERAL_BUDGET = '五、一般公共预算财政拨款支出决算情况说明';

describe('splitSentences', () => {
  it('cuts every published and drafted section into sentences that join back to the text', () => {
    const seed = loadSeed();
    const shanghai = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    const texts = [...seed.narrative, ...generateNarrative(seed, template), ...shanghai.narrative].map((s) => s.text);
    for (const text of texts) expect(splitSentences(text).join('')).toBe(text);
  });

  it('ends a sentence at 。 and at a line break, keeping the break with it', () => {
    expect(splitSentences('（一）总体情况\n收入2,882.93万元。其中：财政拨款收入2,882.93万元，占本年收入100.0%。')).toEqual([
      '（一）总体情况\n', '收入2,882.93万元。', '其中：财政拨款收入2,882.93万元，占本年收入100.0%。',
    ]);
  });
});

describe('refreshNarrative on the seed draft', () => {
  const seed = loadSeed();
  const morePurchases = changed((doc) => {
    doc.procurement.total = '2600.00';
    doc.procurement.services = '1860.64';
  });

  it('replaces an untouched draft by the new draft', () => {
    const before = draftOf(seed, PROCUREMENT);
    const after = draftOf(morePurchases, PROCUREMENT);
    expect(after).toContain('政府采购支出总额2,600.00万元');
    expect(refreshNarrative(before, before, after)).toBe(after);
  });

  it('keeps the sentence she edited and the one she added, and updates the others', () => {
    const before = draftOf(seed, PROCUREMENT);
    const [first, second] = splitSentences(before);
    expect(second).toBe('授予中小企业合同金额2,502.53万元，占政府采购支出总额的97.7%，其中：授予小微企业合同金额406.13万元，占授予中小企业合同金额的16.2%。');
    const mine = '授予中小企业合同金额2,502.53万元，绝大部分采购合同授予中小企业。';
    const reason = '服务采购增加主要是信息化运维外包。';
    const current = `${first}${mine}${reason}`;
    const refreshed = refreshNarrative(current, before, draftOf(morePurchases, PROCUREMENT));
    expect(refreshed).toBe(
      '2021年度政府采购支出总额2,600.00万元，其中：政府采购货物支出572.76万元、政府采购工程支出166.60万元、政府采购服务支出1,860.64万元。' + mine + reason,
    );
  });

  it('rewrites a sentence whose wording changes with the figures, unless she edited it', () => {
    const noPrior = changed((doc) => {
      delete doc.comparisons.priorYear?.agencyOperatingCosts;
      doc.agencyOperatingCosts = '30.12';
    });
    const before = draftOf(seed, AGENCY);
    expect(before).toBe('2021年度机关运行经费支出25.88万元，比2020年度增加4.25万元，增长19.6%。');
    expect(refreshNarrative(before, before, draftOf(noPrior, AGENCY))).toBe('2021年度机关运行经费支出30.12万元。');
    const edited = '2021年度机关运行经费支出25.88万元，比上年增加4.25万元。';
    expect(refreshNarrative(edited, before, draftOf(noPrior, AGENCY))).toBe(edited);
  });

  it('drops a sentence the draft no longer prints when untouched, and keeps it when she wrote a reason into it', () => {
    const noPrior = changed((doc) => {
      delete doc.comparisons.priorYear?.totalIncomeExpenditure;
    });
    const before = draftOf(seed, OVERALL);
    const after = draftOf(noPrior, OVERALL);
    expect(after).toBe('2021年度收、支总计2,882.93万元。');
    const [first, comparison] = splitSentences(before);
    expect(refreshNarrative(`${first}${comparison}我的补充。`, before, after)).toBe(`${after}我的补充。`);
    const withReason = `${comparison?.replace('。', '，主要原因是新增项目经费。')}`;
    expect(refreshNarrative(`${first}${withReason}`, before, after)).toBe(`${after}${withReason}`);
  });

  it('places a sentence the draft newly prints after an untouched neighbour', () => {
    const noPrior = changed((doc) => {
      delete doc.comparisons.priorYear?.totalIncomeExpenditure;
    });
    const before = draftOf(noPrior, OVERALL);
    const after = draftOf(seed, OVERALL);
    const current = `${before}收支增加主要是项目经费增加。`;
    expect(refreshNarrative(current, before, after)).toBe(
      '2021年度收、支总计2,882.93万元。与2020年度相比，收、支总计各增加1,792.56万元，增长164.4%。收支增加主要是项目经费增加。',
    );
  });

  it('keeps an edited sub-heading line and updates the lines under it', () => {
    const moreGeneral = changed((doc) => {
      doc.comparisons.initialBudget.generalPublicBudgetExpenditure = '2400.00';
      const line = doc.comparisons.initialBudget.bySubject.find((l) => l.code === '215');
      if (line) line.amount = '2168.31';
    });
    const before = draftOf(seed, GENERAL_BUDGET);
    const current = before.replace('（三）一般公共预算财政拨款支出决算具体情况\n', '（三）财政拨款支出决算具体情况。\n');
    const refreshed = refreshNarrative(current, before, draftOf(moreGeneral, GENERAL_BUDGET));
    expect(refreshed).toContain('（三）财政拨款支出决算具体情况。\n财政拨款支出年初预算为2,400.00万元，支出决算为2,882.93万元，完成年初预算的120.1%。');
    expect(refreshed).toContain('4、资源勘探工业信息等支出（类）。年初预算为2,168.31万元，支出决算为2,594.03万元，完成年初预算的119.6%。');
    expect(refreshed).not.toContain('2,120.19');
  });
});

describe('stepNarrative', () => {
  it('leaves the published narrative alone: every sentence of it was written, not generated', () => {
    const seed = loadSeed();
    const after = changed((doc) => {
      doc.agencyOperatingCosts = '30.12';
    });
    expect(stepNarrative(seed, after, template)).toBe(after.narrative);
  });

  it('keeps a drafted narrative consistent with changed figures, sections she edited aside', () => {
    const withDraft = (doc: TFinalAccounts): TFinalAccounts => ({ ...doc, narrative: generateNarrative(doc, template) });
    const before = withDraft(loadSeed());
    const edited = '2021年度收入合计2,882.93万元，全部为财政拨款收入。';
    before.narrative = before.narrative.map((s) => (s.heading === '二、收入决算情况说明' ? { ...s, text: edited } : s));
    const after = { ...structuredClone(before), agencyOperatingCosts: '30.12' };
    const narrative = stepNarrative(before, after, template);
    expect(narrative.find((s) => s.heading === AGENCY)?.text).toBe('2021年度机关运行经费支出30.12万元，比2020年度增加8.49万元，增长39.3%。');
    expect(narrative.find((s) => s.heading === '二、收入决算情况说明')?.text).toBe(edited);
    const stepped = { ...after, narrative };
    // The draft passes the checker unchanged; stepped along, it still does.
    expect(checkNarrative(stepped, template, CellGrid.of(stepped)).map((f) => f.message)).toEqual([]);
    const unstepped = checkNarrative(after, template, CellGrid.of(after));
    expect(unstepped.map((f) => `${f.location?.heading} ${f.rule}`)).toEqual([
      `${AGENCY} narrative.amount`, `${AGENCY} narrative.change`, `${AGENCY} narrative.change`,
    ]);
  });
});

describe('fillNarrative', () => {
  const seed = loadSeed();
  const drafts = generateNarrative(seed, template);

  it('drafts a whole narrative for a year that has none', () => {
    expect(fillNarrative([], drafts)).toEqual(drafts);
  });

  it('keeps every published section, since each has text under a drafted heading or its own', () => {
    expect(fillNarrative(seed.narrative, drafts)).toEqual(seed.narrative);
  });

  it('fills an emptied section and puts back a removed one in its place, leaving written ones alone', () => {
    const narrative = seed.narrative
      .filter((s) => s.heading !== AGENCY)
      .map((s) => (s.heading === PROCUREMENT ? { ...s, text: '  ' } : s));
    const filled = fillNarrative(narrative, drafts);
    expect(filled.map((s) => s.heading)).toEqual(seed.narrative.map((s) => s.heading));
    expect(filled.find((s) => s.heading === AGENCY)?.text).toBe('2021年度机关运行经费支出25.88万元，比2020年度增加4.25万元，增长19.6%。');
    expect(filled.find((s) => s.heading === PROCUREMENT)?.text).toBe(draftOf(seed, PROCUREMENT));
    expect(filled.find((s) => s.heading === OVERALL)?.text).toBe(seed.narrative[0]?.text);
  });
});
