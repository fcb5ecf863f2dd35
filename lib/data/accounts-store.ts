// Storing a final-accounts document. The figures go one row per non-blank cell into `figure`
// (the only copy of the amounts, so SQL can consolidate departments cell by cell); the rest of
// the document goes into final_accounts.document with every table cell left out (the skeleton,
// stored-document.ts); projects and indicators are derived rows for SQL. Figures are keyed by
// table kind and the template's row and column keys.
// Every function takes the caller's transaction: callers write the accounts, the revision and
// the audit row in one transaction. A save writes only the difference against what is stored,
// in one plain SQL statement (version, audit row, upserts and deletes): Prisma's client-side
// work on large createMany calls, and each round trip, were most of a save's time. Server-only.
import { cellKey, tableCells, type Cell } from '../accounts/cells';
import { parseAmount, toAmountText } from '../accounts/money';
import type { TFinalAccounts, TSelfEvaluation } from '../accounts/schema';
import { summarizeFinalAccounts } from '../accounts/summary';
import { TABLE_KINDS, type TableKind } from '../accounts/templates';
import { Prisma } from '../db';
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

import { assembleDocument, documentSkeleton, normalizeFigures } from './stored-document';

export { assembleDocument, documentSkeleton, mergeCells, normalizeFigures, parseStoredDocument } from './stored-document';

/** Replaces the projects and indicators of one final accounts with those derived from `doc`. */
async function writeDerived(tx: Tx, finalAccountsId: string, doc: TFinalAccounts): Promise<void> {
  await tx.indicator.deleteMany({ where: { finalAccountsId } });
  await tx.project.deleteMany({ where: { finalAccountsId } });
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

/** One cell's change: `before` null for a new figure, `after` null for a cleared one (canonical "9.58"). */
export interface FigureChange {
  table: TableKind;
  row: string;
  column: string;
  before: string | null;
  after: string | null;
}

/** The cells that differ between two sets of figures, in the order of `after` then the cleared ones. */
export function diffCells(before: readonly Cell[], after: readonly Cell[]): FigureChange[] {
  const old = new Map(before.map((cell) => [cellKey(cell.table, cell.row, cell.column), cell]));
  const changes: FigureChange[] = [];
  for (const cell of after) {
    const key = cellKey(cell.table, cell.row, cell.column);
    const previous = old.get(key);
    old.delete(key);
    if (previous?.amount === cell.amount) continue;
    changes.push({ table: cell.table, row: cell.row, column: cell.column, before: previous ? toAmountText(previous.amount) : null, after: toAmountText(cell.amount) });
  }
  for (const cell of old.values()) changes.push({ table: cell.table, row: cell.row, column: cell.column, before: toAmountText(cell.amount), after: null });
  return changes;
}

/** What a save writes: changed figures, the skeleton if it changed, the document if its projects and indicators did. */
export interface DocumentDiff {
  changes: FigureChange[];
  skeleton?: TFinalAccounts;
  derivedFrom?: TFinalAccounts;
}

/** Equality of JSON values (what documents are): about twice as quick as isDeepStrictEqual on the 36 KB skeleton. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (Array.isArray(b)) return false;
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = b as Record<string, unknown>;
  return left.length === Object.values(right).filter((v) => v !== undefined).length && left.every(([key, v]) => jsonEqual(v, right[key]));
}

/** The difference between the stored document and the one to save. */
export function diffDocuments(stored: TFinalAccounts, document: TFinalAccounts): DocumentDiff {
  const skeleton = documentSkeleton(document);
  return {
    changes: diffCells(tableCells(stored), tableCells(document)),
    ...(jsonEqual(documentSkeleton(stored), skeleton) ? {} : { skeleton }),
    ...(jsonEqual(stored.performance, document.performance) ? {} : { derivedFrom: document }),
  };
}

const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const whenBumped = Prisma.sql`EXISTS (SELECT 1 FROM bumped)`;

/**
 * Writes a difference at `expectedVersion` and returns the new version, in one statement: the
 * version bump (with the skeleton if it changed), the audit row, the figure upserts and deletes,
 * each depending on the bump, so a lost race writes nothing and throws StaleVersionError. One
 * statement is a transaction by itself: without derived rows to rewrite, `tx` may be the client
 * (no BEGIN and COMMIT round trips). `lockTimeout` caps the wait for the row lock: set_config runs
 * before the UPDATE reaches the row. The row stays locked until the end, so saves queue behind it.
 */
export async function writeDiff(tx: Tx, input: DiffWrite): Promise<number> {
  const version = (await tx.$queryRaw<{ version: number }[]>(diffStatement(input)))[0]?.version;
  if (version === undefined) throw new StaleVersionError(input.id, input.expectedVersion);
  if (input.diff.derivedFrom) await writeDerived(tx, input.id, input.diff.derivedFrom);
  return version;
}

export interface DiffWrite {
  id: string;
  expectedVersion: number;
  diff: DocumentDiff;
  audit?: AuditEventInput;
  lockTimeout?: string;
}

/** writeDiff's statement without the projects and indicators, for a caller that runs it through plain SQL; it returns the new version's row, or none. */
export function diffStatement(input: DiffWrite): Prisma.Sql {
  const { id, expectedVersion, diff, audit, lockTimeout } = input;
  const upserts = diff.changes.filter((c) => c.after !== null);
  const deletes = diff.changes.filter((c) => c.after === null);
  const settings = lockTimeout === undefined ? Prisma.sql`TRUE` : Prisma.sql`set_config('lock_timeout', ${lockTimeout}, true) IS NOT NULL`;
  const document = diff.skeleton === undefined ? Prisma.empty : Prisma.sql`, document = ${JSON.stringify(diff.skeleton)}::jsonb`;
  const steps: Prisma.Sql[] = [Prisma.sql`bumped AS (
    UPDATE final_accounts SET version = version + 1, updated_at = now()${document}
    WHERE id = ${id}::uuid AND version = ${expectedVersion} AND status IN ('DRAFT', 'RETURNED') AND (SELECT ${settings}) RETURNING version)`];
  if (audit) {
    steps.push(Prisma.sql`audited AS (
      INSERT INTO audit_event (actor_id, actor_label, action, entity, entity_id, final_accounts_id, before, after)
      SELECT ${audit.actorId ?? null}::uuid, ${audit.actorLabel}, ${audit.action}, ${audit.entity}, ${audit.entityId},
             ${audit.finalAccountsId ?? null}::uuid, ${jsonOrNull(audit.before)}::jsonb, ${jsonOrNull(audit.after)}::jsonb
      FROM bumped)`);
  }
  if (upserts.length > 0) {
    steps.push(Prisma.sql`upserted AS (
      INSERT INTO figure (final_accounts_id, table_code, row_key, column_key, amount)
      SELECT ${id}::uuid, t, r, c, a
      FROM unnest(${upserts.map((c) => c.table)}::text[], ${upserts.map((c) => c.row)}::text[],
                  ${upserts.map((c) => c.column)}::text[], ${upserts.map((c) => c.after)}::numeric[]) AS x(t, r, c, a)
      WHERE ${whenBumped}
      ON CONFLICT (final_accounts_id, table_code, row_key, column_key) DO UPDATE SET amount = EXCLUDED.amount)`);
  }
  if (deletes.length > 0) {
    steps.push(Prisma.sql`deleted AS (
      DELETE FROM figure WHERE final_accounts_id = ${id}::uuid AND ${whenBumped}
      AND (table_code, row_key, column_key) IN (
        SELECT * FROM unnest(${deletes.map((c) => c.table)}::text[], ${deletes.map((c) => c.row)}::text[], ${deletes.map((c) => c.column)}::text[])))`);
  }
  return Prisma.sql`WITH ${Prisma.join(steps, ',\n')} SELECT version FROM bumped`;
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
  await tx.figure.createMany({
    data: tableCells(input.document).map(({ table, row, column, amount }) => ({ finalAccountsId: created.id, table, row, column, amount: toAmountText(amount) })),
  });
  await writeDerived(tx, created.id, input.document);
  return created;
}

/**
 * Replaces the document of existing accounts if they are still at `expectedVersion`, and
 * increments the version; throws StaleVersionError if someone saved in between. Only what
 * differs from the stored document is written.
 */
export async function saveFinalAccounts(tx: Tx, input: { id: string; expectedVersion: number; document: TFinalAccounts }): Promise<{ version: number }> {
  const { id, expectedVersion, document } = input;
  const stored = await readFinalAccounts(tx, id);
  if (!stored) throw new Error(`决算 ${id} 不存在`);
  if (stored.fiscalYear !== document.fiscalYear) throw new Error(`文档年度 ${document.fiscalYear} 与决算年度 ${stored.fiscalYear} 不符`);
  if (stored.version !== expectedVersion) throw new StaleVersionError(id, expectedVersion);
  return { version: await writeDiff(tx, { id, expectedVersion, diff: diffDocuments(stored.document, document) }) };
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

/** The check engine's counts when a revision was submitted, kept in its summary for the reviewers' dashboard. */
export interface RevisionChecks {
  blocking: number;
  warnings: number;
}

/** Snapshots the document as it stands at this version and status; revisions never change. */
export async function recordRevision(
  tx: Tx,
  input: { finalAccountsId: string; version: number; status: AccountsStatus; document: TFinalAccounts; publishedAt?: Date; checks?: RevisionChecks },
): Promise<void> {
  const document = normalizeFigures(input.document);
  const summary = { ...summarizeFinalAccounts(document), ...(input.checks ? { checks: input.checks } : {}) };
  await tx.finalAccountsRevision.create({
    data: {
      finalAccountsId: input.finalAccountsId, version: input.version, status: input.status,
      document: json(document), summary: json(summary), publishedAt: input.publishedAt,
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

