// Performance self-evaluations: printed subtotal weights against their parts, the table
// total of 100 points, and every score recomputed by the printed scoring rules.

import type { Comparison, Finding, Operand } from '../findings';
import { parseAmount } from '../money';
import type { TSelfEvaluation } from '../schema';
import { expectedExecution, expectedIndicatorScore, formatRational, matchesPrinted, pointsOf, type Rational } from '../scoring';
import type { RuleContext } from './context';

const WEIGHT_CITATION = '自评表表式：各级指标分值为其下各指标分值之和，预算执行情况（20分）与年度绩效合计 100 分';
const SCORE_CITATION = '自评表备注2、3：定量指标正向得分＝权重×B/A、反向得分＝权重×A/B，不得突破权重；定性指标按 100–80%、80–50%、50–0% 三档计分';
const EXECUTION_CITATION = '自评表：预算执行情况得分＝20 分×执行率（B/A）';

interface Evaluation {
  evaluation: TSelfEvaluation;
  path: string;
  /** "部门整体绩效自评表" or "项目「…」自评表". */
  name: string;
}

export function evaluationsOf(ctx: RuleContext): Evaluation[] {
  const { performance } = ctx.doc;
  return [
    ...(performance.departmentWide ? [{ evaluation: performance.departmentWide, path: 'performance.departmentWide', name: '部门整体绩效自评表' }] : []),
    ...performance.projects.map((project, i) => ({
      evaluation: project.selfEvaluation,
      path: `performance.projects[${i}].selfEvaluation`,
      name: `项目「${project.name}」自评表`,
    })),
  ];
}

const points = (label: string, ref: string, text: string): Operand => ({ label, terms: [{ ref, value: parseAmount(text), sign: 1 }] });

function indicatorWeights(e: Evaluation, label: string, include: (level1: string, goal: number) => boolean): Operand {
  const terms = e.evaluation.goals.flatMap((goal, g) =>
    goal.indicators
      .map((indicator, i) => ({ indicator, ref: `${e.path}.goals[${g}].indicators[${i}].weight` }))
      .filter(({ indicator }) => include(indicator.level1, g))
      .map(({ indicator, ref }) => ({ ref, value: parseAmount(indicator.weight), sign: 1 as const })),
  );
  return { label, terms };
}

const weightRule = (e: Evaluation, left: Operand, right: Operand): Comparison => ({
  rule: 'selfEvaluation.weights',
  severity: 'blocking',
  citation: WEIGHT_CITATION,
  relation: 'eq',
  quantity: 'points',
  left,
  right,
});

export function* selfEvaluationWeights(ctx: RuleContext): Generator<Comparison> {
  for (const e of evaluationsOf(ctx)) {
    const { evaluation, path, name } = e;
    for (const [i, printed] of (evaluation.level1Weights ?? []).entries()) {
      yield weightRule(e, points(`${name} ${printed.level1}分值`, `${path}.level1Weights[${i}].weight`, printed.weight),
        indicatorWeights(e, `其下各三级指标分值之和`, (level1) => level1 === printed.level1));
    }
    for (const [g, goal] of evaluation.goals.entries()) {
      if (goal.weight === undefined) continue;
      yield weightRule(e, points(`${name} ${goal.title ?? `年度目标 ${g + 1}`}分值`, `${path}.goals[${g}].weight`, goal.weight),
        indicatorWeights(e, '其下各指标分值之和', (_, goalIndex) => goalIndex === g));
    }
    if (evaluation.performanceWeight !== undefined) {
      const printedLevels = evaluation.level1Weights;
      const right: Operand = printedLevels
        ? { label: '各一级指标分值之和', terms: printedLevels.map((l, i) => ({ ref: `${path}.level1Weights[${i}].weight`, value: parseAmount(l.weight), sign: 1 as const })) }
        : indicatorWeights(e, '各指标分值之和', () => true);
      yield weightRule(e, points(`${name} 年度绩效分值`, `${path}.performanceWeight`, evaluation.performanceWeight), right);
    }
    const all = indicatorWeights(e, '', () => true);
    yield weightRule(
      e,
      points(`${name} 总分值`, `${path}`, '100'),
      { label: '预算执行情况分值与各指标分值之和', terms: [{ ref: `${path}.execution.weight`, value: parseAmount(evaluation.execution.weight), sign: 1 }, ...all.terms] },
    );
    const scores = evaluation.goals.flatMap((goal, g) =>
      goal.indicators.map((indicator, i) => ({ ref: `${path}.goals[${g}].indicators[${i}].score`, value: parseAmount(indicator.score), sign: 1 as const })));
    yield {
      ...weightRule(e, points(`${name} 总分`, `${path}.totalScore`, evaluation.totalScore),
        { label: '预算执行得分与各指标得分之和', terms: [{ ref: `${path}.execution.score`, value: parseAmount(evaluation.execution.score), sign: 1 }, ...scores] }),
      rule: 'selfEvaluation.totalScore',
    };
  }
}

function scoreFinding(rule: string, citation: string, ref: string, message: string, printed: string, expected: string, difference: string): Finding {
  return { rule, severity: 'blocking', message, expected, actual: printed, difference, withinRounding: false, cells: [ref], citation };
}

const gapText = (printed: string, exact: Rational): string =>
  formatRational({ num: pointsOf(printed).num * exact.den - exact.num * pointsOf(printed).den, den: pointsOf(printed).den * exact.den }, 2);

export function* selfEvaluationScores(ctx: RuleContext): Generator<Finding> {
  for (const { evaluation, path, name } of evaluationsOf(ctx)) {
    const { execution } = evaluation;
    const expected = expectedExecution(execution.weight, parseAmount(execution.budget), parseAmount(execution.executed));
    if (expected) {
      const ratePercent = { num: expected.rate.num * 100n, den: expected.rate.den };
      const printedRate = execution.rate.replace('%', '').trim();
      if (!/^\d+(\.\d+)?$/.test(printedRate) || !matchesPrinted(printedRate, ratePercent, 1)) {
        yield scoreFinding('selfEvaluation.executionRate', EXECUTION_CITATION, `${path}.execution.rate`,
          `${name} 执行率印为 ${execution.rate}，按执行数 ${execution.executed} ÷ 预算数 ${execution.budget} 应为 ${formatRational(ratePercent, 1)}%`,
          execution.rate, `${formatRational(ratePercent, 1)}%`, '');
      }
      if (!matchesPrinted(execution.score, expected.score, 2)) {
        yield scoreFinding('selfEvaluation.executionScore', EXECUTION_CITATION, `${path}.execution.score`,
          `${name} 预算执行得分印为 ${execution.score} 分，按 ${execution.weight} 分×执行率应为 ${formatRational(expected.score, 2)} 分`,
          execution.score, formatRational(expected.score, 2), gapText(execution.score, expected.score));
      }
    }
    for (const [g, goal] of evaluation.goals.entries()) {
      for (const [i, indicator] of goal.indicators.entries()) {
        const ref = `${path}.goals[${g}].indicators[${i}].score`;
        const what = `${name}「${indicator.name}」`;
        const expectation = expectedIndicatorScore(indicator);
        if (expectation.kind === 'unreadable') {
          yield { ...scoreFinding('selfEvaluation.indicatorScore', SCORE_CITATION, ref, `${what}：${expectation.explanation}，无法复核得分`, indicator.score, '', ''), severity: 'warning' };
        } else if (expectation.kind === 'exact' && !matchesPrinted(indicator.score, expectation.score, 2)) {
          yield scoreFinding('selfEvaluation.indicatorScore', SCORE_CITATION, ref,
            `${what} 得分印为 ${indicator.score} 分，按${expectation.explanation}（A＝${indicator.target}，B＝${indicator.actual}，权重 ${indicator.weight} 分）应为 ${formatRational(expectation.score, 2)} 分`,
            indicator.score, formatRational(expectation.score, 2), gapText(indicator.score, expectation.score));
        } else if (expectation.kind === 'range') {
          const score = pointsOf(indicator.score);
          const below = score.num * expectation.min.den < expectation.min.num * score.den;
          const overMax = score.num * expectation.max.den - expectation.max.num * score.den;
          const above = expectation.maxExcluded ? overMax >= 0n : overMax > 0n;
          if (below || above) {
            const range = `${formatRational(expectation.min, 2)}–${formatRational(expectation.max, 2)}`;
            yield scoreFinding('selfEvaluation.indicatorScore', SCORE_CITATION, ref,
              `${what} 得分印为 ${indicator.score} 分，${expectation.explanation}，即 ${range} 分`,
              indicator.score, range, gapText(indicator.score, below ? expectation.min : expectation.max));
          }
        }
      }
    }
  }
}
