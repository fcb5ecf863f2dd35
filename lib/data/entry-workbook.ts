// Previewing an uploaded entry workbook (lib/export/entry-workbook.ts writes it) against the
// stored draft, as the actor: the same steps as a save (authenticate, parse, authorize, load as
// she may see it, check status and version), then the workbook read cell by cell. Nothing is
// stored: the accountant confirms, and the page sends the previewed changes to saveCells, which
// writes them with its audit row and refuses them if the version has moved. Server-only.
import { z } from 'zod';
import { checkFinalAccounts } from '../accounts/check';
import { countFindings, type Finding } from '../accounts/findings';
import { stepNarrative } from '../accounts/narrative-refresh';
import type { TFinalAccounts } from '../accounts/schema';
import { templateFor } from '../accounts/templates';
import type { FieldError } from '../accounts/validation';
import { ActionError, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { readEntryWorkbook, type WorkbookChange } from '../import/xlsx/entry-workbook';
import { authenticate, authorizeEditor, checkEditable, loadScoped, parseInput, ZExpectedVersion, ZFinalAccountsId } from './action-steps';
import { applyChanges, type TCellChange } from './accounts-write';
import type { Actor } from './actor';
import { approvedDocument } from './entry-years';

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

const ZPreviewWorkbook = z.strictObject({
  finalAccountsId: ZFinalAccountsId,
  // A form sends text: "3" → 3, anything else is refused by ZExpectedVersion.
  expectedVersion: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), ZExpectedVersion),
});

export interface WorkbookPreview {
  /** The version previewed against: the save must still find it. */
  version: number;
  /** saveCells's `changes`; `diff[i]` describes `changes[i]`. */
  changes: TCellChange[];
  diff: WorkbookChange[];
  warnings: FieldError[];
  /**
   * The narrative as the import leaves it: its generated sentences moved with the figures, as the
   * entry page moves them on every edit (saveCells's `sections`); absent when no sentence moves.
   */
  sections?: { narrative: TFinalAccounts['narrative'] };
  /** Narrative sections whose sentences move. */
  narrativeSections?: string[];
  /** With changes: the check engine on the draft as it is and as the import would leave it (with last year), and the findings the import adds. */
  checks?: {
    before: { blocking: number; warnings: number };
    after: { blocking: number; warnings: number };
    added: Pick<Finding, 'rule' | 'severity' | 'message'>[];
  };
}

/** Findings the import would add, listed in a preview; the counts are always whole. */
export const MAX_ADDED_FINDINGS = 20;

/** The narrative with its generated sentences moved from `before`'s figures to `after`'s, or undefined when none moves. */
function steppedNarrative(before: TFinalAccounts, after: TFinalAccounts): TFinalAccounts['narrative'] | undefined {
  try {
    const narrative = stepNarrative(before, after, templateFor(after.template));
    return narrative === after.narrative ? undefined : narrative;
  } catch {
    return undefined; // a half-entered document the generator cannot read: her text stays as it is
  }
}

/** The uploaded file of the form, or 'invalid' in words. */
function uploadedFile(form: FormData): File {
  const file = form.get('file');
  if (!(file instanceof File)) throw new ActionError('invalid', '请选择要导入的工作簿文件', [{ path: 'file', message: '请选择要导入的工作簿文件' }]);
  if (file.size === 0) throw new ActionError('invalid', '上传的文件是空的', [{ path: 'file', message: '上传的文件是空的' }]);
  if (file.size > MAX_WORKBOOK_BYTES) {
    throw new ActionError('invalid', '文件超过 5 MB，不是本系统的填报工作簿', [{ path: 'file', message: '文件超过 5 MB，不是本系统的填报工作簿' }]);
  }
  return file;
}

/**
 * Reads the workbook of `input` (FormData: file, finalAccountsId, expectedVersion) against the
 * stored draft: the changes it makes, cell by cell, or 'invalid' with every wrong cell by
 * "sheet!cell". Only an accountant who may save the draft at that version may preview it.
 */
export async function previewWorkbook(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<WorkbookPreview>> {
  return runAction('previewWorkbook', async () => {
    const user = authenticate(actor);
    if (!(input instanceof FormData)) throw new ActionError('invalid', '请通过表单上传工作簿');
    const file = uploadedFile(input);
    const { finalAccountsId, expectedVersion } = parseInput(ZPreviewWorkbook, {
      finalAccountsId: input.get('finalAccountsId'), expectedVersion: input.get('expectedVersion'),
    });
    authorizeEditor(user);
    const accounts = await loadScoped(db, user, finalAccountsId, { validate: true });
    checkEditable(accounts, expectedVersion);
    const doc = accounts.document;
    const read = await readEntryWorkbook(new Uint8Array(await file.arrayBuffer()), doc, templateFor(doc.template));
    if (!read.ok) {
      const more = read.errorCount > read.errors.length ? `，仅列出前 ${read.errors.length} 处` : '';
      throw new ActionError('invalid', `工作簿有 ${read.errorCount} 处错误${more}，未导入任何数字`, read.errors);
    }
    if (read.changes.length === 0) return { version: accounts.version, changes: [], diff: [], warnings: read.warnings };
    // The draft as saveCells would leave it (derived cells recomputed, the schema's verdict), checked as the entry page checks it.
    const after = applyChanges(structuredClone(doc), read.changes, {});
    const narrative = steppedNarrative(doc, after);
    if (narrative) after.narrative = narrative;
    const previousYear = await approvedDocument(db, accounts.departmentId, doc.fiscalYear - 1);
    const options = previousYear ? { previousYear } : {};
    const before = checkFinalAccounts(doc, options);
    const afterFindings = checkFinalAccounts(after, options);
    const known = new Set(before.map((f) => `${f.rule}\u0000${f.message}`));
    const added = afterFindings.filter((f) => !known.has(`${f.rule}\u0000${f.message}`));
    return {
      version: accounts.version, changes: read.changes, diff: read.diff, warnings: read.warnings,
      ...(narrative ? {
        sections: { narrative },
        narrativeSections: narrative.filter((section, i) => section.text !== doc.narrative[i]?.text).map((section) => section.heading),
      } : {}),
      checks: {
        before: countFindings(before), after: countFindings(afterFindings),
        added: added.slice(0, MAX_ADDED_FINDINGS).map(({ rule, severity, message }) => ({ rule, severity, message })),
      },
    };
  });
}
