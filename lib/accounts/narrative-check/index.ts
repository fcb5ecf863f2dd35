// The narrative (情况说明) checked against the tables: every numeric claim the wording tables
// recognise is compared with the figure it names, shares and year-on-year changes are
// recomputed, and text left over from the template is reported. Findings carry the section,
// the claim's offset in its text and the sentence; they come in the order of the text.

import type { CellGrid } from '../cells';
import type { Finding } from '../findings';
import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates';
import { checkShareSums, checkTwoValues } from './consistency';
import { extractClaims, readSections } from './extract';
import { FactBook } from './facts';
import { checkResidue, checkYears } from './residue';
import { checkClaims } from './rules';

export { extractClaims, readSections, type Claim } from './extract';
export { FactBook, type Fact, type Figure } from './facts';
export { budgetOf, checkClaim, claimContext, type ClaimContext } from './rules';

/** Findings in the order of the text: by section, then by offset (a stable sort keeps the rules' order). */
function byPlace(a: Finding, b: Finding): number {
  return (a.location?.section ?? 0) - (b.location?.section ?? 0) || (a.location?.offset ?? 0) - (b.location?.offset ?? 0);
}

export function checkNarrative(doc: TFinalAccounts, template: Template, grid: CellGrid): Finding[] {
  const sections = readSections(doc);
  const claims = extractClaims(doc, template, sections);
  const book = new FactBook(doc, template, grid);
  const findings = checkClaims(claims, book, sections);
  for (const more of [
    checkShareSums(claims, book, sections),
    checkTwoValues(claims, book, sections),
    checkYears(sections, doc.fiscalYear),
    checkResidue(sections),
  ]) for (const f of more) findings.push(f);
  return findings.sort(byPlace);
}
