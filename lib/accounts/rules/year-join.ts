// Years join up: this year's opening balances (年初结转和结余) are last year's approved closing
// balances, and the prior-year figures the narrative compares with are last year's approved
// figures. An opening balance may be adjusted, with an explanation (warning); a prior-year
// figure may not differ (blocking). Last year's cells are named "previousYear:…" in a finding.
// Last year's document must be this department's, of the year before.

import { cellKey } from '../cells';
import { isDerivedCell } from '../derived';
import type { Finding, Severity } from '../findings';
import { describeCell, describeRow, rowOf } from '../labels';
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

const withoutOrdinal = (label: string): string => label.replace(/^[一二三四五六七八九十]+、/, '');

/**
 * A cell in words. A line printed as a part right under its total (表4 第29–31行 under 第28行
 * 年初财政拨款结转和结余) is named with that total, so that it is not read as the income line of
 * the same name: "表4 第29行「年初财政拨款结转和结余」中的「一般公共预算财政拨款」".
 */
export function describeJoinCell(ctx: RuleContext, [table, row, column]: CellRef): string {
  const words = describeCell(ctx, table, row, column);
  const template = ctx.template.tables[table];
  if (template.rowKind !== 'lines') return words;
  const keys = template.rows.map((r) => r.key);
  const whole = template.identities.find((identity) => identity.kind === 'rows' && identity.terms.some((term) => term.key === row)
    && identity.terms.every((term, i) => keys.indexOf(term.key) === keys.indexOf(identity.target) + 1 + i));
  const part = rowOf(template, row);
  const total = whole && rowOf(template, whole.target);
  if (!part || !total) return words;
  const named = `「${withoutOrdinal(total.label)}」中的「${withoutOrdinal(part.label)}」`;
  return words.replace(describeRow(ctx, table, row), part.number ? `第${part.number}行${named}` : named);
}

const cellSide = (ctx: RuleContext, [table, row, column]: CellRef): Side => ({
  words: `${ctx.doc.fiscalYear} 年 ${describeJoinCell(ctx, [table, row, column])}`,
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
  const [current, last] = [ctx.doc.department, previous.doc.department];
  // A renamed department keeps its code; without codes on both sides the names must agree.
  const sameDepartment = current.code !== undefined && last.code !== undefined
    ? current.code === last.code
    : current.name.trim() === last.name.trim();
  if (!sameDepartment) {
    return [{
      rule: 'yearJoin.department', severity: 'blocking', expected: last.name, actual: current.name, difference: '', withinRounding: false, cells: [],
      message: `用于核对年度衔接的 ${year - 1} 年度决算是「${last.name}」的，不是本部门「${current.name}」的`, citation: OPENING_CITATION,
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
