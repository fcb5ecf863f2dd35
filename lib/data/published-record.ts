// Accounts that were published before this system knew them (the seed's transcriptions, a
// bureau's past publications imported from their text): stored as published version 1 with the
// published revision the public reads and their audit rows, inside the caller's transaction.
// Server-only.
import type { TFinalAccounts } from '../accounts/schema';
import { createFinalAccounts, recordAuditEvent, recordRevision, type RevisionChecks, type Tx } from './accounts-store';

/**
 * When the accounts were published: noon in China of the date the document prints (the same
 * date in any time zone a page formats it in), else `now`: the day this system publishes them,
 * rather than an invented date.
 */
export function publicationInstant(doc: Pick<TFinalAccounts, 'publishedOn'>, now: Date = new Date()): Date {
  return doc.publishedOn ? new Date(`${doc.publishedOn}T12:00:00+08:00`) : now;
}

export interface PublishedRecord {
  departmentId: string;
  document: TFinalAccounts;
  /** Who stores them: a user, or the seed (no id). */
  actor: { id?: string; label: string };
  /** What the audit row records as the origin: a seed file, an imported file's name and digest. */
  source: string | Record<string, unknown>;
  /** The check engine's counts, kept in the revision's summary. */
  checks?: RevisionChecks;
  now?: Date;
}

export async function storePublishedRecord(tx: Tx, input: PublishedRecord): Promise<{ id: string; publishedAt: Date }> {
  const { departmentId, document } = input;
  const publishedAt = publicationInstant(document, input.now);
  await tx.fiscalYear.upsert({ where: { year: document.fiscalYear }, update: {}, create: { year: document.fiscalYear } });
  const accounts = await createFinalAccounts(tx, {
    departmentId, document, status: 'PUBLISHED', submittedAt: publishedAt, approvedAt: publishedAt, publishedAt,
  });
  await recordRevision(tx, {
    finalAccountsId: accounts.id, version: accounts.version, status: 'PUBLISHED', document, publishedAt, ...(input.checks ? { checks: input.checks } : {}),
  });
  const audit = { actorId: input.actor.id ?? null, actorLabel: input.actor.label, entity: 'FinalAccounts', entityId: accounts.id, finalAccountsId: accounts.id };
  await recordAuditEvent(tx, { ...audit, action: 'finalAccounts.create', after: { status: 'PUBLISHED', version: 1, source: input.source } });
  await recordAuditEvent(tx, { ...audit, action: 'finalAccounts.publish', after: { status: 'PUBLISHED', version: 1, publishedAt: publishedAt.toISOString() } });
  return { id: accounts.id, publishedAt };
}
