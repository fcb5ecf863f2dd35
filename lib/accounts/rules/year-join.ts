// Years join up: this year's opening balances (年初结转和结余) are last year's approved closing
// balances, and the prior-year figures the narrative compares with are last year's approved
// figures. An opening balance may be adjusted, with an explanation (warning); a prior-year
// figure may not differ (blocking). Last year's cells are named "previousYear:…" in a finding.

import { cellKey } from '../cells';
import { isDerivedCell } from '../derived';
import type { Finding, Severity } from '../findings';
import { describeCell } from '../labels';
import { absCents, formatAmount, parseAmount, toAmountText, type Cents } from '../money';
import { TOTAL_ROW } from '../templates/types';
import { FIXED_BALANCE_LINKS, FUND_CLOSING_COLUMN, FUND_OPENING_COLUMN, FUND_TABLES, PRIOR_YEAR_LINKS, priorYearSource } from '../year-links';
import { templateHas, type CellRef } from './compiled';
import type { RuleContext } from './context';

const OPENING_CITATION = '年初结转和结余＝上年决算批复的年末结转和结余；如有调整，须说明原因';
const PRIOR_YEAR_CITATION = '情况说明中的上年数＝上年决算批复数';
export const PREVIOUS_YEAR_PREFIX = 'previousYear:';

interface Side {
  words: string;
  ref: string;
  value: Cents;
}

function joinFinding(rule: string, severity: Severity, citation: string, current: Side, previous: Side, advice: string): Finding {
  const difference = current.value - previous.value;
  return {
    rule,
    severity,
    message: `${current.words} ${formatAmount(current.value)} 与 ${previous.words} ${formatAmount(previous.value)} 不一致，差 ${formatAmount(absCents(difference))}；${advice}`,
    expected: toAmountText(previous.value),
    actual: toAmountText(current.value),
    difference: toAmountText(difference),
    withinRounding: false,
    cells: [current.ref, `${PREVIOUS_YEAR_PREFIX}${previous.ref}`],
    citation,
  };
}

const cellSide = (ctx: RuleContext, [table, row, column]: CellRef): Side => ({
  words: `${ctx.doc.fiscalYear} 年 ${describeCell(ctx, table, row, column)}`,
  ref: cellKey(table, row, column),
  value: ctx.grid.get(table, row, column),
});

/** The opening cells an accountant enters, each against last year's closing cell; derived openings follow from them. */
function balancePairs(ctx: RuleContext, previous: RuleContext): [CellRef, CellRef][] {
  const pairs: [CellRef, CellRef][] = FIXED_BALANCE_LINKS
    .filter(({ opening, closing }) => templateHas(ctx.template, opening) && templateHas(previous.template, closing))
    .map(({ opening, closing }) => [opening, closing]);
  for (const kind of FUND_TABLES) {
    const has = (c: RuleContext, column: string) => c.template.tables[kind].columns.some((col) => col.key === column);
    if (!has(ctx, FUND_OPENING_COLUMN) || !has(previous, FUND_CLOSING_COLUMN)) continue;
    const listed = new Set(ctx.doc.tables[kind].rows.map((r) => r.row));
    const previousRows = previous.doc.tables[kind].rows.map((r) => r.row);
    // A code of last year's this year does not list (dropped from the catalogue) is compared on its
    // own, at its lowest level; without any code this year the 合计 itself is entered and compared.
    const hasCodes = [...listed].some((row) => row !== TOTAL_ROW);
    const lastYearLeaves = hasCodes ? previousRows.filter((row) => row !== TOTAL_ROW && !previousRows.some((r) => r !== row && r.startsWith(row))) : [];
    const rows = new Set([TOTAL_ROW, ...listed, ...lastYearLeaves]);
    for (const row of rows) pairs.push([[kind, row, FUND_OPENING_COLUMN], [kind, row, FUND_CLOSING_COLUMN]]);
  }
  return pairs.filter(([[table, row, column]]) => !isDerivedCell(ctx.doc, table, row, column));
}

export function yearJoinFindings(ctx: RuleContext, previous: RuleContext): Finding[] {
  const year = ctx.doc.fiscalYear;
  if (previous.doc.fiscalYear !== year - 1) {
    return [{
      rule: 'yearJoin.year', severity: 'blocking', expected: String(year - 1), actual: String(previous.doc.fiscalYear), difference: '', withinRounding: false, cells: [],
      message: `用于核对年度衔接的上年决算为 ${previous.doc.fiscalYear} 年度，不是 ${year - 1} 年度`, citation: OPENING_CITATION,
    }];
  }
  const findings: Finding[] = [];
  for (const [opening, closing] of balancePairs(ctx, previous)) {
    const current = cellSide(ctx, opening);
    const last = cellSide(previous, closing);
    if (current.value !== last.value) findings.push(joinFinding('yearJoin.openingBalance', 'warning', OPENING_CITATION, current, last, '如有调整，请说明原因'));
  }
  const priorYear = ctx.doc.comparisons.priorYear;
  for (const link of priorYear ? PRIOR_YEAR_LINKS : []) {
    const stated = priorYear && link.read(priorYear);
    if (stated === undefined || ('cell' in link.source && !templateHas(previous.template, link.source.cell))) continue;
    const current: Side = { words: `${year} 年情况说明的${link.words}（${link.path}）`, ref: link.path, value: parseAmount(stated) };
    const last: Side = 'cell' in link.source
      ? cellSide(previous, link.source.cell)
      : { words: `${year - 1} 年机关运行经费`, ref: link.source.field, value: parseAmount(priorYearSource(previous.doc, link)) };
    if (current.value !== last.value) findings.push(joinFinding('yearJoin.priorYear', 'blocking', PRIOR_YEAR_CITATION, current, last, `上年数须取 ${year - 1} 年批复的决算数`));
  }
  return findings;
}
