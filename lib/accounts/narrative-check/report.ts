// How a narrative finding reads: its rule, citation, location and the figures in words.
// Every narrative rule builds its finding here, so the messages share one voice.

import type { Finding, Severity } from '../findings';
import { absCents, formatAmount, toAmountText, type Cents } from '../money';
import { formatPercentAt } from '../narrative';
import type { Claim, SectionText } from './extract';
import type { Figure } from './facts';
import { sentenceAt } from './text';

export type NarrativeRule = 'amount' | 'share' | 'sharesSum' | 'change' | 'direction' | 'completion' | 'comparison' | 'twoValues' | 'residue' | 'year';

export const CITATIONS: Readonly<Record<NarrativeRule, string>> = {
  amount: '情况说明所列金额、个数须与决算表及文档所列数字一致',
  share: '占比＝该项÷合计×100%，按所印小数位舍入；同一合计的各项占比按最大余额法舍入，之和为100%',
  sharesSum: '同一合计的各项占比之和为100%',
  change: '增减额＝本年数－上年数；增减率＝增减额÷上年数×100%，上年数为零时不计算增减率',
  direction: '增加（增长）、减少（下降）、持平须与本年数和上年数相符',
  completion: '完成预算的百分比＝决算数÷预算数×100%，预算数为零时不计算',
  comparison: '决算数大于、小于、等于（持平）预算数须与两数相符',
  twoValues: '同一数字在情况说明中只能有一个值',
  residue: '公开文本不得留有模板占位符、未选定的选项和填写说明',
  year: '情况说明所写年度须为决算年度，比较的年度为上一年度',
};

export interface Draft {
  rule: NarrativeRule;
  severity: Severity;
  message: string;
  expected?: string;
  actual?: string;
  difference?: string;
  withinRounding?: boolean;
  refs: readonly string[];
}

export function finding(section: SectionText, offset: number, draft: Draft): Finding {
  return {
    rule: `narrative.${draft.rule}`,
    severity: draft.severity,
    message: draft.message,
    expected: draft.expected ?? '',
    actual: draft.actual ?? '',
    difference: draft.difference ?? '',
    withinRounding: draft.withinRounding ?? false,
    cells: [...new Set(draft.refs)],
    citation: CITATIONS[draft.rule],
    location: { section: section.index, heading: section.heading, offset, sentence: sentenceAt(section.raw, offset) },
  };
}

/** "2,946.25 万元", "2 个", "99.43 分". */
export function quantityText(value: Cents, figure: Figure, unit: string): string {
  if (figure.quantity === 'count') return `${value / 100n}${unit}`;
  if (figure.quantity === 'points') return `${toAmountText(value)} 分`;
  return `${formatAmount(value)} 万元`;
}

export function plainQuantity(value: Cents, figure: Figure): string {
  return figure.quantity === 'count' ? (value / 100n).toString() : toAmountText(value);
}

export const percentText = (units: bigint, decimals: number): string => formatPercentAt(units, decimals);
export const plainPercent = (units: bigint, decimals: number): string => formatPercentAt(units, decimals).slice(0, -1);

export function said(claim: Claim): string {
  return `说明称“${claim.quote}”`;
}

export const amountGap = (difference: Cents): string => `，差 ${formatAmount(absCents(difference))} 万元`;
