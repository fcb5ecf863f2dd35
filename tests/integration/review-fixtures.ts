// Set-up shared by the review tests: the seed department's accounts made submittable (the
// treasury project's weights as its indicators add up, every warning explained), submitted
// through the real action, and a snapshot of what a review action may change.
import { checkFinalAccounts } from '../../lib/accounts/check';
import { findingAnchor } from '../../lib/accounts/explanations';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { saveExplanation, submitFinalAccounts } from '../../lib/data/entry';
import { departmentWithAccounts, snapshot, type Organisation } from './entry-fixtures';
import { db, seedDocument } from './fixtures';

/** The seed document with its two blocking findings fixed: it then has nine warnings. */
export function submittableDocument(): TFinalAccounts {
  const document = seedDocument();
  const evaluation = document.performance.projects[3]?.selfEvaluation;
  if (!evaluation) throw new Error('seed project 3 missing');
  evaluation.level1Weights = [{ level1: '产出指标', weight: '40' }, { level1: '效益指标', weight: '40' }];
  return document;
}

/** Writes an explanation for every warning of `document`, so the accounts can be submitted. */
export async function explainWarnings(accountant: Parameters<typeof saveExplanation>[0], id: string, document: TFinalAccounts): Promise<void> {
  for (const warning of checkFinalAccounts(document).filter((f) => f.severity === 'warning')) {
    const saved = await saveExplanation(accountant, { finalAccountsId: id, rule: warning.rule, anchor: findingAnchor(warning, document), text: '已核实，数字无误' });
    if (!saved.ok) throw new Error(saved.message);
  }
}

/** A new department of `org` whose accounts were submitted by its accountant (version 2). */
export async function submittedAccounts(org: Organisation) {
  const document = submittableDocument();
  const created = await departmentWithAccounts(org, { document });
  await explainWarnings(created.accountant, created.id, document);
  const submitted = await submitFinalAccounts(created.accountant, { finalAccountsId: created.id, expectedVersion: 1 });
  if (!submitted.ok) throw new Error(submitted.message);
  return { ...created, document, version: submitted.data.version };
}

/** What a review action may change: the entry snapshot plus the comments and the dates. */
export async function reviewSnapshot(id: string) {
  const dates = await db().finalAccounts.findUniqueOrThrow({ where: { id }, select: { approvedAt: true, publishedAt: true } });
  const comments = await db().reviewComment.count({ where: { finalAccountsId: id } });
  return { ...(await snapshot(id)), ...dates, comments };
}
