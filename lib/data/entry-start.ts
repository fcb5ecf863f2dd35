// Starting a fiscal year: the accountant opens her department's accounts of a year as a draft of
// that year's template in the department's layout, continuing last year's approved figures
// (startDraft in the core). Same steps as every write: authenticate, parse, authorize, check, one
// transaction with its audit row. Server-only.
import { z } from 'zod';
import { functionalSubjectsFor } from '../accounts/classification';
import type { TFinalAccounts } from '../accounts/schema';
import { parseFinalAccounts } from '../accounts/validation';
import { startDraft } from '../accounts/year-start';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { authenticate, inWriteTransaction, parseInput } from './action-steps';
import { createFinalAccounts, DEPARTMENT_SCOPE, recordAuditEvent } from './accounts-store';
import type { Actor } from './actor';
import { approvedDocument, departmentFamilies, familyWords, templateOfYear } from './entry-years';

export const ZStartYear = z.strictObject({
  departmentId: z.uuid('部门编号无效'),
  fiscalYear: z.int('年度须为整数').min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间'),
});

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';

export async function startYear(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<{ finalAccountsId: string }>> {
  return runAction('startYear', async () => {
    const user = authenticate(actor);
    const { departmentId, fiscalYear } = parseInput(ZStartYear, input);
    if (user.role !== 'ACCOUNTANT') throw new ActionError('forbidden', '只有部门会计可以开始填报决算');
    if (!user.departmentIds.includes(departmentId)) throw new ActionError('not_found', MESSAGES.departmentNotFound);

    const key = { fiscalYear, departmentId, scope: DEPARTMENT_SCOPE };
    const existing = await db.finalAccounts.findUnique({ where: { fiscalYear_departmentId_scope: key }, select: { id: true } });
    if (existing) throw new ActionError('conflict', `本部门 ${fiscalYear} 年度决算已经开始填报，请在列表中打开`);
    const family = (await departmentFamilies(db, [departmentId])).get(departmentId);
    if (!family) throw new ActionError('invalid', '无法确定本部门使用的报表格式：本部门和本地区都还没有决算，请联系管理员', [{ path: 'departmentId', message: '无法确定报表格式' }]);
    const template = templateOfYear(family, fiscalYear);
    if (!template) throw new ActionError('invalid', `还没有 ${fiscalYear} 年度的${familyWords(family)}，暂不能开始填报该年度`, [{ path: 'fiscalYear', message: `没有 ${fiscalYear} 年度的报表格式` }]);
    if (!functionalSubjectsFor(fiscalYear)) {
      throw new ActionError('invalid', `没有 ${fiscalYear} 年度支出功能分类科目表，请管理员先用 juesuan catalogue import 导入`, [{ path: 'fiscalYear', message: `没有 ${fiscalYear} 年度科目表` }]);
    }

    const previous = await approvedDocument(db, departmentId, fiscalYear - 1);
    const department = previous?.department ?? await departmentHeader(db, departmentId);
    const draft = parseFinalAccounts(startDraft({ template, department, ...(previous ? { previous } : {}) }));
    // startDraft promises a valid document: a failure here is a bug, logged as such.
    if (!draft.ok) throw new Error(`${template.id} 的新年度草稿无效：${draft.errors.map((e) => `${e.path} ${e.message}`).join('；')}`);

    try {
      return await inWriteTransaction(db, async (tx) => {
        await tx.fiscalYear.upsert({ where: { year: fiscalYear }, update: {}, create: { year: fiscalYear } });
        const created = await createFinalAccounts(tx, { departmentId, document: draft.doc });
        await recordAuditEvent(tx, {
          actorId: user.id, actorLabel: user.email, action: 'finalAccounts.start', entity: 'FinalAccounts', entityId: created.id, finalAccountsId: created.id,
          after: { status: 'DRAFT', version: created.version, template: template.id, continues: previous ? fiscalYear - 1 : null },
        });
        return { finalAccountsId: created.id };
      });
    } catch (error) {
      // Two starts of the same year at once: the second finds the first's row.
      if (isUniqueViolation(error)) throw new ActionError('conflict', `本部门 ${fiscalYear} 年度决算已经开始填报，请在列表中打开`);
      throw error;
    }
  });
}

async function departmentHeader(db: Db, departmentId: string): Promise<TFinalAccounts['department']> {
  const department = await db.department.findUniqueOrThrow({ where: { id: departmentId }, select: { name: true, code: true, district: { select: { name: true } } } });
  return { name: department.name, district: department.district.name, ...(department.code ? { code: department.code } : {}) };
}
