// The shipped classification catalogues (against the 2021 document where we hold its text) and
// parseCatalogueRows on small tables written for the purpose.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catalogueFor, catalogueToJson, listCatalogues, missingCatalogueMessage, parseCatalogueFile, parseCatalogueRows,
  registerCatalogue, type CatalogueKind,
} from '../../lib/accounts/catalogue';
import { FUNCTIONAL_CLASSES, FUNCTIONAL_SUBJECTS_BY_YEAR, findFunctionalSubject, functionalSubjectsFor } from '../../lib/accounts/classification';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const KINDS: CatalogueKind[] = ['functional', 'economic'];
const fileText = (kind: CatalogueKind, year: number) =>
  readFileSync(fileURLToPath(new URL(`../../lib/accounts/catalogues/${kind}-${year}.json`, import.meta.url)), 'utf8');
const codes = (year: number, kind: CatalogueKind) => catalogueFor(year, kind)?.subjects.map((s) => s.code) ?? [];
const below = (year: number, kind: CatalogueKind) => codes(year, kind).filter((c) => c.length > 3);

describe('the shipped catalogues', () => {
  it.each(YEARS.flatMap((year) => KINDS.map((kind) => [year, kind] as const)))('%i %s: valid, stored in the shared format, every subject named and sourced', (year, kind) => {
    const text = fileText(kind, year);
    const data = JSON.parse(text) as { year: number; kind: string };
    expect([data.year, data.kind]).toEqual([year, kind]);
    expect(parseCatalogueFile(data).ok).toBe(true);
    expect(catalogueToJson(JSON.parse(text) as Parameters<typeof catalogueToJson>[0])).toBe(text);
    const catalogue = catalogueFor(year, kind);
    expect(catalogue?.subjects.length).toBeGreaterThan(38);
    for (const s of catalogue?.subjects ?? []) {
      expect(s.name, s.code).toMatch(/^\S+$/);
      expect(s.source, s.code).toMatch(/\S/);
      if (s.code.length > 3) expect(catalogue?.find(s.code.slice(0, s.code.length - 2)), `parent of ${s.code}`).toBeDefined();
    }
  });

  it('counts: 2021 functional 39 (26 classes, 5 sections, 8 items), 2024 functional 54, economic 61 and 65', () => {
    expect(YEARS.map((y) => [codes(y, 'functional').length, codes(y, 'economic').length])).toEqual([[39, 61], [39, 61], [39, 61], [54, 65], [54, 65]]);
    expect(below(2021, 'functional')).toEqual([
      '20103', '2010350', '20805', '2080505', '21011', '2101102', '2101103', '2101199', '21505', '2150502', '22102', '2210201', '2210202',
    ]);
  });

  it('every year has the 26 classes of 表1 in printed order, with their names', () => {
    for (const year of YEARS) {
      const classes = catalogueFor(year, 'functional')?.subjects.filter((s) => s.code.length === 3).map(({ code, name }) => ({ code, name }));
      expect(classes).toEqual(FUNCTIONAL_CLASSES);
    }
    expect(catalogueFor(2024, 'functional')?.find('203')?.source).toBe(
      '2024-shanghai-putuo-finance-bureau 收入支出决算总表 第三行“三、国防支出” (class code per the national 支出功能分类科目)');
    expect(catalogueFor(2021, 'functional')?.find('234')?.source).toContain('（表1）第56行“二十六、抗疫特别国债安排的支出”');
    expect(catalogueFor(2021, 'functional')?.find('215')?.source).toBe('2021-qiaokou-big-data-center 收入决算表（表2）');
  });

  it('2024 functional holds the sections and items of the three Putuo documents', () => {
    expect(below(2024, 'functional')).toEqual([
      '20106', '2010601', '2010602', '2010607', '2010608', '20139', '2013901', '2013950', '2013999',
      '20805', '2080501', '2080502', '2080505', '2080506', '2080599', '21011', '2101101', '2101102',
      '21201', '2120101', '21202', '2120201', '22001', '2200150', '2200199', '22102', '2210201', '2210203',
    ]);
    const find = (code: string) => catalogueFor(2024, 'functional')?.find(code);
    expect(find('2010601')).toEqual({ code: '2010601', name: '行政运行', source: '2024-shanghai-putuo-finance-bureau 收入决算表' });
    expect(find('2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(find('2200199')?.name).toBe('其他自然资源事务支出');
    expect(find('2013999')?.source).toBe('2024-shanghai-putuo-social-work-department 收入决算表');
    expect(find('2210203')?.source).toBe('2024-shanghai-putuo-finance-bureau 收入决算表; 2024-shanghai-putuo-planning-natural-resources 收入决算表; 2024-shanghai-putuo-social-work-department 收入决算表');
  });

  it('2024 economic has 31001, 31019, 31021 and 31022; 2021 does not', () => {
    const added = ['31001', '31019', '31021', '31022'];
    expect(codes(2024, 'economic').filter((c) => !codes(2021, 'economic').includes(c))).toEqual(added);
    expect(codes(2021, 'economic').filter((c) => !codes(2024, 'economic').includes(c))).toEqual([]);
    expect(added.map((c) => catalogueFor(2024, 'economic')?.find(c)?.name)).toEqual(['房屋建筑物购建', '其他交通工具购置', '文物和陈列品购置', '无形资产购置']);
    // The finance bureau's table leaves out 30306; the other two print it.
    expect(catalogueFor(2024, 'economic')?.find('30306')?.source).not.toContain('finance-bureau');
    expect(catalogueFor(2021, 'economic')?.find('30108')).toEqual({
      code: '30108', name: '机关事业单位基本养老保险缴费', source: '2021-qiaokou-big-data-center 一般公共预算财政拨款基本支出决算明细表（表6）' });
  });

  it('2021 holds exactly the codes printed in 表2–表6 of the 2021 document, with their printed names', () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/documents/2021-qiaokou-big-data-center-final-accounts.txt', import.meta.url)), 'utf8');
    const tables = text.slice(text.indexOf('（表 2）'), text.indexOf('（表 7）'));
    const printed = new Set([...tables.matchAll(/(?<![\d,.])(\d{3}|\d{5}|\d{7})(?![\d,.])/g)].map((m) => m[1] ?? ''));
    expect(printed.size).toBe(18 + 61);
    const used = (kind: CatalogueKind) => (catalogueFor(2021, kind)?.subjects ?? []).filter((s) => !s.source?.includes('（表1）'));
    expect([...used('functional'), ...used('economic')].map((s) => s.code).sort()).toEqual([...printed].sort());
    const flat = tables.replace(/\s+/g, '');
    for (const s of [...used('functional'), ...used('economic')]) expect(flat, s.code).toContain(`${s.code}${s.name}`);
  });

  it('2022, 2023 and 2025 say they are carried forward and are to be replaced', () => {
    expect(catalogueFor(2023, 'functional')?.subjects).toEqual(catalogueFor(2021, 'functional')?.subjects.map(({ code, name }) => ({
      code, name, source: 'carried from the 2021 document; replace with the official 2023 list via `juesuan catalogue import`' })));
    expect(codes(2025, 'economic')).toEqual(codes(2024, 'economic'));
    expect(catalogueFor(2025, 'economic')?.find('31022')?.source).toBe(
      'carried from the 2024 documents; replace with the official 2025 list via `juesuan catalogue import`');
  });

  it('classification.ts answers from the catalogue of the year', () => {
    expect(findFunctionalSubject(2024, '2120201')?.name).toBe('城乡社区规划与管理');
    expect(findFunctionalSubject(2021, '2010350')?.name).toBe('事业运行');
    expect(findFunctionalSubject(2021, '2010301')).toBeUndefined(); // not printed in the 2021 document
    expect(findFunctionalSubject(2026, '201')).toBeUndefined();
    expect(functionalSubjectsFor(2024)).toHaveLength(54);
    expect(functionalSubjectsFor(2026)).toBeUndefined();
    expect(Object.keys(FUNCTIONAL_SUBJECTS_BY_YEAR)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(FUNCTIONAL_SUBJECTS_BY_YEAR[2021]).toHaveLength(39);
  });

  it('a missing year says how to import it', () => {
    expect(catalogueFor(2026, 'functional')).toBeUndefined();
    expect(missingCatalogueMessage(2026, 'functional')).toBe('没有 2026 年度支出功能分类科目表，请先用 juesuan catalogue import 导入');
    expect(missingCatalogueMessage(2026, 'economic')).toBe('没有 2026 年度支出经济分类科目表，请先用 juesuan catalogue import 导入');
  });
});

describe('registerCatalogue', () => {
  it('adds a new year and replaces a shipped one; listCatalogues marks them imported', () => {
    registerCatalogue({ year: 2030, kind: 'economic', source: 'test', subjects: [{ code: '301', name: '工资福利支出' }, { code: '30101', name: '基本工资' }] });
    expect(catalogueFor(2030, 'economic')?.find('30101')?.name).toBe('基本工资');
    const shipped = catalogueFor(2022, 'functional');
    registerCatalogue({ year: 2022, kind: 'functional', source: 'official', subjects: [{ code: '201', name: '一般公共服务支出' }] });
    expect(catalogueFor(2022, 'functional')?.subjects).toHaveLength(1);
    expect(findFunctionalSubject(2022, '2010350')).toBeUndefined();
    expect(listCatalogues().filter((c) => c.imported)).toEqual([
      { year: 2022, kind: 'functional', count: 1, imported: true }, { year: 2030, kind: 'economic', count: 2, imported: true }]);
    if (shipped) registerCatalogue(shipped);
    expect(findFunctionalSubject(2022, '2010350')?.name).toBe('事业运行');
  });

  it('refuses an invalid catalogue with every problem', () => {
    expect(() => registerCatalogue({ year: 2030, kind: 'functional', source: 'test', subjects: [{ code: '20101', name: '人大事务' }, { code: '301', name: '工资福利支出' }] }))
      .toThrow(/第 1 个科目：款 20101（人大事务）所属的类 201 不在表中[\s\S]*第 2 个科目：编码“301”不是支出功能分类科目编码/);
    expect(catalogueFor(2030, 'functional')).toBeUndefined();
  });
});

const options = { year: 2025, kind: 'functional' as const, source: 'test.csv' };
const errorsOf = (rows: string[][], kind: CatalogueKind = 'functional') => {
  const result = parseCatalogueRows(rows, { ...options, kind });
  return result.ok ? [] : result.errors;
};

describe('parseCatalogueRows', () => {
  it('accepts a valid table and keeps each row number in the source', () => {
    const result = parseCatalogueRows([
      ['科目编码', '科目名称'], ['201', '一般公共服务支出'], ['20106', '财政事务'], ['2010601', '行政运行'], ['', ''], ['2010650', '事业运行'],
    ], options);
    expect(result.ok && result.catalogue.subjects).toEqual([
      { code: '201', name: '一般公共服务支出', source: 'test.csv 第2行' }, { code: '20106', name: '财政事务', source: 'test.csv 第3行' },
      { code: '2010601', name: '行政运行', source: 'test.csv 第4行' }, { code: '2010650', name: '事业运行', source: 'test.csv 第6行' },
    ]);
    expect(result.ok && [result.catalogue.year, result.catalogue.kind, result.catalogue.find('2010650')?.name]).toEqual([2025, 'functional', '事业运行']);
  });

  it('reads spaced codes, full-width digits, names broken across lines, a title row and English headers', () => {
    const result = parseCatalogueRows([
      ['2025年支出功能分类科目', ''], ['Code', 'Name'], ['201', '一般公共服务支出'], ['201 06', '财 政 事 务'], ['２０１ 06 01', '行政\n运行'],
      ['208', '社会保障和就业支出'], ['20805', '行政事业单位养老支出'], ['208 05 05', '机关事业单位基本养老保险缴\n费支出'],
    ], options);
    expect(result.ok && result.catalogue.subjects.map(({ code, name }) => `${code} ${name}`)).toEqual([
      '201 一般公共服务支出', '20106 财政事务', '2010601 行政运行', '208 社会保障和就业支出', '20805 行政事业单位养老支出', '2080505 机关事业单位基本养老保险缴费支出',
    ]);
    expect(result.ok && result.catalogue.find('2080505')?.source).toBe('test.csv 第8行');
  });

  it('reads codes split over 类/款/项 columns, also under a merged 科目编码 header', () => {
    const split = [['类', '款', '项', '科目名称'], ['201', '', '', '一般公共服务支出'], ['201', '06', '', '财政事务'], ['201', '06', '01', '行政运行'], ['', '20106', '07', '信息化建设']];
    const merged = [['科目编码', '', '', '科目名称'], ['类', '款', '项', ''], ...split.slice(1)];
    for (const rows of [split, merged]) {
      const result = parseCatalogueRows(rows, options);
      expect(result.ok && result.catalogue.subjects.map((s) => s.code)).toEqual(['201', '20106', '2010601', '2010607']);
    }
    expect(errorsOf([['类', '款', '项', '科目名称'], ['201', '', '', '一般公共服务支出'], ['', '06', '', '财政事务']])).toEqual([
      { row: 3, message: '款编码“06”前缺少所属类的编码：请在“类”列填写，或把编码写成完整的 5 位' }]);
  });

  it('reports a section without its class and an item without its section, with their rows', () => {
    expect(errorsOf([['编码', '名称'], ['201', '一般公共服务支出'], ['20806', '企业改革补助'], ['2010601', '行政运行'], ['2080601', '企业关闭破产补助']])).toEqual([
      { row: 3, message: '款 20806（企业改革补助）所属的类 208 不在表中：请补上类 208 这一行' },
      { row: 4, message: '项 2010601（行政运行）所属的款 20106 不在表中：请补上款 20106 这一行' },
    ]);
  });

  it('reports a duplicate code, an empty name and a code without a name row by row, and accepts nothing', () => {
    const rows = [['科目编码', '科目名称'], ['301', '工资福利支出'], ['30101', '基本工资'], ['30102', ''], ['30101', '基本工资'], ['', '津贴补贴'], ['3010', '奖金']];
    const result = parseCatalogueRows(rows, { ...options, kind: 'economic' });
    expect(result).toEqual({ ok: false, errors: [
      { row: 4, message: '编码 30102 没有科目名称：请填写名称' },
      { row: 5, message: '编码 30101 与第 3 行重复：请删去其中一行' },
      { row: 6, message: '“津贴补贴”没有科目编码：请填写编码（以 3 开头的 3 位（类）或 5 位（款）数字，如 301、30101），或删去这一行' },
      { row: 7, message: '编码“3010”不是支出经济分类科目编码：应为以 3 开头的 3 位（类）或 5 位（款）数字，如 301、30101' },
    ] });
  });

  it('suggests the other kind when every code belongs to it', () => {
    const economic = [['科目编码', '科目名称'], ['301', '工资福利支出'], ['30101', '基本工资']];
    const result = parseCatalogueRows(economic, options);
    expect(!result.ok && [result.errors.map((e) => e.row), result.suggestedKind]).toEqual([[2, 3], 'economic']);
    expect(parseCatalogueRows(economic, { ...options, kind: 'economic' }).ok).toBe(true);
    const functional = parseCatalogueRows([['科目编码', '科目名称'], ['201', '一般公共服务支出']], { ...options, kind: 'economic' });
    expect(!functional.ok && functional.suggestedKind).toBe('functional');
  });

  it('says what is wrong with a table without a header, without names, or without rows', () => {
    expect(errorsOf([['201', '一般公共服务支出']])).toEqual([{ row: 1, message: expect.stringContaining('找不到表头') as string }]);
    expect(errorsOf([['科目编码', '金额'], ['201', '1.00']])).toEqual([{ row: 1, message: '表头没有科目名称列：请把名称所在列的表头写成“科目名称”' }]);
    expect(errorsOf([['科目编码', '科目名称'], ['', '']])).toEqual([{ row: 1, message: '表头下面没有任何科目：请把支出功能分类科目逐行填在表头之下' }]);
    expect(errorsOf([['类', '款', '项', '科目名称'], ['301', '', '01', 'x']], 'economic')).toEqual([
      { row: 2, message: '支出经济分类科目只有类和款两级，“项”列应为空（这一行是“01”）' }]);
  });
});
