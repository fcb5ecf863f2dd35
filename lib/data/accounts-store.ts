// Storing a final-accounts document. The figures go one row per non-blank cell into `figure`
// (the only copy of the amounts, so SQL can consolidate departments cell by cell); the rest of
// the document goes into final_accounts.document with every table cell left out (rows keep
// their order, printed names and statements); projects and indicators are derived rows for SQL.
// Figures are keyed by table kind and the template's row and column keys. Documents stored
// before format 2 are read through upgradeDocument (revisions cannot be rewritten).
// Every function takes the caller's transaction: callers write the accounts, the revision and
// the audit row in one transaction. Server-only.
import { tableCells, type Cell } from '../accounts/cells';
import { findFunctionalSubject } from '../accounts/classification';
import { parseAmount, toAmountText } from '../accounts/money';
import { ZFinalAccounts, type TFinalAccounts, type TSelfEvaluation, type TTableRow } from '../accounts/schema';
import { summarizeFinalAccounts } from '../accounts/summary';
import { TABLE_KINDS, templateFor, TOTAL_ROW, type TableKind, type Template } from '../accounts/templates';
import { upgradeDocument } from '../accounts/upgrade';
import type { Prisma } from '../db';
import type { AccountsLevel, AccountsStatus } from '../generated/prisma/enums';

/** A transaction, or the client itself for single reads. */
export type Tx = Prisma.TransactionClient;

export const DEPARTMENT_SCOPE = 'department';

/** Someone else saved these accounts since the caller read them. */
export class StaleVersionError extends Error {
  constructor(readonly finalAccountsId: string, readonly expectedVersion: number) {
    super('该决算已被他人修改，请刷新后重试');
    this.name = 'StaleVersionError';
  }
}

export interface StoredFinalAccounts {
  id: string;
  departmentId: string;
  unitId: string | null;
  level: AccountsLevel;
  fiscalYear: number;
  status: AccountsStatus;
  version: number;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  document: TFinalAccounts;
}

const json = (value: unknown): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

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
  const base = parseStoredDocument(skeleton);
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

/** Replaces the figures, projects and indicators of one final accounts with those of `doc`. */
async function writeContent(tx: Tx, finalAccountsId: string, doc: TFinalAccounts): Promise<void> {
  await tx.figure.deleteMany({ where: { finalAccountsId } });
  await tx.indicator.deleteMany({ where: { finalAccountsId } });
  await tx.project.deleteMany({ where: { finalAccountsId } });
  await tx.figure.createMany({
    data: tableCells(doc).map(({ table, row, column, amount }) => ({ finalAccountsId, table, row, column, amount: toAmountText(amount) })),
  });
  const projects = await tx.project.createManyAndReturn({
    data: doc.performance.projects.map((project, position) => ({
      finalAccountsId, position, name: project.name,
      supervisingDepartment: project.supervisingDepartment, implementingUnit: project.implementingUnit,
      category: project.category, attribute: project.attribute, type: project.type,
      budget: project.selfEvaluation.execution.budget, executed: project.selfEvaluation.execution.executed,
      executionScore: project.selfEvaluation.execution.score, totalScore: project.selfEvaluation.totalScore,
    })),
    select: { id: true, position: true },
  });
  const indicators = (projectId: string | null, evaluation: TSelfEvaluation) =>
    evaluation.goals.flatMap((goal, goalPosition) => goal.indicators.map((indicator, position) => ({
      finalAccountsId, projectId, goalPosition, position,
      level1: indicator.level1, level2: indicator.level2, name: indicator.name, weight: indicator.weight,
      target: indicator.target, actual: indicator.actual, direction: indicator.direction, band: indicator.band ?? null,
      score: indicator.score,
    })));
  const projectIds = new Map(projects.map((p) => [p.position, p.id]));
  await tx.indicator.createMany({
    data: [
      ...(doc.performance.departmentWide ? indicators(null, doc.performance.departmentWide) : []),
      ...doc.performance.projects.flatMap((project, position) => indicators(projectIds.get(position) ?? null, project.selfEvaluation)),
    ],
  });
}

export interface NewFinalAccounts {
  departmentId: string;
  /** Set for one unit's accounts; absent for the department's. */
  unitId?: string | null;
  document: TFinalAccounts;
  status?: AccountsStatus;
  submittedAt?: Date;
  approvedAt?: Date;
  publishedAt?: Date;
}

/** Stores new accounts at version 1. The fiscal year comes from the document. */
export async function createFinalAccounts(tx: Tx, input: NewFinalAccounts): Promise<{ id: string; version: number }> {
  const unitId = input.unitId ?? null;
  const created = await tx.finalAccounts.create({
    data: {
      departmentId: input.departmentId, unitId, level: unitId ? 'UNIT' : 'DEPARTMENT', scope: unitId ?? DEPARTMENT_SCOPE,
      fiscalYear: input.document.fiscalYear, status: input.status ?? 'DRAFT', version: 1,
      document: json(documentSkeleton(input.document)),
      submittedAt: input.submittedAt, approvedAt: input.approvedAt, publishedAt: input.publishedAt,
    },
    select: { id: true, version: true },
  });
  await writeContent(tx, created.id, input.document);
  return created;
}

/**
 * Replaces the document of existing accounts if they are still at `expectedVersion`, and
 * increments the version; throws StaleVersionError if someone saved in between.
 */
export async function saveFinalAccounts(tx: Tx, input: { id: string; expectedVersion: number; document: TFinalAccounts }): Promise<{ version: number }> {
  const { id, expectedVersion, document } = input;
  const updated = await tx.finalAccounts.updateMany({
    where: { id, version: expectedVersion, fiscalYear: document.fiscalYear },
    data: { document: json(documentSkeleton(document)), version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const current = await tx.finalAccounts.findUnique({ where: { id }, select: { fiscalYear: true } });
    if (!current) throw new Error(`决算 ${id} 不存在`);
    if (current.fiscalYear !== document.fiscalYear) throw new Error(`文档年度 ${document.fiscalYear} 与决算年度 ${current.fiscalYear} 不符`);
    throw new StaleVersionError(id, expectedVersion);
  }
  await writeContent(tx, id, document);
  return { version: expectedVersion + 1 };
}

/** figure.table_code holds a table kind (a CHECK constraint keeps it so since the table_kinds migration). */
function tableKindOf(code: string): TableKind {
  const kind = TABLE_KINDS.find((k) => k === code);
  if (!kind) throw new Error(`数据库中的数字属于未知的表 "${code}"`);
  return kind;
}

export async function readFinalAccounts(tx: Tx, id: string): Promise<StoredFinalAccounts | null> {
  const accounts = await tx.finalAccounts.findUnique({ where: { id } });
  if (!accounts) return null;
  const figures = await tx.figure.findMany({ where: { finalAccountsId: id } });
  const cells: Cell[] = figures.map((f) => ({ table: tableKindOf(f.table), row: f.row, column: f.column, amount: parseAmount(f.amount.toFixed(2)) }));
  const { document, createdAt: _createdAt, scope: _scope, ...header } = accounts;
  return { ...header, document: assembleDocument(document, cells) };
}

/** Snapshots the document as it stands at this version and status; revisions never change. */
export async function recordRevision(
  tx: Tx,
  input: { finalAccountsId: string; version: number; status: AccountsStatus; document: TFinalAccounts; publishedAt?: Date },
): Promise<void> {
  const document = normalizeFigures(input.document);
  await tx.finalAccountsRevision.create({
    data: {
      finalAccountsId: input.finalAccountsId, version: input.version, status: input.status,
      document: json(document), summary: json(summarizeFinalAccounts(document)), publishedAt: input.publishedAt,
    },
  });
}

export interface AuditEventInput {
  actorId?: string | null;
  /** The user's e-mail, or "system seed" for the system. */
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string;
  finalAccountsId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId ?? null, actorLabel: event.actorLabel, action: event.action, entity: event.entity,
      entityId: event.entityId, finalAccountsId: event.finalAccountsId ?? null,
      before: event.before === undefined ? undefined : json(event.before),
      after: event.after === undefined ? undefined : json(event.after),
    },
  });
}
