// Set-up for the review test: its own district, department, accountant, reviewer and draft, made
// by review-setup.ts under tsx (the core reads its catalogues as JSON modules, which Playwright's
// loader does not); what the UI stored is read back here with SQL.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export interface ReviewCase {
  accountant: string;
  reviewer: string;
  password: string;
  departmentName: string;
  districtName: string;
  finalAccountsId: string;
}

export function createReviewCase(): ReviewCase {
  const output = execFileSync('node_modules/.bin/tsx', ['tests/e2e/review-setup.ts'], { encoding: 'utf8', env: process.env });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as ReviewCase;
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function storedComments(finalAccountsId: string): Promise<{ version: number; anchor: string; body: string }[]> {
  return query('SELECT version, anchor, body FROM review_comment WHERE final_accounts_id = $1 ORDER BY created_at', [finalAccountsId]);
}

/** The revisions written so far, oldest first: status and version of each. */
export async function storedRevisions(finalAccountsId: string): Promise<{ status: string; version: number }[]> {
  return query('SELECT status::text AS status, version FROM final_accounts_revision WHERE final_accounts_id = $1 ORDER BY version, created_at', [finalAccountsId]);
}
