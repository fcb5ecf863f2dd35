// Reading one final accounts as the actor may: an accountant their departments', a reviewer or
// admin their district's; anything else is not_found. Server-only.
import { runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { authenticate, loadScoped, parseInput, ZFinalAccountsId, type ScopedFinalAccounts } from './action-steps';
import type { Actor } from './actor';

export async function readFinalAccountsFor(actor: Actor | null, finalAccountsId: unknown, db: Db = getPrisma()): Promise<ActionResult<ScopedFinalAccounts>> {
  return runAction('readFinalAccounts', async () => {
    const user = authenticate(actor);
    const id = parseInput(ZFinalAccountsId, finalAccountsId);
    return loadScoped(db, user, id, { validate: true });
  });
}
