'use client';
// What the printed scoring rules give, shown beside what she entered: an indicator's score
// (exact, or a band for a qualitative one), the budget-execution rate and score, and sums of
// points. The arithmetic is the core's (lib/accounts/scoring.ts), never repeated here.
import { AMOUNT_PATTERN, parseAmount } from '@/lib/accounts/money';
import type { TIndicator, TSelfEvaluation } from '@/lib/accounts/schema';
import { compare, expectedExecution, expectedIndicatorScore, formatRational, matchesPrinted, pointsOf } from '@/lib/accounts/scoring';
import { useEditor } from './editor-context';

type Status = 'ok' | 'mismatch' | 'unknown';

interface CheckProps {
  /** "按规则应得 19.60 分". */
  computed: string;
  status: Status;
  explanation?: string;
  /** The computed value in the field's own form, offered to fill in. */
  use?: { value: string; apply: (value: string) => void };
}

const STATUS_WORDS: Readonly<Record<Status, string>> = { ok: '与所填一致', mismatch: '与所填不一致', unknown: '无法复核' };

/**
 * One computed figure beside a field. Not a live region: an editor has dozens of them, and a
 * screen reader would announce every one on each keystroke; the figure is read with its field.
 */
export function ComputedCheck({ computed, status, explanation, use }: CheckProps) {
  const { readOnly } = useEditor();
  return (
    <div className={`score-check is-${status}`}>
      <span className="score-computed">{computed}</span>
      <span className="score-status">{status === 'ok' ? '✓ ' : status === 'mismatch' ? '✗ ' : ''}{STATUS_WORDS[status]}</span>
      {explanation ? <span className="score-why">{explanation}</span> : null}
      {use && status === 'mismatch' && !readOnly ? (
        <button type="button" className="score-use" onClick={() => use.apply(use.value)}>填入 {use.value}</button>
      ) : null}
    </div>
  );
}

export function IndicatorScoreCheck({ indicator, onUse }: { indicator: TIndicator; onUse: (score: string) => void }) {
  const expectation = expectedIndicatorScore(indicator);
  if (expectation.kind === 'unreadable') return <ComputedCheck computed="按规则应得：—" status="unknown" explanation={expectation.explanation} />;
  const score = pointsOf(indicator.score);
  if (expectation.kind === 'exact') {
    const value = formatRational(expectation.score, 2);
    const status = matchesPrinted(indicator.score, expectation.score, 2) ? 'ok' : 'mismatch';
    return <ComputedCheck computed={`按规则应得 ${value} 分`} status={status} explanation={expectation.explanation} use={{ value, apply: onUse }} />;
  }
  const below = compare(score, expectation.min) < 0;
  const overMax = compare(score, expectation.max);
  const above = expectation.maxExcluded ? overMax >= 0 : overMax > 0;
  const range = `${formatRational(expectation.min, 2)}–${formatRational(expectation.max, 2)}${expectation.maxExcluded ? '（不含）' : ''}`;
  return <ComputedCheck computed={`按规则应得 ${range} 分`} status={below || above ? 'mismatch' : 'ok'} explanation={expectation.explanation} />;
}

const amountOrZero = (text: string): bigint => (AMOUNT_PATTERN.test(text) ? parseAmount(text) : 0n);

/** 执行率（B/A） and 得分（20 分×执行率） as the core computes them. */
export function ExecutionChecks({ execution, onRate, onScore }: {
  execution: TSelfEvaluation['execution'];
  onRate: (rate: string) => void;
  onScore: (score: string) => void;
}) {
  const expected = expectedExecution(execution.weight, amountOrZero(execution.budget), amountOrZero(execution.executed));
  if (!expected) return <ComputedCheck computed="预算数为 0，无法计算执行率" status="unknown" />;
  const percent = { num: expected.rate.num * 100n, den: expected.rate.den };
  const rate = `${formatRational(percent, 1)}%`;
  const printed = execution.rate.replace('%', '').trim();
  const rateOk = /^\d+(\.\d+)?$/.test(printed) && matchesPrinted(printed, percent, 1);
  const score = formatRational(expected.score, 2);
  return (
    <div className="score-checks">
      <ComputedCheck computed={`执行率应为 ${rate}`} status={rateOk ? 'ok' : 'mismatch'} use={{ value: rate, apply: onRate }} />
      <ComputedCheck computed={`预算执行得分应为 ${score} 分`} status={matchesPrinted(execution.score, expected.score, 2) ? 'ok' : 'mismatch'}
        explanation={`${execution.weight} 分×执行率，不超过 ${execution.weight} 分`} use={{ value: score, apply: onScore }} />
    </div>
  );
}

/** A printed subtotal against the sum of its parts, both as points text. */
export function PointsSumCheck({ label, printed, sum, onUse }: { label: string; printed: string; sum: string; onUse?: (value: string) => void }) {
  const status = AMOUNT_PATTERN.test(printed) && parseAmount(printed) === parseAmount(sum) ? 'ok' : 'mismatch';
  return <ComputedCheck computed={`${label} ${sum} 分`} status={status} use={onUse ? { value: sum, apply: onUse } : undefined} />;
}
