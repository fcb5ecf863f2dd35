// The open-data package of a district and year: datapackage.json (Fiscal Data Package profile,
// a schema per resource, primary keys, the amount as an exact decimal in 万元, CNY) and its CSV
// resources, checked against the published figures of the seed documents.
import { describe, expect, it } from 'vitest';
import { parseAmount, sumCents, toAmountText } from '../../lib/accounts/money';
import { packageDescriptor, packageResourceCsv, RESOURCE_FILES, type PackageDistrict } from '../../lib/export/fiscal-data-package';
import { parseCsv } from '../../lib/import/table-file';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const qiaokou: PackageDistrict = {
  slug: 'qiaokou', name: '武汉市硚口区', financeBureauName: '武汉市硚口区财政局', fiscalYear: 2021,
  members: [{ departmentSlug: 'big-data-center', departmentName: '武汉市硚口区大数据中心', path: '/2021/qiaokou/big-data-center', document: loadSeed() }],
};
const putuo: PackageDistrict = {
  slug: 'putuo', name: '上海市普陀区', financeBureauName: '上海市普陀区财政局', fiscalYear: 2024,
  members: [
    { departmentSlug: 'finance-bureau', departmentName: '上海市普陀区财政局', document: loadDocument(SHANGHAI_FINANCE_BUREAU_PATH) },
    { departmentSlug: 'social-work-department', departmentName: '中共上海市普陀区委社会工作部', document: loadDocument(SHANGHAI_SOCIAL_WORK_PATH) },
  ],
};

/** A resource as records keyed by its header. */
function records(district: PackageDistrict, file: string): Record<string, string>[] {
  const text = packageResourceCsv(district, file);
  if (text === undefined) throw new Error(`no resource ${file}`);
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** The amounts of one functional code's line by phase. */
const phases = (rows: readonly Record<string, string>[], code: string): Record<string, string> =>
  Object.fromEntries(rows.filter((row) => row.functional_code === code).map((row): [string, string] => [row.phase ?? '', row.amount ?? '']));

const total = (rows: readonly Record<string, string>[]) => toAmountText(sumCents(rows.map((row) => parseAmount(row.amount ?? ''))));

describe('packageDescriptor', () => {
  it('describes each CSV resource: profile, fields as in the CSV header, primary key, the amount as an exact decimal in 万元 CNY', () => {
    const descriptor = packageDescriptor(qiaokou, 'https://juesuan.example');
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package', name: 'qiaokou-2021-final-accounts', countryCode: 'CN', currency: 'CNY', unit: '万元',
      fiscalPeriod: { start: '2021-01-01', end: '2021-12-31' },
      contributors: [{ title: '武汉市硚口区财政局', role: 'publisher' }],
      sources: [{ title: '武汉市硚口区大数据中心 2021 年度部门决算', path: 'https://juesuan.example/2021/qiaokou/big-data-center' }],
    });
    expect(descriptor.resources.map((r) => r.path)).toEqual(RESOURCE_FILES);
    for (const resource of descriptor.resources) {
      const [header = []] = parseCsv(packageResourceCsv(qiaokou, resource.path) ?? '');
      expect(resource.schema.fields.map((field) => field.name), resource.name).toEqual(header);
      expect(resource.schema.primaryKey.every((key) => header.includes(key))).toBe(true);
      const amount = resource.schema.fields.find((field) => field.name === 'amount');
      expect(amount).toMatchObject({ type: 'number', columnType: 'value', currency: 'CNY', factor: 10000, unit: '万元', decimalChar: '.', groupChar: '' });
      expect(resource).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8' });
    }
  });

  it('keeps every primary key unique across departments', () => {
    for (const resource of packageDescriptor(putuo).resources) {
      const rows = records(putuo, resource.path);
      expect(rows.length, resource.name).toBeGreaterThan(0);
      const keys = rows.map((row) => resource.schema.primaryKey.map((key) => row[key]).join('|'));
      expect(new Set(keys).size, resource.name).toBe(keys.length);
    }
  });
});

describe('the resources of the seed district', () => {
  it('expenditure by function: the 类 rows sum to 基本支出 288.90 and 项目支出 2,594.03', () => {
    const rows = records(qiaokou, 'expenditure-by-function.csv');
    const classes = rows.filter((row) => row.functional_level === '类');
    expect(total(classes.filter((row) => row.kind === 'basic'))).toBe('288.90');
    expect(total(classes.filter((row) => row.kind === 'project'))).toBe('2594.03');
    expect(rows.find((row) => row.functional_code === '2150502' && row.kind === 'project')).toEqual({
      fiscal_year: '2021', department_slug: 'big-data-center', department: '武汉市硚口区大数据中心', functional_code: '2150502',
      functional_name: '一般行政管理事务', functional_level: '项', functional_class: '215', kind: 'project', kind_name: '项目支出', amount: '2594.03',
    });
    // Blank cells are not rows: 2150502 has no basic expenditure.
    expect(rows.some((row) => row.functional_code === '2150502' && row.kind === 'basic')).toBe(false);
  });

  it('basic expenditure by economic code: 人员经费 263.02 and 公用经费 25.88 by their 类 rows', () => {
    const rows = records(qiaokou, 'basic-expenditure-by-economic-code.csv');
    const classes = rows.filter((row) => row.economic_level === '类');
    expect(total(classes.filter((row) => row.group === '人员经费'))).toBe('263.02');
    expect(total(classes.filter((row) => row.group === '公用经费'))).toBe('25.88');
    expect(rows.find((row) => row.economic_code === '30101')).toMatchObject({ economic_name: '基本工资', economic_class: '301', amount: '56.22' });
  });

  it('budget and actual: the initial budget by 类 beside the general-budget actual, and the department-wide line', () => {
    const rows = records(qiaokou, 'budget-and-actual.csv');
    expect(phases(rows, 'total')).toEqual({ 'initial-budget': '2120.19', actual: '2882.93' });
    expect(phases(rows, '215')).toEqual({ 'initial-budget': '1888.50', actual: '2594.03' });
    expect(rows.filter((row) => row.phase === 'initial-budget').map((row) => row.functional_code)).toEqual(['total', '201', '208', '210', '215', '221']);
  });

  it('gives the adjusted budget where a Shanghai document prints it instead of an initial one', () => {
    const rows = records(putuo, 'budget-and-actual.csv').filter((row) => row.department_slug === 'social-work-department');
    const line = phases(rows, '2013901');
    expect(line['adjusted-budget']).toBe('52.00');
    expect(line['initial-budget']).toBeUndefined();
    expect(phases(rows, 'total')).toMatchObject({ 'initial-budget': '0.00', 'adjusted-budget': '321.02' });
  });

  it('has no resource by another name', () => {
    expect(packageResourceCsv(qiaokou, 'datapackage.csv')).toBeUndefined();
  });
});
