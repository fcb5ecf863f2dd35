// Text that should not be in a published narrative: template placeholders, choices left
// unmade, filling instructions, an empty 主要原因, and years that are not the accounts' year.

import type { Finding } from '../findings';
import type { SectionText } from './extract';
import { RESIDUE_PATTERNS, YEAR_PATTERNS } from './phrases';
import { finding } from './report';

/** One pass over each section: the residue patterns as one alternation, a group each. */
const RESIDUE = new RegExp(RESIDUE_PATTERNS.map(([, pattern]) => `(${pattern})`).join('|'), 'g');

/** The index of the first group that took part in a match of an alternation of groups (1-based), or 0. */
function groupOf(m: RegExpExecArray): number {
  for (let i = 1; i < m.length; i += 1) if (m[i] !== undefined) return i;
  return 0;
}

export function checkResidue(sections: readonly SectionText[]): Finding[] {
  const findings: Finding[] = [];
  for (const section of sections) {
    const text = section.raw;
    RESIDUE.lastIndex = 0;
    for (let m = RESIDUE.exec(text); m; m = RESIDUE.exec(text)) {
      const [kind = '', , notAfter] = RESIDUE_PATTERNS[groupOf(m) - 1] ?? [];
      if (notAfter?.test(text.charAt(m.index - 1))) continue;
      findings.push(finding(section, m.index, {
        rule: 'residue',
        severity: 'warning',
        message: `说明中留有模板文字（${kind}）：“${m[0].replace(/\s+/g, '')}”`,
        refs: [`narrative[${section.index}].text`],
      }));
    }
  }
  return findings;
}

const YEARS = new RegExp(YEAR_PATTERNS.map(([pattern]) => `(?:${pattern})`).join('|'), 'g');

/** Years anywhere but the glossary: the fiscal year, or the year before where compared. */
export function checkYears(sections: readonly SectionText[], fiscalYear: number): Finding[] {
  const findings: Finding[] = [];
  for (const section of sections) {
    if (section.scope === null) continue;
    const text = section.raw;
    YEARS.lastIndex = 0;
    for (let m = YEARS.exec(text); m; m = YEARS.exec(text)) {
      const index = groupOf(m);
      const [, offset = 0, notAfter] = YEAR_PATTERNS[index - 1] ?? [];
      if (notAfter?.test(text.charAt(m.index - 1))) continue;
      const year = Number(m[index]);
      const expected = fiscalYear + offset;
      if (year === expected) continue;
      findings.push(finding(section, m.index, {
        rule: 'year',
        severity: 'blocking',
        message: `说明写“${m[0].replace(/\s+/g, '')}”，${offset === 0 ? '决算年度' : '比较的上一年度'}应为 ${expected} 年`,
        expected: String(expected),
        actual: String(year),
        difference: String(year - expected),
        refs: [`narrative[${section.index}].text`],
      }));
    }
  }
  return findings;
}
