// The one place where the core's workflow statuses (lowercase, lib/accounts/workflow.ts) meet the
// database enum (AccountsStatus). Both records are total, so a status added on either side fails
// to compile until it is mapped here. Server-only.
import type { Status } from '../accounts/workflow';
import type { AccountsStatus } from '../generated/prisma/enums';

const TO_DB: Readonly<Record<Status, AccountsStatus>> = {
  draft: 'DRAFT',
  submitted: 'SUBMITTED',
  returned: 'RETURNED',
  approved: 'APPROVED',
  published: 'PUBLISHED',
};

const FROM_DB: Readonly<Record<AccountsStatus, Status>> = {
  DRAFT: 'draft',
  SUBMITTED: 'submitted',
  RETURNED: 'returned',
  APPROVED: 'approved',
  PUBLISHED: 'published',
};

export function statusToDb(status: Status): AccountsStatus {
  return TO_DB[status];
}

export function statusFromDb(status: AccountsStatus): Status {
  return FROM_DB[status];
}
