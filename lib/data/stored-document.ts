// The document as storage holds it: final_accounts.document is the document with every table
// cell left out (the skeleton: rows keep their order, printed names and statements), the cells
// live in `figure`; reading puts them back together. Documents stored before format 2 are read
// through upgradeDocument (revisions cannot be rewritten). Server-only.
import { tableCells, type Cell } from '../accounts/cells';
import { findFunctionalSubject } from '../accounts/classification';
import { toAmountText } from '../accounts/money';
import { ZFinalAccounts, type TFinalAccounts, type TTableRow } from '../accounts/schema';
import { TABLE_KINDS, templateFor, TOTAL_ROW, type TableKind, type Template } from '../accounts/templates';
import { upgradeDocument } from '../accounts/upgrade';

/** The document as final_accounts.document holds it: every table cell left out. */
export function documentSkeleton(doc: TFinalAccounts): TFinalAccounts {
  const tables = Object.fromEntries(TABLE_KINDS.map((kind) => {
    const { rows, ...table } = doc.tables[kind];
    return [kind, { ...table, rows: rows.map(({ cells: _cells, ...row }) => ({ ...row, cells: {} })) }];
  })) as TFinalAccounts['tables'];
  return { ...doc, tables };
}

/** The document with every amount in canonical form ("288.9" → "288.90"), as a read returns it. */
export function normalizeFigures(doc: TFinalAccounts): TFinalAccounts {
  return assembleDocument(documentSkeleton(doc), tableCells(doc));
}

/** Where a row not in the skeleton goes: 合计 and codes in tree order, or the printed order. */
function rowRank(template: Template, kind: TableKind, row: string): string {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') return row === TOTAL_ROW ? '' : row;
  return String(table.rows.findIndex((r) => r.key === row)).padStart(4, '0');
}

function catalogueName(template: Template, kind: TableKind, row: string, fiscalYear: number): string | undefined {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') return row === TOTAL_ROW ? undefined : findFunctionalSubject(fiscalYear, row)?.name;
  if (table.rowKind === 'economic') return table.rows.find((r) => r.key === row)?.label;
  return undefined;
}

/** A stored document as format 2: stored documents of format 1 (before table kinds) are upgraded. */
export function parseStoredDocument(stored: unknown): TFinalAccounts {
  const parsed = ZFinalAccounts.safeParse(upgradeDocument(stored));
  if (!parsed.success) throw new Error(`数据库中的决算文档无法解析：${parsed.error.message}`);
  return parsed.data;
}

/** Puts the stored cells back into the skeleton's rows (rows only the cells know are appended). */
export function assembleDocument(skeleton: unknown, cells: readonly Cell[]): TFinalAccounts {
  return mergeCells(parseStoredDocument(skeleton), cells);
}

/**
 * assembleDocument without validating the skeleton, for a writer that validates the result
 * itself (a save parses the edited document anyway) or only compares it with another.
 */
export function mergeCells(base: TFinalAccounts, cells: readonly Cell[]): TFinalAccounts {
  const template = templateFor(base.template);
  const byRow = new Map<string, Record<string, string>>();
  for (const cell of cells) {
    const key = `${cell.table}:${cell.row}`;
    const row = byRow.get(key) ?? {};
    row[cell.column] = toAmountText(cell.amount);
    byRow.set(key, row);
  }
  const tables = Object.fromEntries(TABLE_KINDS.map((kind) => {
    const { rows: skeletonRows, ...table } = base.tables[kind];
    const rows: TTableRow[] = skeletonRows.map((row) => ({ ...row, cells: byRow.get(`${kind}:${row.row}`) ?? {} }));
    const known = new Set(rows.map((row) => row.row));
    const extra = [...new Set(cells.filter((c) => c.table === kind && !known.has(c.row)).map((c) => c.row))]
      .sort((a, b) => rowRank(template, kind, a).localeCompare(rowRank(template, kind, b)));
    for (const row of extra) {
      const name = catalogueName(template, kind, row, base.fiscalYear);
      rows.push({ row, ...(name === undefined ? {} : { name }), cells: byRow.get(`${kind}:${row}`) ?? {} });
    }
    return [kind, { ...table, rows }];
  })) as TFinalAccounts['tables'];
  return { ...base, tables };
}
