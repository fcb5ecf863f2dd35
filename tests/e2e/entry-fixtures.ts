// Set-up for the entry tests: a district and department of their own, an accountant of that
// department with a password, and a draft of the seed document's figures, so that each test
// starts from its own accounts and no test depends on another. The draft is made by
// entry-setup.ts under tsx (the core reads its catalogues as JSON modules, which Playwright's
// loader does not); what the UI saved is read back here with SQL.
import { query, runSetup } from './e2e-sql';

export interface DraftDepartment {
  email: string;
  password: string;
  departmentName: string;
  finalAccountsId: string;
}

export function createDraftDepartment(): DraftDepartment {
  return runSetup<DraftDepartment>('entry-setup.ts');
}

/** One stored figure of the accounts, numeric(18,2) as text; [] for a blank cell. */
export async function storedAmount(finalAccountsId: string, table: string, row: string, column: string): Promise<string[]> {
  const rows = await query<{ amount: string }>(
    'SELECT amount::text AS amount FROM figure WHERE final_accounts_id = $1 AND table_code = $2 AND row_key = $3 AND column_key = $4',
    [finalAccountsId, table, row, column],
  );
  return rows.map((r) => r.amount);
}

export async function storedStatus(finalAccountsId: string): Promise<{ status: string; version: number }> {
  const rows = await query<{ status: string; version: number }>('SELECT status::text AS status, version FROM final_accounts WHERE id = $1', [finalAccountsId]);
  const row = rows[0];
  if (!row) throw new Error(`no final accounts ${finalAccountsId}`);
  return row;
}

export async function storedExplanations(finalAccountsId: string): Promise<{ rule: string; text: string }[]> {
  return query('SELECT rule, text FROM check_explanation WHERE final_accounts_id = $1 ORDER BY rule', [finalAccountsId]);
}
