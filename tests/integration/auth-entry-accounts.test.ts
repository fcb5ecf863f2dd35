// The accountant's landing list is scoped to her departments: another department's accounts
// never appear, and reviewers and admins get none.
import { describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/data/actor';
import { listEntryAccounts } from '../../lib/data/entry-accounts';
import { db } from './fixtures';

describe('listEntryAccounts', () => {
  it("lists the demo accountant's department's accounts, and nobody else's", async () => {
    const accountant = await db().user.findUniqueOrThrow({ where: { email: 'accountant@juesuan.local' } });
    const actor = await loadActor(db(), accountant.id);
    expect(actor).not.toBeNull();
    const items = await listEntryAccounts(actor!, db());
    expect(items.map(({ departmentName, fiscalYear, statusLabel, isEditable }) => ({ departmentName, fiscalYear, statusLabel, isEditable })))
      .toEqual([{ departmentName: '武汉市硚口区大数据中心', fiscalYear: 2021, statusLabel: '已公开', isEditable: false }]);
  });

  it('gives a reviewer an empty list', async () => {
    const reviewer = await db().user.findUniqueOrThrow({ where: { email: 'reviewer@juesuan.local' } });
    const actor = await loadActor(db(), reviewer.id);
    expect(await listEntryAccounts(actor!, db())).toEqual([]);
  });
});
