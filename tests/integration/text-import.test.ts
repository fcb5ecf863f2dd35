// Importing published text as the finance bureau, on a real database: the preview stores nothing
// and says what would be stored; the seed's text becomes the district's published 2021 record
// with every figure of the transcription; a 2024 Shanghai text becomes a draft; a document of
// another district, accounts that exist, the damaged copy and files that are not published text
// are refused with nothing stored; who may import; two imports of one year at once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { readFinalAccounts } from '../../lib/data/accounts-store';
import { startYear } from '../../lib/data/entry';
import { importPublishedText, listImportTargets, matchDepartment, previewTextImport, sameDistrict } from '../../lib/data/text-import';
import { disconnectPrisma } from '../../lib/db';
import { createActor } from './entry-fixtures';
import { bureau, cellsOf, districtState, textForm } from './text-import-fixtures';
import { createOrganisation, db, seedDocument, shanghaiDocuments } from './fixtures';

afterAll(disconnectPrisma);

const DOCUMENTS = '/work/shared/documents/';
const SEED_TEXT = '2021-qiaokou-big-data-center-final-accounts.txt';
const SOCIAL_WORK_TEXT = '2024-shanghai-putuo-social-work-department-final-accounts.txt';
const DAMAGED_TEXT = '2024-shanghai-putuo-finance-bureau-damaged-copy.txt';
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DOCUMENTS}${name}`));

const form = textForm;
const upload = (name: string, fields: Record<string, string> = {}) => form(name, bytesOf(name), fields);

/** The stored figures as "table:row:column" → "2882.93". */
async function storedCells(id: string) {
  const stored = await readFinalAccounts(db(), id);
  if (!stored) throw new Error('not stored');
  return cellsOf(stored.document);
}
let qiaokou: Awaited<ReturnType<typeof bureau>>;
let putuo: Awaited<ReturnType<typeof bureau>>;

beforeAll(async () => {
  qiaokou = await bureau('武汉市硚口区');
  putuo = await bureau('上海市普陀区');
});

describe('the seed text into a district that has no accounts yet', () => {
  it('previews it as 硚口区大数据中心 2021 (hubei-2021), a past year, with the seed\'s findings, storing nothing', async () => {
    const before = await districtState(qiaokou.district.id);
    const result = await previewTextImport(qiaokou.reviewer, upload(SEED_TEXT));
    if (!result.ok) throw new Error(result.message);
    const seed = seedDocument();
    const findings = checkFinalAccounts(seed);
    expect(result.data).toMatchObject({
      fileName: SEED_TEXT, encoding: 'UTF-8', template: { id: 'hubei-2021' }, fiscalYear: 2021,
      printed: { department: '武汉市硚口区大数据中心', district: '武汉市硚口区' },
      departmentId: null, match: 'new', publishedOn: seedDocument().publishedOn, defaultMode: 'record', refusals: [], problems: [], invalid: [],
      checks: { blocking: findings.filter((f) => f.severity === 'blocking').length, warnings: findings.filter((f) => f.severity === 'warning').length, withPreviousYear: false },
    });
    expect(result.data.summary).toMatchObject({ incomeTotal: '2882.93', expenditureTotal: '2882.93', basicExpenditure: '288.90', projectExpenditure: '2594.03' });
    expect(result.data.checks?.listed.map((f) => f.message)).toEqual(findings.map((f) => f.message));
    expect(await districtState(qiaokou.district.id)).toEqual(before);
  });

  it('imports it as the published 2021 record of a new department: every figure of the transcription, its publication date, its audit rows', async () => {
    const result = await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on', slug: 'big-data-center' }));
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ fiscalYear: 2021, status: 'PUBLISHED', createdDepartment: true });
    const { finalAccountsId: id, departmentId } = result.data;
    const department = await db().department.findUniqueOrThrow({ where: { id: departmentId }, include: { units: true } });
    expect(department).toMatchObject({ districtId: qiaokou.district.id, name: '武汉市硚口区大数据中心', slug: 'big-data-center' });
    expect(department.units.map((u) => [u.name, u.kind])).toEqual([['武汉市硚口区大数据中心', 'OWN_UNIT']]);

    expect(await storedCells(id)).toEqual(cellsOf(seedDocument()));
    const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id } });
    expect(accounts).toMatchObject({ status: 'PUBLISHED', version: 1, fiscalYear: 2021, level: 'DEPARTMENT' });
    expect(accounts.publishedAt?.toISOString()).toBe(new Date(`${seedDocument().publishedOn}T12:00:00+08:00`).toISOString());
    const revisions = await db().finalAccountsRevision.findMany({ where: { finalAccountsId: id } });
    expect(revisions.map((r) => [r.version, r.status, r.departmentName, r.districtName])).toEqual([[1, 'PUBLISHED', '武汉市硚口区大数据中心', '武汉市硚口区']]);
    const audits = await db().auditEvent.findMany({ where: { OR: [{ entityId: departmentId }, { finalAccountsId: id }] }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['department.create', qiaokou.reviewer.id], ['finalAccounts.create', qiaokou.reviewer.id], ['finalAccounts.publish', qiaokou.reviewer.id],
    ]);
    expect((audits[1]?.after as { source: Record<string, unknown> }).source).toMatchObject({ file: SEED_TEXT, template: 'hubei-2021', problems: [], encoding: 'UTF-8' });
    expect((audits[1]?.after as { source: { sha256: string } }).source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('previews it again as matched to that department, and refuses to overwrite its accounts', async () => {
    const targets = await listImportTargets(qiaokou.reviewer);
    if (!targets.ok) throw new Error(targets.message);
    const department = targets.data.departments.find((d) => d.name === '武汉市硚口区大数据中心');
    expect(department?.accounts).toEqual([{ fiscalYear: 2021, statusLabel: '已公开' }]);
    const preview = await previewTextImport(qiaokou.reviewer, upload(SEED_TEXT));
    expect(preview).toMatchObject({ ok: true, data: { departmentId: department?.id, match: 'exact', refusals: [{ kind: 'exists', message: '该部门 2021 年度已有决算（已公开），导入不会覆盖已有的决算' }] } });
    // Previewed as a new department, the name it would take is said to be taken.
    const asNew = await previewTextImport(qiaokou.reviewer, upload(SEED_TEXT, { newDepartment: 'on' }));
    expect(asNew).toMatchObject({ ok: true, data: { departmentId: null, match: 'new', refusals: [{ kind: 'department', message: '本区已有部门「武汉市硚口区大数据中心」，请选择它而不是新建' }] } });

    const before = await districtState(qiaokou.district.id);
    const again = await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', departmentId: department?.id ?? '' }));
    expect(again).toEqual({ ok: false, code: 'conflict', message: `${SEED_TEXT}：该部门 2021 年度已有决算（已公开），导入不会覆盖已有的决算` });
    const twin = await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on' }));
    expect(twin).toEqual({ ok: false, code: 'conflict', message: '本区已有部门「武汉市硚口区大数据中心」，请选择它而不是新建' });
    expect(await districtState(qiaokou.district.id)).toEqual(before);
  });

  it('is what the department\'s 2022 starts from: opening balances and 上年数 from the imported record', async () => {
    const department = await db().department.findFirstOrThrow({ where: { districtId: qiaokou.district.id, name: '武汉市硚口区大数据中心' } });
    const accountant = await createActor('ACCOUNTANT', { district: qiaokou.district } as Parameters<typeof createActor>[1], [department.id]);
    const started = await startYear(accountant, { departmentId: department.id, fiscalYear: 2022 });
    if (!started.ok) throw new Error(started.message);
    const stored = await readFinalAccounts(db(), started.data.finalAccountsId);
    expect(stored?.document.template).toBe('hubei-2022');
    expect(stored?.document.comparisons.priorYear).toMatchObject({
      totalIncomeExpenditure: '2882.93', appropriationIncomeExpenditure: '2882.93', appropriationExpenditure: '2882.93', agencyOperatingCosts: '25.88',
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { finalAccountsId: started.data.finalAccountsId } });
    expect(audit.after).toMatchObject({ continues: 2021 });
  });

  it('reads a GB18030 (GBK) file as the UTF-8 one', async () => {
    // GBK lacks a few marks the extraction kept (☑): both files hold the text with those as □.
    const text = readFileSync(`${DOCUMENTS}${SEED_TEXT}`, 'utf8').replace(/[^\u0000-\u007f]/gu, (c) => (GBK.has(c) ? c : '□'));
    const utf8 = await previewTextImport(qiaokou.reviewer, form(SEED_TEXT, new TextEncoder().encode(text)));
    const gbk = await previewTextImport(qiaokou.reviewer, form('gbk.txt', encodeGbk(text)));
    if (!utf8.ok || !gbk.ok) throw new Error('preview failed');
    expect({ ...gbk.data, fileName: SEED_TEXT, encoding: 'UTF-8', digest: utf8.data.digest }).toEqual(utf8.data);
    expect(gbk.data.encoding).toBe('GB18030');
  });
});

describe('a 2024 Shanghai text as a draft', () => {
  it('imports 社会工作部 into an existing department as a draft the department goes on entering, with one audit row', async () => {
    const department = await db().department.create({ data: { districtId: putuo.district.id, name: '中共上海市普陀区委社会工作部' } });
    const preview = await previewTextImport(putuo.reviewer, upload(SOCIAL_WORK_TEXT));
    expect(preview).toMatchObject({ ok: true, data: { template: { id: 'shanghai-2024' }, fiscalYear: 2024, departmentId: department.id, match: 'exact', defaultMode: 'record', refusals: [] } });
    const result = await importPublishedText(putuo.admin, upload(SOCIAL_WORK_TEXT, { mode: 'draft', departmentId: department.id }));
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ departmentId: department.id, fiscalYear: 2024, status: 'DRAFT', createdDepartment: false });
    const id = result.data.finalAccountsId;
    const transcription = shanghaiDocuments().find((d) => d.department.name === '中共上海市普陀区委社会工作部');
    if (!transcription) throw new Error('no transcription');
    expect(await storedCells(id)).toEqual(cellsOf(transcription));
    expect(await db().finalAccounts.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', version: 1, publishedAt: null });
    expect(await db().finalAccountsRevision.count({ where: { finalAccountsId: id } })).toBe(0);
    const audits = await db().auditEvent.findMany({ where: { finalAccountsId: id } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([['finalAccounts.import', putuo.admin.id]]);
  });

  it('stores 财政局\'s text only once its problem (a 三公 figure to check against the printed table) is acknowledged', async () => {
    const name = '2024-shanghai-putuo-finance-bureau-final-accounts.txt';
    const preview = await previewTextImport(putuo.reviewer, upload(name));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.problems.map((p) => p.line)).toEqual([353]);
    expect(preview.data.refusals).toEqual([]);
    const before = await districtState(putuo.district.id);
    const refusal = { ok: false, code: 'invalid', message: `${name}：有 1 处未能读入或须核对，请在预览中对照原文逐一核对后勾选确认` };
    expect(await importPublishedText(putuo.reviewer, upload(name, { mode: 'record', newDepartment: 'on' }))).toMatchObject(refusal);
    // The acknowledgement names the file whose problems were checked: another file's does not do.
    const otherDigest = (await previewTextImport(putuo.reviewer, upload(DAMAGED_TEXT)));
    if (!otherDigest.ok) throw new Error(otherDigest.message);
    expect(await importPublishedText(putuo.reviewer, upload(name, { mode: 'record', newDepartment: 'on', acknowledged: otherDigest.data.digest }))).toMatchObject(refusal);
    expect(await districtState(putuo.district.id)).toEqual(before);
    const checked = await importPublishedText(putuo.reviewer, upload(name, { mode: 'record', newDepartment: 'on', acknowledged: preview.data.digest }));
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.data).toMatchObject({ status: 'PUBLISHED', fiscalYear: 2024, createdDepartment: true });
    // The audit row keeps what was acknowledged, by line.
    const created = await db().auditEvent.findFirstOrThrow({ where: { finalAccountsId: checked.data.finalAccountsId, action: 'finalAccounts.create' } });
    expect((created.after as { source: { problems: unknown } }).source.problems).toEqual(preview.data.problems.map(({ line, reason }) => ({ line, reason })));
  });

  it('publishes a record whose text prints no date on the day the bureau gives, within reason', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    const before = await districtState(district.id);
    const refusal = (message: string) => ({ ok: false, code: 'invalid', message, fieldErrors: [{ path: 'publishedOn', message }] });
    expect(await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', newDepartment: 'on', publishedOn: '2024-12-31' })))
      .toEqual(refusal('2024 年度决算的公开日期应在 2025 年'));
    expect(await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', newDepartment: 'on', publishedOn: '2999-01-01' }))).toEqual(refusal('公开日期不能晚于今天'));
    expect(await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'draft', newDepartment: 'on', publishedOn: '2025-06-30' }))).toEqual(refusal('草稿尚未公开，不能填写公开日期'));
    expect(await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', newDepartment: 'on', publishedOn: '2025-6-30' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'publishedOn' }] });
    expect(await districtState(district.id)).toEqual(before);
    const result = await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', newDepartment: 'on', publishedOn: '2025-06-30' }));
    if (!result.ok) throw new Error(result.message);
    const accounts = await db().finalAccounts.findUniqueOrThrow({ where: { id: result.data.finalAccountsId } });
    expect(accounts.publishedAt?.toISOString()).toBe(new Date('2025-06-30T12:00:00+08:00').toISOString());
    expect((await readFinalAccounts(db(), accounts.id))?.document.publishedOn).toBe('2025-06-30');
    // The seed's text prints its own date: another is refused.
    const { reviewer: hubei } = await bureau('武汉市硚口区');
    expect(await importPublishedText(hubei, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on', publishedOn: '2022-06-01' })))
      .toEqual(refusal('文中写明的公开日期是 2022-05-13，不能另填'));
  });

  it('matches a department whose name differs only by the place, and nothing else', () => {
    const departments = [{ id: 'a', name: '普陀区财政局' }, { id: 'b', name: '普陀区规划和自然资源局' }, { id: 'c', name: '数据局' }];
    expect(matchDepartment('上海市普陀区财政局', departments, '上海市普陀区')).toEqual({ id: 'a', match: 'similar' });
    expect(matchDepartment('普陀区财政局', departments, '上海市普陀区')).toEqual({ id: 'a', match: 'exact' });
    expect(matchDepartment('上海市普陀区教育局', departments, '上海市普陀区')).toBeNull();
    expect(matchDepartment('上海市普陀区大数据局', departments, '上海市普陀区')).toBeNull();
    expect(matchDepartment('上海市普陀区规划和自然资源局', [{ id: 'd', name: '自然资源局' }], '上海市普陀区')).toBeNull();
  });

  it('refuses a city\'s own body, whose name holds no district, rather than take it as ours', async () => {
    const { reviewer } = await bureau('上海市普陀区');
    const text = readFileSync(`${DOCUMENTS}${SOCIAL_WORK_TEXT}`, 'utf8').replaceAll('中共上海市普陀区委社会工作部', '上海市财政局');
    const preview = await previewTextImport(reviewer, form('city.txt', new TextEncoder().encode(text)));
    expect(preview).toMatchObject({ ok: true, data: { printed: { department: '上海市财政局', district: '' }, refusals: [{ kind: 'district', message: '「上海市财政局」不是上海市普陀区的部门（名称中没有本区），不能导入本区' }] } });
    expect(matchDepartment('上海市财政局', [{ id: 'a', name: '上海市普陀区财政局' }], '上海市普陀区')).toBeNull();
  });

  it('takes a district name the stored one ends with, never a longer one', () => {
    expect(sameDistrict('上海市普陀区', '上海市普陀区')).toBe(true);
    expect(sameDistrict('普陀区', '上海市普陀区')).toBe(true);
    expect(sameDistrict('重庆市普陀区', '普陀区')).toBe(false);
    expect(sameDistrict('重庆市普陀区', '上海市普陀区')).toBe(false);
    expect(sameDistrict('', '上海市普陀区')).toBe(false);
  });
});

describe('what is refused, with nothing stored', () => {
  it('refuses a document of another district', async () => {
    const other = await createOrganisation(2021);
    const reviewer = await createActor('REVIEWER', other);
    const preview = await previewTextImport(reviewer, upload(SEED_TEXT));
    expect(preview).toMatchObject({ ok: true, data: { refusals: [{ kind: 'district', message: `这是武汉市硚口区的决算，不属于${other.district.name}，不能导入本区` }] } });
    const before = await districtState(other.district.id);
    const result = await importPublishedText(reviewer, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on' }));
    expect(result).toEqual({ ok: false, code: 'conflict', message: `${SEED_TEXT}：这是武汉市硚口区的决算，不属于${other.district.name}，不能导入本区` });
    expect(await districtState(other.district.id)).toEqual(before);
  });

  it('previews the damaged copy with its missing and cut tables by line, and refuses to import it', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    const preview = await previewTextImport(reviewer, upload(DAMAGED_TEXT));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.problems.map((p) => p.line)).toEqual(expect.arrayContaining([167, 293]));
    expect(preview.data.problems.find((p) => p.line === 167)?.reason).toMatch(/^缺少「支出决算表」/);
    const damage = '文本不完整（第 167 行、第 293 行：缺表或表被截断），不能导入；请取得完整的公开文本后重新导入';
    expect(preview.data.refusals).toEqual([{ kind: 'damaged', message: damage }]);
    const before = await districtState(district.id);
    for (const mode of ['record', 'draft']) {
      const result = await importPublishedText(reviewer, upload(DAMAGED_TEXT, { mode, newDepartment: 'on', acknowledged: preview.data.digest }));
      expect(result).toEqual({ ok: false, code: 'conflict', message: `${DAMAGED_TEXT}：${damage}` });
    }
    expect(await districtState(district.id)).toEqual(before);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty.txt：文件是空的'],
    ['a file with NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'a file with NUL bytes：文件中有空字节，不是文本文件'],
    ['a file over 5 MB', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), 'a file over 5 MB：文件超过 5 MB，不像一份决算公开文本'],
    ['text that is no final accounts', new TextEncoder().encode('会议纪要\n今天讨论了三件事。\n'), ''],
  ])('refuses %s in words', async (label, bytes, message) => {
    const name = label === 'an empty file' ? 'empty.txt' : label;
    const before = await districtState(qiaokou.district.id);
    for (const result of [
      await previewTextImport(qiaokou.reviewer, form(name, bytes)),
      await importPublishedText(qiaokou.reviewer, form(name, bytes, { mode: 'record', newDepartment: 'on' })),
    ]) {
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
      if (result.ok) continue;
      if (message) expect(result.message).toBe(message);
      else expect(result.message).toMatch(new RegExp(`^${name}：.*(格式|决算)`));
    }
    expect(await districtState(qiaokou.district.id)).toEqual(before);
  });

  it('refuses without a session, for an accountant, for another district\'s department, and for bad fields', async () => {
    const accountantOrg = await createOrganisation(2021);
    const accountant = await createActor('ACCOUNTANT', accountantOrg);
    expect(await previewTextImport(null, upload(SEED_TEXT))).toEqual({ ok: false, code: 'unauthenticated', message: '请先登录' });
    expect(await importPublishedText(null, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on' }))).toEqual({ ok: false, code: 'unauthenticated', message: '请先登录' });
    expect(await previewTextImport(accountant, upload(SEED_TEXT))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await importPublishedText(accountant, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on' }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', departmentId: accountantOrg.department.id })))
      .toEqual({ ok: false, code: 'not_found', message: '没有找到该部门，或您无权访问' });
    expect(await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'publish', newDepartment: 'on' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'mode' }] });
    expect(await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record' }))).toMatchObject({ ok: false, code: 'invalid', message: '请选择导入到哪个部门，或新建部门' });
    expect(await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on', slug: 'Big Data' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: [{ path: 'slug' }] });
    expect(await importPublishedText(qiaokou.reviewer, upload(SEED_TEXT, { mode: 'record', newDepartment: 'on', extra: '1' }))).toMatchObject({ ok: false, code: 'invalid', message: '表单中有多余的字段「extra」' });
    expect(await importPublishedText(qiaokou.reviewer, { mode: 'record' })).toEqual({ ok: false, code: 'invalid', message: '请通过表单上传文本文件' });
  });

  it('refuses a public address name another department has, creating no department', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    await db().department.create({ data: { districtId: district.id, name: '另一个部门', slug: 'taken' } });
    const before = await districtState(district.id);
    const result = await importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', newDepartment: 'on', slug: 'taken' }));
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: '网址名「taken」已被本区其他部门使用' });
    expect(await districtState(district.id)).toEqual(before);
  });

  it('lets one of two imports of the same year at once through; the other is told the accounts exist (or, waiting too long, to retry)', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    const department = await db().department.create({ data: { districtId: district.id, name: '中共上海市普陀区委社会工作部' } });
    const results = await Promise.all([1, 2].map(() => importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'record', departmentId: department.id }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    // Refused on the unique key, on reading the winner's row, or after the 2 s lock wait on a busy machine.
    expect(loser).toSatisfy((r: typeof loser) => !!r && !r.ok && ((r.code === 'conflict' && r.message.includes('2024 年度已有决算')) || r.code === 'busy'));
    expect(await db().finalAccounts.count({ where: { departmentId: department.id } })).toBe(1);
  });

  it('creates one department when two imports would create it at once', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    const results = await Promise.all([1, 2].map(() => importPublishedText(reviewer, upload(SOCIAL_WORK_TEXT, { mode: 'draft', newDepartment: 'on' }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toSatisfy((r: typeof loser) => !!r && !r.ok && (r.code === 'conflict' || r.code === 'busy'));
    expect(await db().department.count({ where: { districtId: district.id } })).toBe(1);
  });

  it('takes a text that names no district as the bureau\'s own', async () => {
    const { district, reviewer } = await bureau('上海市普陀区');
    const text = readFileSync(`${DOCUMENTS}${SOCIAL_WORK_TEXT}`, 'utf8').replaceAll('中共上海市普陀区委社会工作部', '区委社会工作部');
    const preview = await previewTextImport(reviewer, form('no-district.txt', new TextEncoder().encode(text)));
    expect(preview).toMatchObject({ ok: true, data: { printed: { department: '区委社会工作部', district: '' }, refusals: [], invalid: [] } });
    const result = await importPublishedText(reviewer, form('no-district.txt', new TextEncoder().encode(text), { mode: 'draft', newDepartment: 'on' }));
    if (!result.ok) throw new Error(result.message);
    const stored = await readFinalAccounts(db(), result.data.finalAccountsId);
    expect(stored?.document.department).toMatchObject({ name: '区委社会工作部', district: district.name });
  });
});

/** GBK's two-byte characters, from the platform's own GB18030 decoder read backwards. */
const GBK: ReadonlyMap<string, [number, number]> = (() => {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
})();

function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = GBK.get(char);
      if (!pair) throw new Error(`GBK has no ${char}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
