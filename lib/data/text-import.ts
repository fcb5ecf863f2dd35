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
import { countFindings, type Finding } from '../accounts/findings';
import type { TFinalAccounts } from '../accounts/schema';
import { summarizeFinalAccounts, type AccountsSummary } from '../accounts/summary';
import { TEMPLATES, type Template } from '../accounts/templates';
import { parseFinalAccounts, type FieldError } from '../accounts/validation';
import { STATUS_LABELS } from '../accounts/workflow';
import { ActionError, MESSAGES, runAction, type ActionResult } from '../action';
import { getPrisma, type Db } from '../db';
import { importText, type ImportProblem } from '../import/text';
import { decodeText, MAX_PUBLISHED_TEXT_BYTES, type TextEncodingName } from '../import/text-bytes';
import { isSlug } from '../slug.mjs';
import { createFinalAccounts, DEPARTMENT_SCOPE, recordAuditEvent, type Tx } from './accounts-store';
import { authenticate, inWriteTransaction, parseInput } from './action-steps';
import type { Actor } from './actor';
import { approvedDocument } from './entry-years';
import { storePublishedRecord } from './published-record';
import { beijingDateText } from '../beijing-date';
import { statusFromDb } from './workflow-store';

/** Findings listed in a preview; the counts are always whole. */
export const MAX_LISTED_FINDINGS = 100;

/** record: the published accounts of a past year; draft: accounts the department goes on entering. */
export const IMPORT_MODES = ['record', 'draft'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface DistrictDepartment {
  id: string;
  name: string;
  /** The years it has accounts of, and their status in words (已公开, …). */
  accounts: { fiscalYear: number; statusLabel: string }[];
}

export interface ImportTargets {
  district: { id: string; name: string };
  departments: DistrictDepartment[];
}

export interface TextImportPreview {
  fileName: string;
  encoding: TextEncodingName;
  /** The SHA-256 of the file: an import with problems must name it as the one whose problems were checked. */
  digest: string;
  template: { id: string; name: string };
  fiscalYear: number;
  /** The department and district as the document prints them (district "" when it names none: the bureau's is assumed). */
  printed: { department: string; district: string };
  /** The publication date the document prints; a record without one is published on the day of the import. */
  publishedOn: string | null;
  /** The district department it goes to: the one asked for, else the one its name matches; null for a new one. */
  departmentId: string | null;
  /** How departmentId was found: chosen by the bureau, the same name, a name differing only by the place prefix, or none (new). */
  match: 'chosen' | 'exact' | 'similar' | 'new';
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
  /** damaged and district refuse the text whatever is chosen; exists and department depend on the department chosen. */
  kind: 'damaged' | 'district' | 'exists' | 'department';
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
  /** Preview as a new department: no name matching, a clash with an existing name reported. */
  newDepartment: z.literal('on').optional(),
}).refine((v) => !(v.departmentId && v.newDepartment), { message: '不能既选部门又新建部门', path: ['departmentId'] });

const ZImport = z.strictObject({
  mode: z.enum(IMPORT_MODES, '请选择存为往年已公开决算还是本年度草稿'),
  departmentId: z.uuid('部门编号无效').optional(),
  /** Create the department the document names, with this public address name (or a generated one). */
  newDepartment: z.literal('on').optional(),
  /** The day a record was published, for a text that prints none (the Shanghai layout's do not). */
  publishedOn: z.iso.date('公开日期须为 YYYY-MM-DD').optional(),
  /** The SHA-256 of the file whose problems the bureau checked against the printed document (the preview's digest). */
  acknowledged: z.string().regex(/^[0-9a-f]{64}$/, '核对确认无效').optional(),
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

/**
 * The uploaded file, decoded and read: the document as far as it could be read, and the schema's
 * verdict on it. A text that names no district (部门：普陀区财政局) is taken as the bureau's own.
 */
async function readUpload(form: FormData, districtName: string) {
  const file = form.get('file');
  if (!(file instanceof File)) throw new ActionError('invalid', '请选择要导入的文本文件', [{ path: 'file', message: '请选择要导入的文本文件' }]);
  const fileName = file.name || '未命名文件';
  const refuse = (reason: string): never => {
    throw new ActionError('invalid', `${fileName}：${reason}`, [{ path: 'file', message: reason }]);
  };
  if (file.size === 0) refuse('文件是空的');
  if (file.size > MAX_PUBLISHED_TEXT_BYTES) refuse('文件超过 5 MB，不像一份决算公开文本');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.reason);
  const imported = importText(decoded.text);
  if (!imported.ok) return refuse(imported.reason);
  const printed = { department: imported.document.department.name, district: imported.document.department.district };
  const document = printed.district === '' ? { ...imported.document, department: { ...imported.document.department, district: districtName } } : imported.document;
  return {
    fileName, encoding: decoded.encoding, digest: createHash('sha256').update(bytes).digest('hex'), printed,
    template: imported.template, problems: imported.problems, imported: document, parsed: parseFinalAccounts(document),
  };
}

function reviewerDistrict(actor: Actor): string {
  if (actor.role === 'ACCOUNTANT') throw new ActionError('forbidden', '只有财政局审核人员和管理员可以导入已公开的决算');
  if (!actor.districtId) throw new ActionError('forbidden', '您的账号没有所属财政局，不能导入决算');
  return actor.districtId;
}

/**
 * Whether the district a document prints is this district: the same name, or the stored name ends
 * with it (普陀区 in 上海市普陀区). A printed name longer than the stored one is another place
 * (重庆市普陀区 is not 普陀区).
 */
export function sameDistrict(printed: string, stored: string): boolean {
  return printed !== '' && (printed === stored || (printed.length >= 2 && stored.endsWith(printed) && /[省市区县旗]$/.test(printed)));
}

/** The place prefixes a name in this district may carry: the district's name, and its own last part (上海市普陀区, 普陀区), never the city alone. */
function placePrefixes(districtName: string): string[] {
  const own = /[^省市区县旗]+[区县旗]$/.exec(districtName)?.[0];
  return [...new Set([districtName, ...(own ? [own] : [])])].filter((p) => p !== '');
}

/** A department's name without the place it is in: 上海市普陀区财政局 → 财政局. */
function withoutPlace(name: string, districtName: string): string {
  const prefix = placePrefixes(districtName).find((p) => name.startsWith(p) && name.length > p.length);
  return prefix ? name.slice(prefix.length) : name;
}

/** A city's or province's own body (上海市财政局): a name that begins with a city or province and names no district. */
const HIGHER_LEVEL = /^\p{Script=Han}{2,3}[省市](?!\p{Script=Han}{1,4}?[区县])/u;

/**
 * The district department a printed name names: the one of that name, else the one whose name
 * is the same once the place prefix is taken off (普陀区财政局 for 上海市普陀区财政局), if exactly one is.
 */
export function matchDepartment(printed: string, departments: readonly { id: string; name: string }[], districtName: string): { id: string; match: 'exact' | 'similar' } | null {
  const exact = departments.find((d) => d.name === printed);
  if (exact) return { id: exact.id, match: 'exact' };
  const bare = withoutPlace(printed, districtName);
  const similar = departments.filter((d) => withoutPlace(d.name, districtName) === bare);
  return similar.length === 1 && similar[0] ? { id: similar[0].id, match: 'similar' } : null;
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
    return {
      district,
      departments: departments.map((d) => ({
        id: d.id, name: d.name, accounts: d.finalAccounts.map((a) => ({ fiscalYear: a.fiscalYear, statusLabel: STATUS_LABELS[statusFromDb(a.status)] })),
      })),
    };
  });
}

/** Why a damaged document (a table missing or cut short) cannot be imported at all, or undefined. */
function damageOf(problems: readonly ImportProblem[]): string | undefined {
  const damaged = problems.filter((p) => p.damaged);
  if (damaged.length === 0) return undefined;
  return `文本不完整（${damaged.map((p) => `第 ${p.line} 行`).join('、')}：缺表或表被截断），不能导入；请取得完整的公开文本后重新导入`;
}

/** Why the document cannot go to this district or department, in words; empty when it can. */
async function refusalsFor(
  db: Db | Tx, districtName: string, printed: { department: string; district: string }, departmentId: string | null, fiscalYear: number,
): Promise<Refusal[]> {
  const { department: printedName, district: printedDistrict } = printed;
  const refusals: Refusal[] = [];
  if (printedDistrict !== '' && !sameDistrict(printedDistrict, districtName)) {
    refusals.push({ kind: 'district', message: `这是${printedDistrict}的决算，不属于${districtName}，不能导入本区` });
  } else if (printedDistrict === '' && HIGHER_LEVEL.test(printedName) && !printedName.startsWith(districtName)) {
    refusals.push({ kind: 'district', message: `「${printedName}」不是${districtName}的部门（名称中没有本区），不能导入本区` });
  }
  if (departmentId) {
    const existing = await db.finalAccounts.findUnique({
      where: { fiscalYear_departmentId_scope: { fiscalYear, departmentId, scope: DEPARTMENT_SCOPE } },
      select: { status: true },
    });
    if (existing) refusals.push({ kind: 'exists', message: `该部门 ${fiscalYear} 年度已有决算（${STATUS_LABELS[statusFromDb(existing.status)]}），导入不会覆盖已有的决算` });
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
    const fields = parseInput(ZPreview, fieldsOf(input, ['departmentId', 'newDepartment']));
    const districtId = reviewerDistrict(user);
    const district = await db.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
    const read = await readUpload(input, district.name);
    const departments = await db.department.findMany({ where: { districtId }, select: { id: true, name: true } });
    let departmentId: string | null = null;
    let match: TextImportPreview['match'] = 'new';
    if (fields.departmentId) {
      departmentId = (await departmentOf(db, districtId, fields.departmentId)).id;
      match = 'chosen';
    } else if (!fields.newDepartment) {
      const found = matchDepartment(read.printed.department, departments, district.name);
      if (found) ({ id: departmentId, match } = found);
    }
    const fiscalYear = read.template.fiscalYear;
    const damaged = damageOf(read.problems);
    const refusals: Refusal[] = [...(damaged ? [{ kind: 'damaged' as const, message: damaged }] : []), ...await refusalsFor(db, district.name, read.printed, departmentId, fiscalYear)];
    if (match === 'new' && departments.some((d) => d.name === read.imported.department.name)) {
      refusals.push({ kind: 'department', message: `本区已有部门「${read.imported.department.name}」，请选择它而不是新建` });
    }
    let summary: AccountsSummary | null = null;
    let checks: TextImportPreview['checks'] = null;
    if (read.parsed.ok) {
      const doc = read.parsed.doc;
      const previousYear = departmentId ? await approvedDocument(db, departmentId, fiscalYear - 1) : undefined;
      const findings = checkFinalAccounts(doc, previousYear ? { previousYear } : {});
      summary = summarizeFinalAccounts(doc);
      checks = {
        ...countFindings(findings),
        listed: findings.slice(0, MAX_LISTED_FINDINGS).map(({ rule, severity, message }) => ({ rule, severity, message })),
        withPreviousYear: previousYear !== undefined,
      };
    }
    return {
      fileName: read.fileName, encoding: read.encoding, digest: read.digest, template: { id: read.template.id, name: read.template.name }, fiscalYear,
      printed: read.printed, publishedOn: read.imported.publishedOn ?? null,
      departmentId, match, defaultMode: defaultImportMode(read.template), refusals, problems: read.problems,
      invalid: read.parsed.ok ? [] : read.parsed.errors, summary, checks,
    };
  });
}

/**
 * The publication date the bureau gives a record whose text prints none: after the fiscal year
 * and not after today (China time). A text that prints its own keeps it; a draft is not published.
 */
function publicationDate(doc: TFinalAccounts, fields: { mode: ImportMode; publishedOn?: string | undefined }): { publishedOn?: string } {
  const given = fields.publishedOn;
  if (given === undefined) return {};
  const refuse = (message: string): never => {
    throw new ActionError('invalid', message, [{ path: 'publishedOn', message }]);
  };
  if (fields.mode !== 'record') refuse('草稿尚未公开，不能填写公开日期');
  if (doc.publishedOn && doc.publishedOn !== given) refuse(`文中写明的公开日期是 ${doc.publishedOn}，不能另填`);
  if (given <= `${doc.fiscalYear}-12-31`) refuse(`${doc.fiscalYear} 年度决算的公开日期应在 ${doc.fiscalYear + 1} 年`);
  if (given > beijingDateText(new Date().toISOString())) refuse('公开日期不能晚于今天');
  return { publishedOn: given };
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
    const fields = parseInput(ZImport, fieldsOf(input, ['mode', 'departmentId', 'newDepartment', 'slug', 'acknowledged', 'publishedOn']));
    const districtId = reviewerDistrict(user);
    const district = await db.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
    const read = await readUpload(input, district.name);
    const damaged = damageOf(read.problems);
    if (damaged) throw new ActionError('conflict', `${read.fileName}：${damaged}`);
    if (!read.parsed.ok) {
      const errors = read.parsed.errors;
      throw new ActionError('invalid', `${read.fileName}：读出的决算有 ${errors.length} 处不完整或不合格式，未导入任何内容（请先在预览中查看）`, errors);
    }
    if (read.problems.length > 0 && fields.acknowledged !== read.digest) {
      throw new ActionError('invalid', `${read.fileName}：有 ${read.problems.length} 处未能读入或须核对，请在预览中对照原文逐一核对后勾选确认`, [{ path: 'acknowledged', message: '请先核对预览中列出的问题' }]);
    }
    const doc: TFinalAccounts = { ...read.parsed.doc, ...publicationDate(read.parsed.doc, fields) };
    if (fields.departmentId) await departmentOf(db, districtId, fields.departmentId);
    // The problems the bureau acknowledged are kept with the import, by line.
    const source = { file: read.fileName, sha256: read.digest, encoding: read.encoding, template: read.template.id, problems: read.problems.map(({ line, reason }) => ({ line, reason })) };

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
        const refusals = await refusalsFor(tx, district.name, read.printed, departmentId, doc.fiscalYear);
        if (refusals.length > 0) throw new ActionError('conflict', `${read.fileName}：${refusals.map((r) => r.message).join('；')}`);
        const previousYear = await approvedDocument(tx, departmentId, doc.fiscalYear - 1);
        const findings = checkFinalAccounts(doc, previousYear ? { previousYear } : {});
        const checks = countFindings(findings);
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
