// The narrative's figures as links to where they come from, for the public department page:
// each number a claim prints that the narrative checker ties to a fact, with the cells (or
// document fields) it is read from, how it is worked out from them with the exact figures, and
// the checker's verdict. The claims, facts and verdicts are the checker's own (extractClaims,
// FactBook, checkClaim); this module only words the arithmetic.

import { CellGrid } from '../cells';
import { formatAmount, type Cents } from '../money';
import { formatPercentAt, percentOf, yearOnYear } from '../narrative';
import { budgetOf, checkClaim, claimContext, extractClaims, FactBook, readSections, type Claim, type ClaimContext, type Fact, type Figure } from '../narrative-check';
import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates';

export interface NarrativeFigureLink {
  /** Index of the section in doc.narrative. */
  section: number;
  /** The printed number in the section's raw text: text.slice(start, end). */
  start: number;
  end: number;
  /** Cell keys ("expenditure:total:basic") or document fields ("procurement.total"), as the checker names them. */
  cells: string[];
  /** In words, with the exact figures: "支出决算表（表3） 合计行 基本支出 288.90 ÷ … 2,882.93 = 10.0%". */
  computation: string;
  /** The checker finds nothing to say about the figure (verdict 'agrees'). */
  agrees: boolean;
  /**
   * 'differs': the checker finds the figure wrong; 'uncomputable': a rate of a zero base (growth
   * on a prior year of 0, completion of a budget of 0), which the checker warns of but which is
   * no disagreement with the tables.
   */
  verdict: NarrativeFigureVerdict;
}

export type NarrativeFigureVerdict = 'agrees' | 'differs' | 'uncomputable';

interface Worked {
  figures: readonly Figure[];
  computation: string;
  /** The rate's base is 0: the checker's finding on the claim is its zero-base warning. */
  zeroBase?: true;
}

// A figure held outside the tables is described with its field ("机关运行经费（agencyOperatingCosts）"):
// a reader of the public page is given the words only, the field stays in `cells`.
const FIELD = /（[A-Za-z][\w.[\]]*）$/;
const where = (figure: Figure): string => figure.describe().replace(FIELD, '');

/** "288.90", "2,882.93"; a count as a whole number. */
const figureText = (figure: Figure, value: Cents = figure.value): string =>
  figure.quantity === 'count' ? (value / 100n).toString() : formatAmount(value);

const stated = (figure: Figure | undefined): Worked | undefined =>
  figure && { figures: [figure], computation: `${where(figure)} ${figureText(figure)}` };

function share(fact: Fact, book: FactBook, decimals: number): Worked | undefined {
  const part = fact.current;
  const base = fact.shareOf;
  if (!part || !base) return undefined;
  let whole = base.value;
  let wholeWords = where(base);
  let wholeFigures: readonly Figure[] = [base];
  let expected: bigint | undefined;
  let note = '';
  if (fact.shareSet) {
    // The checker's share of a set: of the members' sum, by largest remainder so that they add to 100%.
    const set = book.shareSet(fact.shareSet);
    const index = set.members.findIndex((m) => m.key === fact.key);
    expected = book.shares(fact.shareSet, decimals)[index] ?? 0n;
    if (set.total !== base.value) {
      // The printed total differs from its items: the share is of the items' sum, so it is they
      // the figure comes from, not the total cell.
      whole = set.total;
      wholeWords = '各项合计';
      wholeFigures = set.members.map((m) => m.figure);
    }
    if (percentOf(part.value, whole, decimals) !== expected) note = '（各项占比按最大余额法舍入，合计为 100%）';
  } else {
    expected = percentOf(part.value, whole, decimals);
  }
  const result = expected === undefined ? '，合计为 0，不计算占比' : ` = ${formatPercentAt(expected, decimals)}${note}`;
  return { figures: [part, ...wholeFigures.filter((f) => f !== part)], computation: `${where(part)} ${figureText(part)} ÷ ${wholeWords} ${formatAmount(whole)}${result}` };
}

function change(claim: Claim, fact: Fact, decimals: number): Worked | undefined {
  const { current, prior } = fact;
  if (!current || !prior) return undefined;
  const yoy = yearOnYear(current.value, prior.value, decimals);
  const difference = `${where(current)} ${formatAmount(current.value)} − ${where(prior)} ${formatAmount(prior.value)}`;
  if (claim.kind === 'change') return { figures: [current, prior], computation: `${difference} = ${formatAmount(yoy.change)}` };
  const computation = `（${difference}）÷ ${formatAmount(prior.value)}`;
  if (yoy.growth === undefined) return { figures: [current, prior], computation: `${computation}，上年数为 0，不计算增减率`, zeroBase: true };
  return { figures: [current, prior], computation: `${computation} = ${formatPercentAt(yoy.growth, decimals)}` };
}

function againstBudget(claim: Claim, fact: Fact, context: ClaimContext, decimals: number): Worked | undefined {
  const actual = fact.current;
  const budget = budgetOf(claim, fact, context);
  if (!actual || !budget) return undefined;
  const figures = [actual, budget];
  if (claim.kind === 'budgetDifference') {
    return { figures, computation: `${where(actual)} ${formatAmount(actual.value)} − ${where(budget)} ${formatAmount(budget.value)} = ${formatAmount(actual.value - budget.value)}` };
  }
  const rate = percentOf(actual.value, budget.value, decimals);
  const computation = `${where(actual)} ${formatAmount(actual.value)} ÷ ${where(budget)} ${formatAmount(budget.value)}`;
  if (rate === undefined) return { figures, computation: `${computation}，预算数为 0，不计算完成预算的百分比`, zeroBase: true };
  return { figures, computation: `${computation} = ${formatPercentAt(rate, decimals)}` };
}

/** The figures a claim is read from and its arithmetic; undefined where the document does not hold them. */
function work(claim: Claim, fact: Fact, book: FactBook, context: ClaimContext): Worked | undefined {
  const decimals = claim.printed?.decimals ?? 0;
  switch (claim.kind) {
    case 'amount': case 'actual': return stated(fact.current);
    case 'budget': return stated(budgetOf(claim, fact, context));
    case 'count': return stated(fact.count);
    case 'score': return stated(fact.score);
    case 'share': return share(fact, book, decimals);
    case 'change': case 'growth': return change(claim, fact, decimals);
    case 'completion': case 'budgetDifference': return againstBudget(claim, fact, context, decimals);
    // 持平, 大于预算, 无…支出: no number printed.
    case 'unchanged': case 'comparison': case 'none': return undefined;
  }
}

export function narrativeFigureLinks(doc: TFinalAccounts, template: Template): NarrativeFigureLink[] {
  const sections = readSections(doc);
  const claims = extractClaims(doc, template, sections);
  const book = new FactBook(doc, template, CellGrid.of(doc));
  const context = claimContext(claims);
  const links: NarrativeFigureLink[] = [];
  for (const claim of claims) {
    const fact = book.fact(claim.subject);
    if (!fact || !claim.numberSpan) continue;
    const worked = work(claim, fact, book, context);
    if (!worked) continue;
    const [start, end] = claim.numberSpan;
    const finding = checkClaim(claim, fact, book, context);
    const verdict: NarrativeFigureVerdict = !finding ? 'agrees' : worked.zeroBase ? 'uncomputable' : 'differs';
    links.push({
      section: claim.section,
      start,
      end,
      cells: [...new Set(worked.figures.flatMap((figure) => figure.refs))],
      computation: worked.computation,
      agrees: verdict === 'agrees',
      verdict,
    });
  }
  return links;
}
