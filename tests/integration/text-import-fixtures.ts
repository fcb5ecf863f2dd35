// Set-up shared by the published-text import tests: a district of its own under a real
// district's name (the documents name theirs, and the import checks it) with its reviewer and
// admin, an uploaded file as the page's form sends it, everything an import may write in a
// district (to prove a refusal wrote nothing), and a document's figures keyed "table:row:column".
import { randomUUID } from 'node:crypto';
import { tableCells } from '../../lib/accounts/cells';
import { toAmountText } from '../../lib/accounts/money';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { createActor } from './entry-fixtures';
import { db } from './fixtures';

export async function bureau(name: string) {
  const tag = randomUUID().slice(0, 8);
  const district = await db().district.create({ data: { code: `T-${tag}`, name, financeBureauName: `${name}财政局` } });
  const org = { district } as Parameters<typeof createActor>[1];
  return { district, reviewer: await createActor('REVIEWER', org, []), admin: await createActor('ADMIN', org, []) };
}

export function textForm(fileName: string, bytes: Uint8Array, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('file', new File([new Uint8Array(bytes)], fileName));
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The district's departments, their accounts, figures and audit rows, counted. */
export async function districtState(districtId: string) {
  const ids = (await db().department.findMany({ where: { districtId }, select: { id: true } })).map((d) => d.id);
  const accounts = (await db().finalAccounts.findMany({ where: { departmentId: { in: ids } }, select: { id: true } })).map((a) => a.id);
  return {
    departments: ids.length,
    accounts: accounts.length,
    figures: await db().figure.count({ where: { finalAccountsId: { in: accounts } } }),
    audits: await db().auditEvent.count({ where: { OR: [{ entityId: { in: ids } }, { finalAccountsId: { in: accounts } }] } }),
  };
}

/** A document's figures as "table:row:column" → "2882.93". */
export const cellsOf = (doc: TFinalAccounts): Record<string, string> =>
  Object.fromEntries(tableCells(doc).map((c) => [`${c.table}:${c.row}:${c.column}`, toAmountText(c.amount)]));
