// Storing a final-accounts document: the figures one row per non-blank cell (so SQL can
// consolidate many departments cell by cell), the rest of the document as JSON, and the
// projects and indicators as rows derived from it. Reading reverses it. Server-only.
import { tableCells, rowsFromCells, type Cell } from '../accounts/cells';
import { findFunctionalSubject } from '../accounts/classification';
import { parseAmount, toAmountText } from '../accounts/money';
import { ZFinalAccounts, type TFinalAccounts } from '../accounts/schema';
import { TABLE_CODES, TABLES, TOTAL_ROW, type TableCode } from '../accounts/tables';
import type { Prisma } from '../db';

type Tx = Prisma.TransactionClient;
export type StoredDocument = Omit<TFinalAccounts, 'tables'>;

/** The document without its tables: the figures are stored as cells. */
export function documentWithoutTables(doc: TFinalAccounts): StoredDocument {
  const { tables: _tables, ...rest } = doc;
  return rest;
}

/** Replaces the figures, projects and indicators of one final accounts by those of `doc`. */
export async function writeFinalAccountsContent(tx: Tx, finalAccountsId: string, doc: TFinalAccounts): Promise<void> {
  await tx.figure.deleteMany({ where: { finalAccountsId } });
  await tx.indicator.deleteMany({ where: { finalAccountsId } });
  await tx.project.deleteMany({ where: { finalAccountsId } });
  await tx.figure.createMany({
    data: tableCells(doc).map((cell) => ({
      finalAccountsId, table: cell.table, row: cell.row, column: cell.column, amount: toAmountText(cell.amount),
    })),
  });
  const indicatorRows = (projectId: string | null, evaluation: TFinalAccounts['performance']['departmentWide']) =>
    evaluation.goals.flatMap((goal, goalPosition) =>
      goal.indicators.map((indicator, position) => ({
        finalAccountsId, projectId, goalPosition, position,
        level1: indicator.level1, level2: indicator.level2, name: indicator.name, weight: indicator.weight,
        target: indicator.target, actual: indicator.actual, direction: indicator.direction, score: indicator.score,
      })));
  await tx.indicator.createMany({ data: indicatorRows(null, doc.performance.departmentWide) });
  for (const [position, project] of doc.performance.projects.entries()) {
    const evaluation = project.selfEvaluation;
    const created = await tx.project.create({
      data: {
        finalAccountsId, position, name: project.name, category: project.category, attribute: project.attribute, type: project.type,
        budget: evaluation.execution.budget, executed: evaluation.execution.executed, totalScore: evaluation.totalScore,
      },
      select: { id: true },
    });
    await tx.indicator.createMany({ data: indicatorRows(created.id, evaluation) });
  }
}

/** Rows in the printed order: 合计 first, then codes (a tree in code order), or the layout's order. */
function orderRows(table: TableCode, cells: Cell[]): Cell[] {
  const definition = TABLES[table];
  const rank = (row: string): string => {
    if (definition.rowKind === 'functional') return row === TOTAL_ROW ? '' : row;
    return String(definition.rows.findIndex((r) => r.row === row)).padStart(4, '0');
  };
  return [...cells].sort((a, b) => rank(a.row).localeCompare(rank(b.row)) || Number(a.column) - Number(b.column));
}

function rowName(table: TableCode, row: string, fiscalYear: number): string | undefined {
  const definition = TABLES[table];
  if (definition.rowKind === 'functional') return row === TOTAL_ROW ? undefined : findFunctionalSubject(fiscalYear, row)?.name;
  if (definition.rowKind === 'economic') return definition.rows.find((r) => r.row === row)?.label;
  return undefined;
}

/** Rebuilds the whole document from its stored parts; names of rows come from the catalogues. */
export function assembleDocument(stored: unknown, figures: readonly { table: string; row: string; column: string; amount: { toFixed: (d: number) => string } }[]): TFinalAccounts {
  const rest = stored as StoredDocument;
  const cells: Cell[] = figures.map((f) => ({ table: f.table as TableCode, row: f.row, column: f.column, amount: parseAmount(f.amount.toFixed(2)) }));
  const tables = Object.fromEntries(TABLE_CODES.map((table) => [
    table,
    { rows: rowsFromCells(orderRows(table, cells.filter((c) => c.table === table)), (row) => rowName(table, row, rest.fiscalYear)) },
  ]));
  return ZFinalAccounts.parse({ ...rest, tables });
}

export async function readFinalAccountsDocument(tx: Tx, finalAccountsId: string): Promise<TFinalAccounts | null> {
  const accounts = await tx.finalAccounts.findUnique({ where: { id: finalAccountsId }, select: { document: true } });
  if (!accounts) return null;
  const figures = await tx.figure.findMany({ where: { finalAccountsId } });
  return assembleDocument(accounts.document, figures);
}
