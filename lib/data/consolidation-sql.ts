// The statements of consolidation (汇总): which accounts a scope sums (its members), their figures
// summed cell by cell in SQL (SUM … GROUP BY over `figure`, never a document loaded), and one
// cell's contributions for drill-down. A scope is a department's UNIT-level accounts of a year
// (本级 + subordinate units) or a district's DEPARTMENT-level accounts of a year in some statuses.
// Values are always parameters (Prisma.sql). Server-only.
import type { Cell } from '../accounts/cells';
import { parseAmount } from '../accounts/money';
import { TABLE_KINDS } from '../accounts/templates';
import { Prisma, type Db } from '../db';
import type { AccountsStatus, UnitKind } from '../generated/prisma/enums';
import { queryRows } from './plain-sql';

export type ConsolidationScope =
  | { kind: 'department'; departmentId: string; fiscalYear: number }
  | { kind: 'district'; districtId: string; fiscalYear: number; statuses: readonly AccountsStatus[] };

/** The accounts of a scope (fa: final_accounts, d: department, u: unit). */
function scopeFilter(scope: ConsolidationScope): Prisma.Sql {
  return scope.kind === 'department'
    ? Prisma.sql`fa.department_id = ${scope.departmentId}::uuid AND fa.fiscal_year = ${scope.fiscalYear} AND fa.level = 'UNIT'`
    : Prisma.sql`d.district_id = ${scope.districtId}::uuid AND fa.fiscal_year = ${scope.fiscalYear} AND fa.level = 'DEPARTMENT'
        AND fa.status::text = ANY(${[...scope.statuses]}::text[])`;
}

const FROM_SCOPE = Prisma.sql`final_accounts fa JOIN department d ON d.id = fa.department_id LEFT JOIN unit u ON u.id = fa.unit_id`;

export interface MemberRow {
  final_accounts_id: string;
  department_id: string;
  department_name: string;
  unit_name: string | null;
  unit_kind: UnitKind | null;
  status: AccountsStatus;
}

/** The members, own unit first, then by name. */
export function readMembers(db: Db, scope: ConsolidationScope): Promise<MemberRow[]> {
  return queryRows<MemberRow>(db, Prisma.sql`
    SELECT fa.id AS final_accounts_id, d.id AS department_id, d.name AS department_name,
           u.name AS unit_name, u.kind::text AS unit_kind, fa.status::text AS status
    FROM ${FROM_SCOPE} WHERE ${scopeFilter(scope)}
    ORDER BY u.kind NULLS FIRST, coalesce(u.name, d.name), fa.id`);
}

/**
 * The template of one member, the layout of the consolidated document. Only one: a stored
 * skeleton is a large JSON value, and reading the template of each member would decompress them
 * all (86 ms for 300 departments, most of a consolidation). A member of another layout brings
 * rows or columns the template lacks, which the consolidated document's validation refuses.
 */
export async function readTemplate(db: Db, scope: ConsolidationScope): Promise<string | undefined> {
  const rows = await queryRows<{ template: string }>(db, Prisma.sql`
    SELECT document->>'template' AS template FROM final_accounts
    WHERE id = (SELECT fa.id FROM ${FROM_SCOPE} WHERE ${scopeFilter(scope)} ORDER BY fa.id LIMIT 1)`);
  return rows[0]?.template;
}

const tableKindOf = (code: string) => {
  const kind = TABLE_KINDS.find((k) => k === code);
  if (!kind) throw new Error(`数据库中的数字属于未知的表 "${code}"`);
  return kind;
};

/** Every cell of the scope summed, exact (numeric), as cells. */
export async function sumFigures(db: Db, scope: ConsolidationScope): Promise<Cell[]> {
  const rows = await queryRows<{ t: string; r: string; c: string; amount: string }>(db, Prisma.sql`
    SELECT f.table_code AS t, f.row_key AS r, f.column_key AS c, SUM(f.amount)::text AS amount
    FROM figure f JOIN ${FROM_SCOPE} ON fa.id = f.final_accounts_id
    WHERE ${scopeFilter(scope)}
    GROUP BY f.table_code, f.row_key, f.column_key`);
  return rows.map((row) => ({ table: tableKindOf(row.t), row: row.r, column: row.c, amount: parseAmount(row.amount) }));
}

export interface ContributionRow extends MemberRow {
  amount: string;
}

/** One cell's figure in each member that has it, largest first. */
export function readContributions(db: Db, scope: ConsolidationScope, cell: { table: string; row: string; column: string }): Promise<ContributionRow[]> {
  return queryRows<ContributionRow>(db, Prisma.sql`
    SELECT fa.id AS final_accounts_id, d.id AS department_id, d.name AS department_name,
           u.name AS unit_name, u.kind::text AS unit_kind, fa.status::text AS status, f.amount::text AS amount
    FROM ${FROM_SCOPE} JOIN figure f ON f.final_accounts_id = fa.id
      AND f.table_code = ${cell.table} AND f.row_key = ${cell.row} AND f.column_key = ${cell.column}
    WHERE ${scopeFilter(scope)}
    ORDER BY f.amount DESC, coalesce(u.name, d.name), fa.id`);
}
