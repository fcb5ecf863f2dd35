// Consolidation (汇总): a department's accounts are its own unit (本级) plus its subordinate
// units, a district's the sum of its departments. The database sums the figures cell by cell;
// this module turns those sums into a document of the members' template, so the consolidated
// accounts go through the same check engine, layouts and interchange JSON as any other.
// What the consolidation defines beyond the tables: the members listed as the unit
// composition, the subordinate unit count, and a narrative drafted from the summed figures.
// Other sections (performance, procurement, comparisons…) are per unit and stay empty.

import { cellKey, type Cell } from './cells';
import { checkFinalAccounts, type Finding } from './check';
import { findFunctionalSubject } from './classification';
import { toAmountText, type Cents } from './money';
import { generateNarrative } from './narrative';
import type { TFinalAccounts, TTableRow } from './schema';
import { TABLE_KINDS, TOTAL_ROW, type TableKind, type Template } from './templates/types';
import { startDraft } from './year-start';

export interface ConsolidationInput {
  template: Template;
  /** The heading of the consolidated accounts, e.g. 测试部门（汇总） and its district. */
  department: TFinalAccounts['department'];
  /** The names of the accounts summed, in the order they are listed (部门决算单位构成). */
  members: readonly string[];
  /** Subordinate units besides the own unit (department consolidation); absent for a district. */
  subordinateUnitCount?: number;
  /** The summed figures, one per cell. */
  cells: readonly Cell[];
}

/** Where a row goes: 合计 and then classification codes in tree order, or the template's printed order. */
function rowRank(template: Template, kind: TableKind, row: string): string {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') return row === TOTAL_ROW ? '' : row;
  return String(table.rows.findIndex((r) => r.key === row)).padStart(4, '0');
}

function tableRows(template: Template, kind: TableKind, cells: readonly Cell[]): TTableRow[] {
  const byRow = new Map<string, Record<string, string>>();
  for (const cell of cells) {
    if (cell.table !== kind) continue;
    const row = byRow.get(cell.row) ?? {};
    row[cell.column] = toAmountText(cell.amount);
    byRow.set(cell.row, row);
  }
  const functional = template.tables[kind].rowKind === 'functional';
  return [...byRow.keys()]
    .sort((a, b) => rowRank(template, kind, a).localeCompare(rowRank(template, kind, b)))
    .map((row) => {
      const name = functional && row !== TOTAL_ROW ? findFunctionalSubject(template.fiscalYear, row)?.name : undefined;
      return { row, ...(name === undefined ? {} : { name }), cells: byRow.get(row) ?? {} };
    });
}

/** The consolidated accounts as a format 2 document of `template`. */
export function consolidatedDocument(input: ConsolidationInput): TFinalAccounts {
  const { template, department, members, subordinateUnitCount, cells } = input;
  const doc = startDraft({ template, department });
  for (const kind of TABLE_KINDS) doc.tables[kind] = { rows: tableRows(template, kind, cells) };
  if (template.sections.unitComposition) doc.overview.units = members.map((name) => ({ name }));
  if (template.sections.staff && subordinateUnitCount !== undefined) doc.overview.subordinateUnitCount = subordinateUnitCount;
  doc.narrative = generateNarrative(doc, template);
  return doc;
}

/** Sums cells of several documents by cell key: the reference the SQL sums are tested against. */
export function sumCells(cells: Iterable<Cell>): Map<string, Cents> {
  const sums = new Map<string, Cents>();
  for (const cell of cells) {
    const key = cellKey(cell.table, cell.row, cell.column);
    sums.set(key, (sums.get(key) ?? 0n) + cell.amount);
  }
  return sums;
}

export interface ConsolidationCheck {
  /** Findings on the summed tables and the narrative drafted from them. */
  findings: Finding[];
  /** Findings of rules on sections the consolidation leaves empty (performance, procurement…): not the sum's. */
  setAside: Finding[];
}

// A rule's name starts with what it concerns: a table kind ("expenditure.rollup") or the narrative.
// Rules on other sections (performance, procurement, the year join…) ask per-unit questions.
const SUMMED = new RegExp(`^(${[...TABLE_KINDS, 'narrative'].join('|')})\\.`);
const speaksForTheSum = (finding: Finding): boolean => SUMMED.test(finding.rule);

/** The check engine on consolidated accounts, its findings split by whether the sum can answer them. */
export function checkConsolidation(doc: TFinalAccounts): ConsolidationCheck {
  const all = checkFinalAccounts(doc);
  return { findings: all.filter(speaksForTheSum), setAside: all.filter((f) => !speaksForTheSum(f)) };
}
