// The open-data package of a district and year in the Fiscal Data Package form (a Tabular Data
// Package whose fields carry FDP column types): datapackage.json and three CSV resources built
// from the published documents only — expenditure by department × functional code × kind,
// general-budget basic expenditure by economic code, and the initial budget beside the actual.
// Amounts are exact decimal strings in 万元 ("2882.93", no separators); the descriptor says so
// (currency CNY, factor 10000). The CSVs have no BOM: they are for programs, the per-table
// downloads are for Excel.
import { findFunctionalSubject } from '../accounts/classification';
import { LEVEL_NAMES, subjectLevel, type CatalogueKind } from '../accounts/catalogue-subjects';
import { canonicalAmountText } from '../accounts/money';
import type { TFinalAccounts } from '../accounts/schema';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, columnLabel, templateFor } from '../accounts/templates';
import { csvText } from './csv';

/** What the package is built from: a district's published accounts of one year (PublishedDistrict fits). */
export interface PackageDistrict {
  slug: string;
  name: string;
  financeBureauName: string;
  fiscalYear: number;
  members: readonly { departmentSlug: string; departmentName: string; path?: string; document: TFinalAccounts }[];
}

interface Field {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number';
  description?: string;
  columnType?: string;
  [property: string]: unknown;
}

interface Resource {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey: string[];
  rows: (member: PackageDistrict['members'][number]) => string[][];
}

const AMOUNT_FIELD: Field = {
  name: 'amount',
  title: '金额（万元）',
  type: 'number',
  format: 'default',
  bareNumber: true,
  decimalChar: '.',
  groupChar: '',
  columnType: 'value',
  currency: 'CNY',
  factor: 10000,
  unit: '万元',
  description: 'Exact decimal with two places, in 万元 (10,000 yuan) as the documents print it: "2882.93" is 28,829,300 CNY. Read it as a decimal, not a binary float, to keep it exact.',
  constraints: { required: true },
};

const commonFields: Field[] = [
  { name: 'fiscal_year', title: '年度', type: 'integer', columnType: 'date:fiscal-year', constraints: { required: true } },
  { name: 'department_slug', title: '部门代码', type: 'string', columnType: 'administrative-classification:generic:level1:code', description: 'The department\'s stable identifier in this site\'s URLs', constraints: { required: true } },
  { name: 'department', title: '部门', type: 'string', columnType: 'administrative-classification:generic:level1:label', constraints: { required: true } },
];

const levelOf = (kind: CatalogueKind, code: string): string => {
  const level = subjectLevel(kind, code);
  return level ? LEVEL_NAMES[level] : '';
};

const functionalFields = (codeDescription: string): Field[] => [
  { name: 'functional_code', title: '功能分类科目编码', type: 'string', description: codeDescription, constraints: { required: true } },
  { name: 'functional_name', title: '科目名称', type: 'string' },
  { name: 'functional_level', title: '科目级次', type: 'string', description: '类 (3 digits), 款 (5) or 项 (7): rows of every level are listed, so sum one level only', constraints: { enum: ['类', '款', '项'] } },
  { name: 'functional_class', title: '类级科目编码', type: 'string', columnType: 'functional-classification:generic:level1:code', description: 'The 类 the code belongs to (its first three digits)' },
];

const head = (member: PackageDistrict['members'][number]) => [String(member.document.fiscalYear), member.departmentSlug, member.departmentName];
const subjectName = (doc: TFinalAccounts, code: string, printed: string | undefined) => printed ?? findFunctionalSubject(doc.fiscalYear, code)?.name ?? '';

const RESOURCES: readonly Resource[] = [
  {
    name: 'expenditure-by-function',
    title: '支出决算：部门 × 功能分类科目 × 支出类型',
    description: 'Every non-blank cell of 支出决算表 (the expenditure table) below its 合计 line: actual expenditure by department, functional code (类/款/项) and kind (基本支出, 项目支出, and the other columns where printed). The 类 rows of a department sum to its 合计.',
    fields: [
      ...commonFields,
      ...functionalFields('Functional classification code as printed (类 3, 款 5, 项 7 digits)'),
      { name: 'kind', title: '支出类型代码', type: 'string', description: 'basic (基本支出), project (项目支出), remittancesToHigherLevel, operating, grantsToAffiliates', constraints: { required: true } },
      { name: 'kind_name', title: '支出类型', type: 'string' },
      { ...AMOUNT_FIELD, title: '决算数（万元）', phase: 'executed' },
    ],
    primaryKey: ['department_slug', 'functional_code', 'kind'],
    rows: (member) => {
      const { document: doc } = member;
      const table = templateFor(doc.template).tables.expenditure;
      const kinds = table.columns.filter((column) => column.key !== 'total');
      return doc.tables.expenditure.rows.filter((row) => row.row !== TOTAL_ROW).flatMap((row) =>
        kinds.flatMap((kind) => {
          const amount = row.cells[kind.key];
          return amount === undefined ? [] : [[
            ...head(member), row.row, subjectName(doc, row.row, row.name), levelOf('functional', row.row), row.row.slice(0, 3),
            kind.key, columnLabel(table, kind.key), canonicalAmountText(amount),
          ]];
        }));
    },
  },
  {
    name: 'basic-expenditure-by-economic-code',
    title: '一般公共预算财政拨款基本支出：部门 × 经济分类科目',
    description: 'The general-budget basic expenditure table by economic classification (类 and 款 rows as printed); 人员经费 are classes 301 and 303, 公用经费 302 and 310.',
    fields: [
      ...commonFields,
      { name: 'economic_code', title: '经济分类科目编码', type: 'string', description: 'Economic classification code (类 3, 款 5 digits)', constraints: { required: true } },
      { name: 'economic_name', title: '科目名称', type: 'string' },
      { name: 'economic_level', title: '科目级次', type: 'string', constraints: { enum: ['类', '款'] } },
      { name: 'economic_class', title: '类级科目编码', type: 'string', columnType: 'economic-classification:generic:level1:code' },
      { name: 'group', title: '经费类别', type: 'string', constraints: { enum: ['人员经费', '公用经费'] } },
      { ...AMOUNT_FIELD, title: '决算数（万元）', phase: 'executed' },
    ],
    primaryKey: ['department_slug', 'economic_code'],
    rows: (member) => {
      const { document: doc } = member;
      const table = templateFor(doc.template).tables.generalBudgetBasicExpenditure;
      const definitions = new Map(table.rows.map((row) => [row.key, row]));
      return doc.tables.generalBudgetBasicExpenditure.rows
        .filter((row) => row.row !== PERSONNEL_TOTAL_ROW && row.row !== OPERATING_TOTAL_ROW && row.cells.amount !== undefined)
        .map((row) => {
          const definition = definitions.get(row.row);
          return [
            ...head(member), row.row, row.name ?? definition?.label ?? '', levelOf('economic', row.row), row.row.slice(0, 3),
            definition?.group === 'personnel' ? '人员经费' : '公用经费', canonicalAmountText(row.cells.amount ?? '0'),
          ];
        });
    },
  },
  {
    name: 'budget-and-actual',
    title: '一般公共预算财政拨款支出：年初预算数与决算数',
    description: 'For each functional code the document gives a budget for (类 in Hubei layouts, 项 in Shanghai ones), the initial budget (年初预算数) and, where printed, the adjusted budget (全年预算数), beside the actual of the general-budget expenditure table; the department-wide line has functional_code "total". Only what the documents print: a code without a budget line is not listed.',
    fields: [
      ...commonFields,
      ...functionalFields('Functional classification code, or "total" for the department-wide line'),
      { name: 'phase', title: '数据类型代码', type: 'string', columnType: 'phase:id', constraints: { required: true, enum: ['initial-budget', 'adjusted-budget', 'actual'] } },
      { name: 'phase_name', title: '数据类型', type: 'string', columnType: 'phase:label' },
      AMOUNT_FIELD,
    ],
    primaryKey: ['department_slug', 'functional_code', 'phase'],
    rows: (member) => {
      const { document: doc } = member;
      const actuals = new Map(doc.tables.generalBudgetExpenditure.rows.map((row) => [row.row, row.cells.total]));
      const { initialBudget } = doc.comparisons;
      const lines = [
        { code: TOTAL_ROW, name: '合计', level: '', initial: initialBudget.generalPublicBudgetExpenditure, adjusted: initialBudget.adjustedGeneralPublicBudgetExpenditure },
        ...initialBudget.bySubject.map((line) => ({
          code: line.code, name: subjectName(doc, line.code, line.name), level: levelOf('functional', line.code), initial: line.amount, adjusted: line.adjustedBudget,
        })),
      ];
      return lines.flatMap((line) => {
        const phases: [string, string, string | undefined][] = [
          ['initial-budget', '年初预算数', line.initial], ['adjusted-budget', '全年预算数', line.adjusted], ['actual', '决算数', actuals.get(line.code)],
        ];
        return phases.flatMap(([phase, phaseName, amount]) => (amount === undefined ? [] : [[
          ...head(member), line.code, line.name, line.level, line.code === TOTAL_ROW ? '' : line.code.slice(0, 3), phase, phaseName, canonicalAmountText(amount),
        ]]));
      });
    },
  },
];

export const PACKAGE_DESCRIPTOR = 'datapackage.json';
export const RESOURCE_FILES: readonly string[] = RESOURCES.map((resource) => `${resource.name}.csv`);

/** One CSV resource of the package by its file name, or undefined for a name the package does not have. */
export function packageResourceCsv(district: PackageDistrict, file: string): string | undefined {
  const resource = RESOURCES.find((r) => `${r.name}.csv` === file);
  if (!resource) return undefined;
  return csvText([resource.fields.map((field) => field.name), ...district.members.flatMap((member) => resource.rows(member))], { bom: false });
}

/** datapackage.json: the package, its publisher, its period, and each resource's schema. */
export function packageDescriptor(district: PackageDistrict, siteUrl?: string) {
  const year = district.fiscalYear;
  return {
    profile: 'fiscal-data-package',
    name: `${district.slug}-${year}-final-accounts`,
    title: `${district.name} ${year} 年度部门决算公开数据`,
    description: `${district.name}各部门 ${year} 年度部门决算中已公开的数字（单位：万元），取自已公开的决算文件。Amounts are in 万元 (10,000 CNY), exact decimals with two places.`,
    countryCode: 'CN',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    currency: 'CNY',
    unit: '万元',
    contributors: [{ title: district.financeBureauName, role: 'publisher' }],
    sources: district.members.map((member) => ({
      title: `${member.departmentName} ${year} 年度部门决算`,
      ...(member.path ? { path: siteUrl ? new URL(member.path, siteUrl).toString() : member.path } : {}),
    })),
    resources: RESOURCES.map((resource) => ({
      name: resource.name,
      path: `${resource.name}.csv`,
      profile: 'tabular-data-resource',
      title: resource.title,
      description: resource.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
      schema: { fields: resource.fields, primaryKey: resource.primaryKey, missingValues: [''] },
    })),
  };
}

export function packageDescriptorJson(district: PackageDistrict, siteUrl?: string): string {
  return `${JSON.stringify(packageDescriptor(district, siteUrl), null, 2)}\n`;
}
