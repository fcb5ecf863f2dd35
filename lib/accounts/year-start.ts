// The start of a year: a new draft of a template for a department, continuing last year's
// approved accounts where the years join (opening balances, prior-year figures, the
// classification rows in use) and otherwise empty, yet a valid document of its template.

import { applyCellValues, deriveCells } from './derived';
import { functionalLevel, findFunctionalSubject, parentCode } from './classification';
import { parseAmount, toAmountText } from './money';
import { templateHas } from './rules/compiled';
import { FORMAT_VERSION, type TFinalAccounts, type TTableRow } from './schema';
import { emptySections } from './year-start-sections';
import { FIXED_BALANCE_LINKS, FUND_CLOSING_COLUMN, FUND_OPENING_COLUMN, FUND_TABLES, PRIOR_YEAR_LINKS, cellAmount, priorYearSource } from './year-links';
import { templateFor } from './templates';
import { TABLE_KINDS, TOTAL_ROW, type TableKind, type Template } from './templates/types';

export interface StartDraftInput {
  template: Template;
  department: TFinalAccounts['department'];
  /** Last year's approved (or published) accounts of the same department, if any. */
  previous?: TFinalAccounts;
}

/**
 * A new year's draft of `template`: department header, empty tables keeping last year's
 * classification rows that exist in this year's catalogue, opening balances (年初结转和结余) =
 * last year's closing balances (and the totals over them derived), comparisons.priorYear = last
 * year's figures, and every required section present and schema-valid.
 */
export function startDraft({ template, department, previous }: StartDraftInput): TFinalAccounts {
  if (previous && previous.fiscalYear !== template.fiscalYear - 1) {
    throw new RangeError(`上年文档为 ${previous.fiscalYear} 年度，${template.fiscalYear} 年度须接续 ${template.fiscalYear - 1} 年度`);
  }
  const tables = Object.fromEntries(TABLE_KINDS.map((kind) => [kind, { rows: previous ? keptRows(template, kind, previous) : [] }])) as TFinalAccounts['tables'];
  const draft: TFinalAccounts = {
    formatVersion: FORMAT_VERSION,
    template: template.id,
    fiscalYear: template.fiscalYear,
    department: { ...department },
    tables,
    ...emptySections(template, department, previous),
  };
  if (previous) {
    carryBalances(draft, template, previous);
    draft.comparisons.priorYear = priorYearOf(previous);
  }
  // Totals over the carried balances (总计 = … + 年初结转和结余), so the draft starts consistent.
  applyCellValues(draft, deriveCells(draft));
  return draft;
}

/**
 * Last year's classification rows (合计 first) whose code, and every parent of it, this year's
 * catalogue has, each parent listed before its first child even where last year left it out.
 */
function keptRows(template: Template, kind: TableKind, previous: TFinalAccounts): TTableRow[] {
  if (template.tables[kind].rowKind !== 'functional') return [];
  const nameOf = (code: string) => findFunctionalSubject(template.fiscalYear, code)?.name;
  const lineage = (code: string): string[] => {
    const parent = parentCode(code);
    return [...(parent === undefined ? [] : lineage(parent)), code];
  };
  const listed = new Set<string>();
  const rows: TTableRow[] = [];
  for (const { row: code } of previous.tables[kind].rows) {
    if (functionalLevel(code) === undefined) continue;
    const codes = lineage(code);
    if (codes.some((c) => nameOf(c) === undefined)) continue;
    for (const c of codes.filter((c) => !listed.has(c))) {
      listed.add(c);
      rows.push({ row: c, name: nameOf(c), cells: {} });
    }
  }
  return rows.length > 0 ? [{ row: TOTAL_ROW, cells: {} }, ...rows] : [];
}

function setAmount(draft: TFinalAccounts, kind: TableKind, row: string, column: string, amount: string): void {
  const rows = draft.tables[kind].rows;
  const target = rows.find((r) => r.row === row);
  if (target) target.cells[column] = amount;
  else rows.push({ row, cells: { [column]: amount } });
}

/** Opening balances = last year's closing balances, where both layouts have the cells. */
function carryBalances(draft: TFinalAccounts, template: Template, previous: TFinalAccounts): void {
  const previousTemplate = templateFor(previous.template);
  for (const { opening, closing } of FIXED_BALANCE_LINKS) {
    const amount = templateHas(previousTemplate, closing) ? cellAmount(previous, closing) : null;
    if (amount !== null && templateHas(template, opening)) setAmount(draft, opening[0], opening[1], opening[2], amount);
  }
  for (const kind of FUND_TABLES) {
    if (!template.tables[kind].columns.some((c) => c.key === FUND_OPENING_COLUMN)) continue;
    const listed = new Set(draft.tables[kind].rows.map((r) => r.row));
    for (const row of previous.tables[kind].rows) {
      const amount = row.cells[FUND_CLOSING_COLUMN];
      // A code this year's catalogue lacks has no row to carry to; the year-join check reports it.
      if (amount !== undefined && (row.row === TOTAL_ROW || listed.has(row.row))) setAmount(draft, kind, row.row, FUND_OPENING_COLUMN, toAmountText(parseAmount(amount)));
    }
  }
}

/** comparisons.priorYear as last year's approved document gives it (the links the year-join check compares). */
export function priorYearOf(previous: TFinalAccounts): NonNullable<TFinalAccounts['comparisons']['priorYear']> {
  const priorYear: NonNullable<TFinalAccounts['comparisons']['priorYear']> = {};
  for (const link of PRIOR_YEAR_LINKS) link.write(priorYear, priorYearSource(previous, link));
  return priorYear;
}
