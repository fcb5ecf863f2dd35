// How a department's years join: last year's approved figures (what a new year starts from and
// the year-join checks compare with), and which layout (template family) the department reports
// in, so a new year gets that family's template of the year. Server-only.
import { functionalSubjectsFor } from '../accounts/classification';
import type { TFinalAccounts } from '../accounts/schema';
import { TEMPLATES, type Template } from '../accounts/templates';
import type { Db } from '../db';
import { DEPARTMENT_SCOPE, parseStoredDocument, readFinalAccounts, type Tx } from './accounts-store';

const APPROVED = ['APPROVED', 'PUBLISHED'] as const;

/**
 * The department's approved (or published) accounts of `fiscalYear`: the accounts themselves while
 * approved or published, else (a correction in progress) the latest approved or published revision.
 */
export async function approvedDocument(db: Db | Tx, departmentId: string, fiscalYear: number): Promise<TFinalAccounts | undefined> {
  const accounts = await db.finalAccounts.findUnique({
    where: { fiscalYear_departmentId_scope: { fiscalYear, departmentId, scope: DEPARTMENT_SCOPE } },
    select: { id: true, status: true },
  });
  if (!accounts) return undefined;
  if ((APPROVED as readonly string[]).includes(accounts.status)) return (await readFinalAccounts(db, accounts.id))?.document;
  const revision = await db.finalAccountsRevision.findFirst({
    where: { finalAccountsId: accounts.id, status: { in: [...APPROVED] } },
    orderBy: { version: 'desc' },
    select: { document: true },
  });
  return revision ? parseStoredDocument(revision.document) : undefined;
}

/** The family name in words: a template's name without its year ("湖北省武汉市区级部门决算公开格式"). */
export const familyWords = (family: string): string =>
  TEMPLATES.find((t) => t.family === family)?.name.replace(/（.*$/, '') ?? family;

export function templateOfYear(family: string, fiscalYear: number): Template | undefined {
  return TEMPLATES.find((t) => t.family === family && t.fiscalYear === fiscalYear);
}

/**
 * The template family each department reports in: that of its latest accounts, else the latest
 * accounts of its district (a new department reports as its district does); absent when neither has any.
 */
export async function departmentFamilies(db: Db | Tx, departmentIds: readonly string[]): Promise<Map<string, string>> {
  if (departmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ department_id: string; template: string | null }[]>`
    SELECT d.id AS department_id, coalesce(
      (SELECT fa.document->>'template' FROM final_accounts fa WHERE fa.department_id = d.id ORDER BY fa.fiscal_year DESC LIMIT 1),
      (SELECT fa.document->>'template' FROM final_accounts fa JOIN department o ON o.id = fa.department_id
       WHERE o.district_id = d.district_id ORDER BY fa.fiscal_year DESC, fa.created_at DESC LIMIT 1)) AS template
    FROM department d WHERE d.id = ANY(${[...departmentIds]}::uuid[])`;
  const families = new Map<string, string>();
  for (const row of rows) {
    const family = TEMPLATES.find((t) => t.id === row.template)?.family;
    if (family) families.set(row.department_id, family);
  }
  return families;
}

/** The years of a family that can be started: a template and a functional catalogue exist, no accounts yet. */
export function startableYears(family: string, existingYears: ReadonlySet<number>): number[] {
  return TEMPLATES.filter((t) => t.family === family && !existingYears.has(t.fiscalYear) && functionalSubjectsFor(t.fiscalYear))
    .map((t) => t.fiscalYear)
    .sort((a, b) => b - a);
}
