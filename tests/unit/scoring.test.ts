// The scoring rules of 备注 2 and 3, on indicators printed in the seed document.
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../lib/accounts/money';
import type { TIndicator } from '../../lib/accounts/schema';
import { expectedExecution, expectedIndicatorScore, formatRational, matchesPrinted, numberIn, rational } from '../../lib/accounts/scoring';

const indicator = (overrides: Partial<TIndicator>): TIndicator => ({
  level1: '效益指标', level2: '社会效益指标', name: '确保市民正常访问门户网站', weight: '20',
  target: '99.0%', actual: '100.0%', direction: 'higherIsBetter', score: '20', ...overrides,
});

const exactScore = (i: TIndicator): string => {
  const e = expectedIndicatorScore(i);
  if (e.kind !== 'exact') throw new Error(`expected an exact score, got ${e.kind}`);
  return formatRational(e.score, 2);
};

describe('quantitative indicators', () => {
  it('caps a higher-is-better score at its weight: A 99.0%, B 100.0%, 20 points → 20, not 20.20', () => {
    expect(exactScore(indicator({}))).toBe('20.00');
  });

  it('scores weight × B/A below target: 连通 10 个指挥单位, B = 8 of 40 points → 32', () => {
    expect(exactScore(indicator({ name: '连通 10 个指挥单位', weight: '40', target: '10', actual: '8' }))).toBe('32.00');
  });

  it('scores lower-is-better as weight × A/B: ≤4 小时 target, 5 hours taken, 4 points → 3.20', () => {
    expect(exactScore(indicator({ weight: '4', target: '≤4 小时', actual: '5 小时', direction: 'lowerIsBetter' }))).toBe('3.20');
    expect(exactScore(indicator({ weight: '4', target: '≤4 小时', actual: '≤4 小时', direction: 'lowerIsBetter' }))).toBe('4.00');
  });

  it('reads the first number of a printed value', () => {
    expect(numberIn('3 套')).toEqual(rational(3n));
    expect(numberIn('≤1 小时')).toEqual(rational(1n));
    expect(numberIn('99.0%')).toEqual(rational(990n, 10n));
    expect(numberIn('及时')).toBeUndefined();
  });

  it('cannot score a quantitative indicator whose values carry no number', () => {
    expect(expectedIndicatorScore(indicator({ target: '及时', actual: '及时' })).kind).toBe('unreadable');
  });

  it('says a value is not yet entered rather than unreadable (a new year\'s draft carries last year\'s targets)', () => {
    expect(expectedIndicatorScore(indicator({ target: '3套', actual: '' }))).toEqual({ kind: 'unreadable', explanation: '尚未填写实际完成值' });
    expect(expectedIndicatorScore(indicator({ target: ' ', actual: '3套' }))).toEqual({ kind: 'unreadable', explanation: '尚未填写年初目标值' });
  });
});

describe('qualitative indicators', () => {
  it('puts an achieved indicator (B equals A) in the band 80%–100% of its weight', () => {
    const e = expectedIndicatorScore(indicator({ weight: '10', target: '及时', actual: '及时', direction: 'qualitative' }));
    expect(e.kind === 'range' && [formatRational(e.min, 2), formatRational(e.max, 2)]).toEqual(['8.00', '10.00']);
  });

  it('uses the recorded band when the accountant judged it partly achieved', () => {
    const e = expectedIndicatorScore(indicator({ weight: '7', target: '正常运行', actual: '基本正常', direction: 'qualitative', band: 'partlyAchieved' }));
    expect(e.kind === 'range' && [formatRational(e.min, 2), formatRational(e.max, 2)]).toEqual(['3.50', '5.60']);
  });
});

describe('budget execution', () => {
  it('scores 20 × B/A: 1,672.18 of 1,672.18 → 20; 0.70 of 0.79 → 17.72 at 88.6%', () => {
    const full = expectedExecution('20', parseAmount('1672.18'), parseAmount('1672.18'));
    expect(full && formatRational(full.score, 2)).toBe('20.00');
    const partial = expectedExecution('20', parseAmount('0.79'), parseAmount('0.70'));
    expect(partial && formatRational(partial.score, 2)).toBe('17.72');
    expect(partial && formatRational({ num: partial.rate.num * 100n, den: partial.rate.den }, 1)).toBe('88.6');
    expect(expectedExecution('20', 0n, 0n)).toBeUndefined();
  });
});

describe('comparing a printed figure with an exact one', () => {
  it('accepts half a unit of the printed precision and no more', () => {
    const score = rational(17721518987n, 1000000000n); // 17.7215…
    expect(matchesPrinted('17.72', score)).toBe(true);
    expect(matchesPrinted('17.7', score)).toBe(true);
    expect(matchesPrinted('18', score)).toBe(true);
    expect(matchesPrinted('17.73', score)).toBe(false);
    expect(matchesPrinted('17', score)).toBe(false);
    // Scores are compared at 0.01 whatever their printing: "18" may not stand for 17.72.
    expect(matchesPrinted('18', score, 2)).toBe(false);
    expect(matchesPrinted('17.72', score, 2)).toBe(true);
  });
});
