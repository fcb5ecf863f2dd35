// What the entry page needs of one final accounts, read as the actor may: the accounts, the
// department's name, the explanations written so far, last year's approved document (for the
// year-join checks) and the year's functional catalogue (to add a classification row). Server-only.
import { functionalLevel, functionalSubjectsFor, type FunctionalLevel } from '../accounts/classification';
import type { Explanation } from '../accounts/explanations';
import type { TFinalAccounts } from '../accounts/schema';
import { runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { authenticate, loadScoped, parseInput, ZFinalAccountsId, type ScopedFinalAccounts } from './action-steps';
import type { Actor } from './actor';
import { listComments, type ReviewCommentView } from './comments';
import { approvedDocument } from './entry-years';

export interface EntryData {
  accounts: ScopedFinalAccounts;
  departmentName: string;
  explanations: Explanation[];
  /** Last year's approved or published document of the same department, if any. */
  previousYear?: TFinalAccounts;
  functionalSubjects: { code: string; name: string; level: FunctionalLevel }[];
  /** The finance bureau's comments on every submission, oldest first. */
  comments: ReviewCommentView[];
}

export async function readEntry(actor: Actor | null, finalAccountsId: unknown, db: Db = getPrisma()): Promise<ActionResult<EntryData>> {
  return runAction('readEntry', async () => {
    const user = authenticate(actor);
    const id = parseInput(ZFinalAccountsId, finalAccountsId);
    const accounts = await loadScoped(db, user, id, { validate: true });
    const [department, explanations, previousYear, comments] = await Promise.all([
      db.department.findUniqueOrThrow({ where: { id: accounts.departmentId }, select: { name: true } }),
      db.checkExplanation.findMany({ where: { finalAccountsId: id }, select: { rule: true, anchor: true, text: true }, orderBy: [{ rule: 'asc' }, { anchor: 'asc' }] }),
      approvedDocument(db, accounts.departmentId, accounts.document.fiscalYear - 1),
      listComments(db, id),
    ]);
    const functionalSubjects = (functionalSubjectsFor(accounts.document.fiscalYear) ?? []).flatMap((subject) => {
      const level = functionalLevel(subject.code);
      return level ? [{ code: subject.code, name: subject.name, level }] : [];
    });
    return { accounts, departmentName: department.name, explanations, ...(previousYear ? { previousYear } : {}), functionalSubjects, comments };
  });
}
