// Claims against each other: the shares of one total printed in a section add to 100%, and
// one figure is not printed with two different values.

import type { Finding } from '../findings';
import { absCents, formatAmount } from '../money';
import type { Claim, SectionText } from './extract';
import { NEUTRAL } from './extract';
import type { FactBook, SubjectKey } from './facts';
import { finding, percentText, plainPercent } from './report';
import { atDecimals, printedDecimal, tenTo } from './text';

/** Shares of one set in one section, when every non-zero member is stated: their sum is 100%. */
export function checkShareSums(claims: readonly Claim[], book: FactBook, sections: readonly SectionText[]): Finding[] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const set = claim.kind === 'share' ? book.fact(claim.subject)?.shareSet : undefined;
    if (!set) continue;
    const key = `${claim.section}:${set}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const setId = first && book.fact(first.subject)?.shareSet;
    const section = first && sections[first.section];
    if (!first || !setId || !section) continue;
    const stated = new Map<string, Claim>();
    for (const claim of group) if (!stated.has(claim.subject)) stated.set(claim.subject, claim);
    const set = book.shareSet(setId);
    const total = set.members.reduce((s, m) => s + m.figure.value, 0n);
    const complete = set.members.every((m) => m.figure.value === 0n || stated.has(m.key));
    if (stated.size < 2 || total === 0n || !complete) continue;
    const decimals = Math.max(...[...stated.values()].map((c) => c.printed?.decimals ?? 0));
    const sum = [...stated.values()].reduce((s, c) => s + (c.printed ? atDecimals(c.printed, decimals) : 0n), 0n);
    const hundred = 100n * tenTo(decimals);
    if (sum === hundred) continue;
    const withinRounding = absCents(sum - hundred) < BigInt(stated.size);
    findings.push(finding(section, first.offset, {
      rule: 'sharesSum',
      severity: withinRounding ? 'warning' : 'blocking',
      message: `说明中${[...stated.values()].map((c) => `“${c.quote.slice(c.quote.lastIndexOf('占'))}”`).join('、')}之和为 ${percentText(sum, decimals)}，不等于 100%${withinRounding ? '，属舍位差异' : ''}`,
      expected: plainPercent(hundred, decimals),
      actual: plainPercent(sum, decimals),
      difference: plainPercent(sum - hundred, decimals),
      withinRounding,
      refs: set.members.flatMap((m) => m.figure.refs),
    }));
  }
  return findings;
}

const MEASURES: Partial<Record<Claim['kind'], string>> = { amount: 'current', actual: 'current', budget: 'budget', count: 'count', score: 'score' };

/** The same figure (subject and measure) printed twice with two values. */
export function checkTwoValues(claims: readonly Claim[], book: FactBook, sections: readonly SectionText[]): Finding[] {
  // Per measure, the first claim printed for each subject.
  const firsts = new Map<string, Map<SubjectKey, Claim>>();
  const findings: Finding[] = [];
  for (const claim of claims) {
    const measure = MEASURES[claim.kind];
    if (!measure || !claim.printed || claim.subject === NEUTRAL || (claim.kind === 'budget' && claim.qualifier === '全年')) continue;
    let first = firsts.get(measure);
    if (!first) {
      first = new Map();
      firsts.set(measure, first);
    }
    const earlier = first.get(claim.subject);
    if (!earlier?.printed) {
      first.set(claim.subject, claim);
      continue;
    }
    const decimals = Math.max(earlier.printed.decimals, claim.printed.decimals);
    const before = atDecimals(earlier.printed, decimals);
    const now = atDecimals(claim.printed, decimals);
    const section = sections[claim.section];
    if (before === now || !section) continue;
    const fact = book.fact(claim.subject);
    const figure = measure === 'budget' ? fact?.budget : measure === 'count' ? fact?.count : measure === 'score' ? fact?.score : fact?.current;
    const where = (c: Claim) => sections[c.section]?.heading ?? '';
    findings.push(finding(section, claim.offset, {
      rule: 'twoValues',
      severity: 'blocking',
      message: `${fact?.name ?? '同一数字'}在说明中有两个值：“${earlier.quote}”（${where(earlier)}）与“${claim.quote}”（${where(claim)}）` +
        (figure && measure !== 'count' && measure !== 'score' ? `；表中为 ${formatAmount(figure.value)} 万元` : ''),
      expected: printedDecimal(before, decimals),
      actual: printedDecimal(now, decimals),
      difference: printedDecimal(now - before, decimals),
      refs: figure?.refs ?? [],
    }));
  }
  return findings;
}
