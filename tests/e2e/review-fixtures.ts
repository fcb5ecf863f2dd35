// Set-up for the review test: its own district, department, accountant, reviewer and draft, made
// by review-setup.ts under tsx (the core reads its catalogues as JSON modules, which Playwright's
// loader does not); what the UI stored is read back here with SQL.
import { query, runSetup } from './e2e-sql';

export interface ReviewCase {
  accountant: string;
  reviewer: string;
  password: string;
  departmentName: string;
  districtName: string;
  finalAccountsId: string;
  /** The public address, once published ("correction" only). */
  publicPath?: string;
}

/** "draft": the seed's figures as a 2021 draft; "correction": published, and a correction of it approved. */
export function createReviewCase(kind: 'draft' | 'correction' = 'draft'): ReviewCase {
  return runSetup<ReviewCase>('review-setup.ts', [kind]);
}

export async function storedComments(finalAccountsId: string): Promise<{ version: number; anchor: string; body: string }[]> {
  return query('SELECT version, anchor, body FROM review_comment WHERE final_accounts_id = $1 ORDER BY created_at', [finalAccountsId]);
}

/** The revisions written so far, oldest first: status and version of each. */
export async function storedRevisions(finalAccountsId: string): Promise<{ status: string; version: number }[]> {
  return query('SELECT status::text AS status, version FROM final_accounts_revision WHERE final_accounts_id = $1 ORDER BY version, created_at', [finalAccountsId]);
}
