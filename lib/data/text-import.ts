// Importing the text of a published final-accounts document into the district, as the finance
// bureau: a preview first (the template and year recognised, the department matched, what could
// not be read by line, the check engine's findings with last year), then the import, which reads
// the uploaded text again and stores it in one transaction with its audit rows: as the published
// record of a past year (what last year's figures and the year-join checks read), or as a draft
// of the year the department goes on entering. Nothing is stored from a document the schema
// refuses, and accounts that exist are never overwritten. Server-only.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkFinalAccounts } from '../accounts/check';
import type { Finding } from '../accounts/findings';
import type { TFinalAccounts } from '../accounts/schema';
import { summarizeFinalAccounts, type AccountsSummary } from '../accounts/summary';
import { TEMPLATES, type Template } from '../accounts/templates';
import { parseFinalAccounts, type FieldError } from '../accounts/validation';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { importText, type ImportProblem } from '../import/text';
import { decodeText } from '../import/text-bytes';
import { isSlug } from '../slug.mjs';
import { createFinalAccounts, DEPARTMENT_SCOPE, recordAuditEvent, type Tx } from './accounts-store';
import { authenticate, inWriteTransaction, parseInput } from './action-steps';
import type { Actor } from './actor';
import { approvedDocument } from './entry-years';
import { storePublishedRecord } from './published-record';
import { authorizeReviewerOrAdmin } from './review-steps';

/** A published document's text runs to some 100–300 KB; 5 MB refuses the wrong file in time. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Findings listed in a preview; the counts are always whole. */
export const MAX_LISTED_FINDINGS = 100;

/** record: the published accounts of a past year; draft: accounts the department goes on entering. */
export const IMPORT_MODES = ['record', 'draft'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_MODE_LABELS: Readonly<Record<ImportMode, string>> = { record: '往年已公开决算', draft: '本年度草稿' };

export interface DistrictDepartment {
  id: string;
  name: string;
  /** The years it has accounts of, and their status. */
  accounts: { fiscalYear: number; status: string }[];
}

export interface ImportTargets {
  district: { id: string; name: string };
  departments: DistrictDepartment[];
}

export interface TextImportPreview {
  fileName: string;
  encoding: 'UTF-8' | 'GB18030';
  template: { id: string; name: string };
  fiscalYear: number;
  /** The department and district as the document prints them. */
  printed: { department: string; district: string };
  /** The district department it goes to: the one asked for, else the one its name matches. */
  departmentId: string | null;
  /** How the import would store it unless told otherwise. */
  defaultMode: ImportMode;
  /** Why nothing can be stored: the text is damaged, it is another district's, or the department has accounts of the year (another department may not). */
  refusals: Refusal[];
  /** What the importer could not read or place, by line: the user checks these before importing. */
  problems: ImportProblem[];
  /** The schema's objections to the document as read: it cannot be stored until they are mended. */
  invalid: FieldError[];
  summary: AccountsSummary | null;
  checks: { blocking: number; warnings: number; listed: Pick<Finding, 'rule' | 'severity' | 'message'>[]; withPreviousYear: boolean } | null;
}

export interface Refusal {
  kind: 'damaged' | 'district' | 'exists';
  message: string;
}

export interface TextImportDone {
  finalAccountsId: string;
  departmentId: string;
  fiscalYear: number;
  status: 'PUBLISHED' | 'DRAFT';
  createdDepartment: boolean;
}

const ZPreview = z.strictObject({
  departmentId: z.uuid('部门编号无效').optional(),
});

const ZImport = z.strictObject({
  mode: z.enum(IMPORT_MODES, '请选择存为往年已公开决算还是本年度草稿'),
  departmentId: z.uuid('部门编号无效').optional(),
  /** Create the department the document names, with this public address name (or a generated one). */
  newDepartment: z.literal('on').optional(),
  /** How many of the importer's problems the bureau has checked against the printed document: all of them, or none is stored. */
  acknowledged: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.int('核对数须为整数').min(0)).optional(),
  slug: z.string().trim().max(64, '网址名最多 64 个字符').refine((v) => v === '' || isSlug(v), '网址名只能用小写字母、数字和单个连字符，如 big-data-center').optional(),
}).refine((v) => (v.departmentId === undefined) !== (v.newDepartment === undefined), { message: '请选择导入到哪个部门，或新建部门', path: ['departmentId'] });

/** The form's fields other than the file, as zod reads them ("" is absent). */
function fieldsOf(form: FormData, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  for (const key of form.keys()) {
    if (key !== 'file' && !names.includes(key)) throw new ActionError('invalid', `表单中有多余的字段「${key}」`, [{ path: key, message: '多余的字段' }]);
  }
  return fields;
}

/** The uploaded file, decoded and read: the document as far as it could be read, and the schema's verdict on it. */
async function readUpload(form: FormData) {
  const file = form.get('file');
  if (!(file instanceof File)) throw new ActionError('invalid', '请选择要导入的文本文件', [{ path: 'file', message: '请选择要导入的文本文件' }]);
  const fileName = file.name || '未命名文件';
  const refuse = (reason: string): never => {
    throw new ActionError('invalid', `${fileName}：${reason}`, [{ path: 'file', message: reason }]);
  };
  if (file.size === 0) refuse('文件是空的');
  if (file.size > MAX_TEXT_BYTES) refuse('文件超过 5 MB，不像一份决算公开文本');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.reason);
  const imported = importText(decoded.text);
  if (!imported.ok) return refuse(imported.reason);
  return {
    fileName, encoding: decoded.encoding, digest: createHash('sha256').update(bytes).digest('hex'),
    template: imported.template, problems: imported.problems, imported: imported.document, parsed: parseFinalAccounts(imported.document),
  };
}

function reviewerDistrict(actor: Actor): string {
  authorizeReviewerOrAdmin(actor);
  if (!actor.districtId) throw new ActionError('forbidden', '您的账号没有所属财政局，不能导入决算');
  return actor.districtId;
}

/** Whether a printed name and a stored one name the same body: equal, or one is the other without its place prefix. */
export function sameBody(printed: string, stored: string): boolean {
  if (printed === '' || stored === '') return false;
  if (printed === stored) return true;
  const [short, long] = printed.length < stored.length ? [printed, stored] : [stored, printed];
  return short.length >= 3 && long.endsWith(short);
}

/** The department a printed name matches: one whose name is the same body, if exactly one is. */
export function matchDepartment(printed: string, departments: readonly { id: string; name: string }[]): string | null {
  const exact = departments.find((d) => d.name === printed);
  if (exact) return exact.id;
  const candidates = departments.filter((d) => sameBody(printed, d.name));
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}

/**
 * How a document is stored unless the bureau says otherwise: as the published record of a past
 * year, or, for the newest year its layout has, as a draft the department goes on entering.
 */
export function defaultImportMode(template: Pick<Template, 'family' | 'fiscalYear'>): ImportMode {
  const newest = Math.max(...TEMPLATES.filter((t) => t.family === template.family).map((t) => t.fiscalYear));
  return template.fiscalYear >= newest ? 'draft' : 'record';
}

/** The district's departments and the years they have accounts of: what a document can go to. */
export async function listImportTargets(actor: Actor | null, db: Db = getPrisma()): Promise<ActionResult<ImportTargets>> {
  return runAction('listImportTargets', async () => {
    const districtId = reviewerDistrict(authenticate(actor));
    const district = await db.district.findUniqueOrThrow({ where: { id: districtId }, select: { id: true, name: true } });
    const departments = await db.department.findMany({
      where: { districtId },
      select: { id: true, name: true, finalAccounts: { where: { scope: DEPARTMENT_SCOPE }, select: { fiscalYear: true, status: true }, orderBy: { fiscalYear: 'desc' } } },
    });
    departments.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    return { district, departments: departments.map((d) => ({ id: d.id, name: d.name, accounts: d.finalAccounts })) };
  });
}

const STATUS_WORDS: Readonly<Record<string, string>> = { DRAFT: '填报中', SUBMITTED: '已报送', RETURNED: '已退回', APPROVED: '审核通过', PUBLISHED: '已公开' };

/** Why a damaged document (a table missing or cut short) cannot be imported at all, or undefined. */
function damageOf(problems: readonly ImportProblem[]): string | undefined {
  const damaged = problems.filter((p) => p.damaged);
  if (damaged.length === 0) return undefined;
  return `文本不完整（${damaged.map((p) => `第 ${p.line} 行`).join('、')}：缺表或表被截断），不能导入；请取得完整的公开文本后重新导入`;
}

/** Why the document cannot go to this district or department, in words; empty when it can. */
async function refusalsFor(db: Db | Tx, districtName: string, printedDistrict: string, departmentId: string | null, fiscalYear: number): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  if (printedDistrict !== '' && !sameBody(printedDistrict, districtName)) {
    refusals.push({ kind: 'district', message: `这是${printedDistrict}的决算，不属于${districtName}，不能导入本区` });
  }
  if (departmentId) {
    const existing = await db.finalAccounts.findUnique({
      where: { fiscalYear_departmentId_scope: { fiscalYear, departmentId, scope: DEPARTMENT_SCOPE } },
      select: { status: true },
    });
    if (existing) refusals.push({ kind: 'exists', message: `该部门 ${fiscalYear} 年度已有决算（${STATUS_WORDS[existing.status] ?? existing.status}），导入不会覆盖已有的决算` });
  }
  return refusals;
}

async function departmentOf(db: Db | Tx, districtId: string, departmentId: string): Promise<{ id: string; name: string }> {
  const department = await db.department.findFirst({ where: { id: departmentId, districtId }, select: { id: true, name: true } });
  if (!department) throw new ActionError('not_found', MESSAGES.departmentNotFound);
  return department;
}

/**
 * Reads an uploaded text (FormData: file, departmentId?) and says what an import would store and
 * where, with the importer's problems and the check engine's findings; stores nothing.
 */
export async function previewTextImport(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<TextImportPreview>> {
  return runAction('previewTextImport', async () => {
    const user = authenticate(actor);
    if (!(input instanceof FormData)) throw new ActionError('invalid', '请通过表单上传文本文件');
    const fields = parseInput(ZPreview, fieldsOf(input, ['departmentId']));
    const districtId = reviewerDistrict(user);
    const read = await readUpload(input);
    const district = await db.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
    const departments = await db.department.findMany({ where: { districtId }, select: { id: true, name: true } });
    const departmentId = fields.departmentId
      ? (await departmentOf(db, districtId, fields.departmentId)).id
      : matchDepartment(read.imported.department.name, departments);
    const fiscalYear = read.template.fiscalYear;
    const damaged = damageOf(read.problems);
    const refusals: Refusal[] = [...(damaged ? [{ kind: 'damaged' as const, message: damaged }] : []), ...await refusalsFor(db, district.name, read.imported.department.district, departmentId, fiscalYear)];
    let summary: AccountsSummary | null = null;
    let checks: TextImportPreview['checks'] = null;
    if (read.parsed.ok) {
      const doc = read.parsed.doc;
      const previousYear = departmentId ? await approvedDocument(db, departmentId, fiscalYear - 1) : undefined;
      const findings = checkFinalAccounts(doc, previousYear ? { previousYear } : {});
      summary = summarizeFinalAccounts(doc);
      checks = {
        blocking: findings.filter((f) => f.severity === 'blocking').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        listed: findings.slice(0, MAX_LISTED_FINDINGS).map(({ rule, severity, message }) => ({ rule, severity, message })),
        withPreviousYear: previousYear !== undefined,
      };
    }
    return {
      fileName: read.fileName, encoding: read.encoding, template: { id: read.template.id, name: read.template.name }, fiscalYear,
      printed: { department: read.imported.department.name, district: read.imported.department.district },
      departmentId, defaultMode: defaultImportMode(read.template), refusals, problems: read.problems,
      invalid: read.parsed.ok ? [] : read.parsed.errors, summary, checks,
    };
  });
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * Imports an uploaded text (FormData: file, mode, departmentId or newDepartment=on with slug?):
 * read again, validated, then stored in one transaction with its audit rows, or refused with
 * nothing stored.
 */
export async function importPublishedText(actor: Actor | null, input: unknown, db: Db = getPrisma()): Promise<ActionResult<TextImportDone>> {
  return runAction('importPublishedText', async () => {
    const user = authenticate(actor);
    if (!(input instanceof FormData)) throw new ActionError('invalid', '请通过表单上传文本文件');
    const fields = parseInput(ZImport, fieldsOf(input, ['mode', 'departmentId', 'newDepartment', 'slug', 'acknowledged']));
    const districtId = reviewerDistrict(user);
    const read = await readUpload(input);
    if (!read.parsed.ok) {
      const errors = read.parsed.errors;
      throw new ActionError('invalid', `${read.fileName}：读出的决算有 ${errors.length} 处不完整或不合格式，未导入任何内容（请先在预览中查看）`, errors);
    }
    const damaged = damageOf(read.problems);
    if (damaged) throw new ActionError('conflict', `${read.fileName}：${damaged}`);
    const unchecked = read.problems.length - (fields.acknowledged ?? 0);
    if (read.problems.length > 0 && unchecked !== 0) {
      throw new ActionError('invalid', `${read.fileName}：有 ${read.problems.length} 处未能读入或须核对，请在预览中对照原文逐一核对后勾选确认`, [{ path: 'acknowledged', message: '请先核对预览中列出的问题' }]);
    }
    const doc: TFinalAccounts = read.parsed.doc;
    const district = await db.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
    if (fields.departmentId) await departmentOf(db, districtId, fields.departmentId);
    const source = { file: read.fileName, sha256: read.digest, encoding: read.encoding, template: read.template.id, problems: read.problems.length };

    try {
      return await inWriteTransaction(db, async (tx) => {
        let departmentId = fields.departmentId;
        if (!departmentId) {
          const name = doc.department.name;
          const clash = await tx.department.findFirst({ where: { districtId, name }, select: { id: true } });
          if (clash) throw new ActionError('conflict', `本区已有部门「${name}」，请选择它而不是新建`);
          const slug = fields.slug || undefined;
          if (slug && await tx.department.findFirst({ where: { districtId, slug }, select: { id: true } })) {
            throw new ActionError('conflict', `网址名「${slug}」已被本区其他部门使用`, [{ path: 'slug', message: '网址名已被使用' }]);
          }
          const created = await tx.department.create({ data: { districtId, name, ...(slug ? { slug } : {}) }, select: { id: true, slug: true } });
          await tx.unit.create({ data: { departmentId: created.id, name, kind: 'OWN_UNIT' } });
          await recordAuditEvent(tx, {
            actorId: user.id, actorLabel: user.email, action: 'department.create', entity: 'Department', entityId: created.id,
            after: { name, slug: created.slug, source },
          });
          departmentId = created.id;
        }
        const refusals = await refusalsFor(tx, district.name, doc.department.district, departmentId, doc.fiscalYear);
        if (refusals.length > 0) throw new ActionError('conflict', `${read.fileName}：${refusals.map((r) => r.message).join('；')}`);
        const previousYear = await approvedDocument(tx, departmentId, doc.fiscalYear - 1);
        const findings = checkFinalAccounts(doc, previousYear ? { previousYear } : {});
        const checks = { blocking: findings.filter((f) => f.severity === 'blocking').length, warnings: findings.filter((f) => f.severity === 'warning').length };
        let finalAccountsId: string;
        if (fields.mode === 'record') {
          finalAccountsId = (await storePublishedRecord(tx, { departmentId, document: doc, actor: { id: user.id, label: user.email }, source, checks })).id;
        } else {
          await tx.fiscalYear.upsert({ where: { year: doc.fiscalYear }, update: {}, create: { year: doc.fiscalYear } });
          finalAccountsId = (await createFinalAccounts(tx, { departmentId, document: doc })).id;
          await recordAuditEvent(tx, {
            actorId: user.id, actorLabel: user.email, action: 'finalAccounts.import', entity: 'FinalAccounts', entityId: finalAccountsId, finalAccountsId,
            after: { status: 'DRAFT', version: 1, source, checks },
          });
        }
        return { finalAccountsId, departmentId, fiscalYear: doc.fiscalYear, status: fields.mode === 'record' ? 'PUBLISHED' : 'DRAFT', createdDepartment: !fields.departmentId } as const;
      });
    } catch (error) {
      // Two imports at once: the second finds the first's department (its name or address name) or accounts.
      if (isUniqueViolation(error)) {
        if ((error as { meta?: { modelName?: unknown } }).meta?.modelName === 'Department') {
          throw new ActionError('conflict', `${read.fileName}：部门「${doc.department.name}」或其网址名刚被他人建立，请重新预览后导入`);
        }
        throw new ActionError('conflict', `${read.fileName}：该部门 ${doc.fiscalYear} 年度已有决算，导入不会覆盖已有的决算`);
      }
      throw error;
    }
  });
}
