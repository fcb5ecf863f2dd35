// Explanations of the seed's warnings: each of its 9 warnings has an anchor of its own, stable
// while unrelated figures change, while text is written elsewhere in the narrative, a section is
// inserted or another project deleted; and submission is held until every one is explained.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts, type Finding } from '../../lib/accounts/check';
import { applyCellValues, deriveCells } from '../../lib/accounts/derived';
import { explanationKey, findingAnchor, namedPath, unexplainedWarnings, type Explanation } from '../../lib/accounts/explanations';
import { generateNarrative } from '../../lib/accounts/narrative-check/draft';
import { stepNarrative } from '../../lib/accounts/narrative-refresh';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { loadSeed, setCell } from './seed-document';

const seed = loadSeed();
const findings = checkFinalAccounts(seed);
const warnings = findings.filter((f) => f.severity === 'warning');
const anchorsIn = (doc: TFinalAccounts) => (f: Finding) => findingAnchor(f, doc);
const explain = (doc: TFinalAccounts, text = '预算为零，按惯例写作 0.0%') => (f: Finding): Explanation => ({ rule: f.rule, anchor: findingAnchor(f, doc), text });
const THREE_PUBLIC = 'narrative「七、一般公共预算财政拨款“三公”经费支出决算情况说明」';

describe('findingAnchor on the seed’s findings', () => {
  it('has 11 findings, 9 of them warnings, each with a distinct (rule, anchor)', () => {
    expect(findings).toHaveLength(11);
    expect(warnings).toHaveLength(9);
    expect(new Set(findings.map((f) => explanationKey(f.rule, findingAnchor(f, seed)))).size).toBe(11);
  });

  it('names the projects of the project execution sum against 表5 项目支出, not their positions', () => {
    const execution = findings.find((f) => f.rule === 'performance.projects');
    expect(execution && findingAnchor(execution, seed)).toBe([
      ...seed.performance.projects.map((p) => `performance.projects「${p.name}」.selfEvaluation.execution.executed`),
      'generalBudgetExpenditure:total:project',
    ].join(','));
  });

  it('names a narrative claim by its section’s heading and its sentence with the numbers masked, before its cells', () => {
    const completion = findings.filter((f) => f.rule === 'narrative.completion').map(anchorsIn(seed));
    expect(completion[3]).toBe(
      `${THREE_PUBLIC}「(#)公务用车运行费 # 万元，完成年初预算的 #%，比年初预算增加 # 万元，主要原因是未安排此项预算及支出。」#0,` +
      'threePublicExpensesTable:total:actualVehicleOperation,threePublicExpensesTable:total:budgetVehicleOperation',
    );
    expect(completion.every((anchor) => anchor.startsWith(`${THREE_PUBLIC}「`))).toBe(true);
  });

  it('keeps the anchors of the other warnings when a figure changes, and gives the new warning its own', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2101102', 'basic', '9.60'); // 款 21011 basic now 0.02 short of its 项: a rounding warning
    const after = checkFinalAccounts(doc).filter((f) => f.severity === 'warning').map(anchorsIn(doc));
    expect(after).toEqual([
      'expenditure:21011:basic,expenditure:2101102:basic,expenditure:2101103:basic,expenditure:2101199:basic',
      ...warnings.map(anchorsIn(seed)),
    ]);
  });

  it('tells apart two claims in sentences that read the same but for their numbers, by occurrence', () => {
    const doc = loadSeed();
    doc.narrative[6]!.text += '\n因公出国(境)费支出决算为0万元，完成年初预算的0.0%。另有说明。因公出国(境)费支出决算为0万元，完成年初预算的0.0%。';
    const repeated = checkFinalAccounts(doc).filter((f) => f.rule === 'narrative.completion').map(anchorsIn(doc)).slice(-2);
    expect(repeated.map((a) => a.split(',')[0])).toEqual([
      `${THREE_PUBLIC}「因公出国(境)费支出决算为#万元，完成年初预算的#%。」#0`,
      `${THREE_PUBLIC}「因公出国(境)费支出决算为#万元，完成年初预算的#%。」#1`,
    ]);
  });

  it('keeps an anchor the database can index: a long one becomes its start and a hash of the whole', () => {
    const weights = findings.filter((f) => f.rule === 'selfEvaluation.weights').map(anchorsIn(seed));
    expect(weights[0]).toMatch(/^performance\.projects「国库集中支付结转资金（网络安全平台二期、网站建设维护服务）」\.selfEvaluation\.level1Weights「产出指标」\.weight,.*…#[0-9a-z]+$/u);
    expect(Array.from(weights[0] ?? '')).toHaveLength(200 + 1 + 1 + (weights[0]?.split('…#')[1]?.length ?? 0));
    expect(new Set(weights).size).toBe(2);
  });
});

describe('namedPath', () => {
  it('names list items, counting repeated names, and leaves cell keys and unknown positions alone', () => {
    const doc = loadSeed();
    doc.performance.projects[2]!.name = doc.performance.projects[1]!.name;
    expect(namedPath('performance.projects[2].selfEvaluation.goals[0].indicators[0].score', doc))
      .toBe(`performance.projects「网络安全基础保障」#1.selfEvaluation.goals「${doc.performance.projects[2]!.selfEvaluation.goals[0]!.description}」.indicators「${doc.performance.projects[2]!.selfEvaluation.goals[0]!.indicators[0]!.name}」.score`);
    expect(namedPath('comparisons.initialBudget.bySubject[1].amount', doc)).toBe(`comparisons.initialBudget.bySubject「${doc.comparisons.initialBudget.bySubject[1]!.code}」.amount`);
    expect(namedPath('expenditure:201:basic', doc)).toBe('expenditure:201:basic');
    expect(namedPath('performance.projects[40].selfEvaluation', doc)).toBe('performance.projects[40].selfEvaluation');
  });
});

describe('an explanation stays with its finding', () => {
  const narrativeWarnings = warnings.filter((f) => f.location);
  const explained = narrativeWarnings.map(explain(seed));

  it.each([
    ['words added at the start of the section', '（补充）'],
    ['a sentence added before the claims', '本节数字均为决算数。'],
  ])('after %s', (_, prefix) => {
    const doc = loadSeed();
    doc.narrative[6]!.text = prefix + doc.narrative[6]!.text;
    expect(narrativeWarnings).toHaveLength(8);
    expect(unexplainedWarnings(checkFinalAccounts(doc), explained, doc).filter((f) => f.location)).toEqual([]);
  });

  it('after a section is inserted before it', () => {
    const doc = loadSeed();
    doc.narrative.splice(2, 0, { heading: '补充说明', text: '本单位无其他需要说明的事项。' });
    expect(unexplainedWarnings(checkFinalAccounts(doc), explained, doc).filter((f) => f.location)).toEqual([]);
  });

  it('after the generated narrative is refreshed for new figures and grows before it', () => {
    const template = templateFor(seed.template);
    const doc = loadSeed();
    doc.narrative = generateNarrative(doc, template);
    const section = doc.narrative.findIndex((s) => s.text.includes('三公'));
    doc.narrative[section]!.text += '因公出国(境)费支出决算为0万元，完成年初预算的0.0%。';
    const before = checkFinalAccounts(doc).filter((f) => f.severity === 'warning' && f.location);
    expect(before).toHaveLength(1);
    const next = structuredClone(doc);
    setCell(next, 'threePublicExpensesTable', 'total', 'actualReceptions', '12.34');
    setCell(next, 'threePublicExpensesTable', 'total', 'budgetReceptions', '20.00');
    applyCellValues(next, deriveCells(next));
    next.narrative = stepNarrative(doc, next, template);
    expect(next.narrative[section]!.text.length).toBeGreaterThan(doc.narrative[section]!.text.length);
    const after = checkFinalAccounts(next).filter((f) => f.severity === 'warning' && f.location);
    expect(after.map((f) => f.location?.offset)).not.toEqual(before.map((f) => f.location?.offset));
    expect(unexplainedWarnings(after, before.map(explain(doc)), next)).toEqual([]);
  });

  it('after another project is deleted, and never moves onto another project’s warning', () => {
    const doc = loadSeed();
    for (const p of [1, 2]) {
      const indicator = doc.performance.projects[p]!.selfEvaluation.goals[0]!.indicators[0]!;
      Object.assign(indicator, { direction: 'higherIsBetter', target: '按时', actual: '基本按时' });
    }
    const scores = (d: TFinalAccounts) => checkFinalAccounts(d).filter((f) => f.rule === 'selfEvaluation.indicatorScore');
    const [, second] = scores(doc);
    if (!second) throw new Error('two indicator warnings expected');
    const only = [explain(doc, '基本按时，扣 2 分')(second)];
    doc.performance.projects.splice(0, 1);
    const left = unexplainedWarnings(scores(doc), only, doc);
    expect(left.map((f) => f.message.slice(0, 12))).toEqual(['项目「网络安全基础保障」']);
  });
});

describe('unexplainedWarnings', () => {
  it('lists every warning, and no blocking finding, while nothing is explained', () => {
    expect(unexplainedWarnings(findings, [], seed)).toEqual(warnings);
  });

  it('drops exactly the explained warnings; blank text or another rule explains nothing', () => {
    const [first, second, third] = warnings;
    if (!first || !second || !third) throw new Error('seed warnings missing');
    const left = unexplainedWarnings(findings, [
      explain(seed)(first), explain(seed, '   ')(second), { ...explain(seed)(third), rule: 'narrative.other' },
    ], seed);
    expect(left).toEqual(warnings.slice(1));
    expect(unexplainedWarnings(findings, warnings.map(explain(seed)), seed)).toEqual([]);
  });
});
