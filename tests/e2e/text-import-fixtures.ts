// Set-up for the text-import test: a district of its own under a real district's name, its
// reviewer, and the texts to upload in a temporary directory, made by text-import-setup.ts under
// tsx (the core reads its catalogues as JSON modules, which Playwright's loader does not); what
// the import stored is read back here with SQL.
import { query, runSetup } from './e2e-sql';

interface Bureau {
  reviewer: string;
  reviewerId: string;
  password: string;
  districtId: string;
  districtSlug: string;
  districtName: string;
}

/** 武汉市硚口区 with the seed text renamed to a department of its own, 社会工作部's text and the damaged copy. */
export interface QiaokouImport extends Bureau {
  files: { seed: string; socialWork: string; damaged: string };
  /** The department the renamed seed text prints, e.g. 武汉市硚口区数据测试中心1a2b3c4d. */
  departmentName: string;
  /** A public address name of its own for it. */
  departmentSlug: string;
  /** Every figure of the seed's transcription: "table:row:column" → "2882.93". */
  cells: Record<string, string>;
}

/** 上海市普陀区 with 财政局's text, which has one problem to acknowledge. */
export interface PutuoImport extends Bureau {
  files: { financeBureau: string };
}

export function createQiaokouImport(): QiaokouImport {
  return runSetup<QiaokouImport>('text-import-setup.ts', ['qiaokou']);
}

export function createPutuoImport(): PutuoImport {
  return runSetup<PutuoImport>('text-import-setup.ts', ['putuo']);
}

export async function storedDepartments(districtId: string): Promise<{ id: string; name: string; slug: string }[]> {
  return query('SELECT id, name, slug FROM department WHERE district_id = $1 ORDER BY name', [districtId]);
}

/** Every final accounts of the district's departments. */
export async function storedAccounts(districtId: string): Promise<{ id: string; departmentId: string; fiscalYear: number; status: string; version: number; level: string }[]> {
  return query(
    `SELECT a.id, a.department_id AS "departmentId", a.fiscal_year AS "fiscalYear", a.status::text AS status, a.version, a.level::text AS level
       FROM final_accounts a JOIN department d ON d.id = a.department_id WHERE d.district_id = $1 ORDER BY a.created_at`,
    [districtId],
  );
}

export async function storedRevisions(finalAccountsId: string): Promise<{ version: number; status: string; departmentName: string | null; districtName: string | null }[]> {
  return query(
    `SELECT version, status::text AS status, department_name AS "departmentName", district_name AS "districtName"
       FROM final_accounts_revision WHERE final_accounts_id = $1 ORDER BY version, created_at`,
    [finalAccountsId],
  );
}

/** The stored figures as "table:row:column" → "2882.93". */
export async function storedCells(finalAccountsId: string): Promise<Record<string, string>> {
  const rows = await query<{ key: string; amount: string }>(
    `SELECT table_code || ':' || row_key || ':' || column_key AS key, amount::text AS amount FROM figure WHERE final_accounts_id = $1`,
    [finalAccountsId],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.amount]));
}

/** Every audit row the user wrote, oldest first, with the uploaded file and its problem count where the row records them. */
export async function auditsBy(userId: string): Promise<{ action: string; entity: string; entityId: string; finalAccountsId: string | null; sourceFile: string | null; sourceProblems: string | null }[]> {
  return query(
    `SELECT action, entity, entity_id AS "entityId", final_accounts_id AS "finalAccountsId",
            after->'source'->>'file' AS "sourceFile", after->'source'->>'problems' AS "sourceProblems"
       FROM audit_event WHERE actor_id = $1 ORDER BY id`,
    [userId],
  );
}
