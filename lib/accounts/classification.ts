// The functional classification (支出功能分类科目) as the rest of the core uses it: levels,
// parents, the 26 classes as 表1/表4 print them, and lookup in the catalogue of a fiscal year
// (shipped or imported: see catalogue.ts).

import { catalogueFor, shippedCatalogues } from './catalogue';

export type FunctionalLevel = 'class' | 'section' | 'item';

export interface FunctionalSubject {
  code: string;
  name: string;
}

/** 类 in the order 表1 rows 31–56 and 表4 rows 33–58 print them. */
export const FUNCTIONAL_CLASSES: readonly FunctionalSubject[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '229', name: '其他支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

/** The shipped functional catalogues by year (for seeding); imported ones are in catalogueFor. */
export const FUNCTIONAL_SUBJECTS_BY_YEAR: Readonly<Record<number, readonly FunctionalSubject[]>> = Object.fromEntries(
  shippedCatalogues().filter((c) => c.kind === 'functional').map((c) => [c.year, c.subjects]),
);

export function functionalLevel(code: string): FunctionalLevel | undefined {
  if (/^\d{3}$/.test(code)) return 'class';
  if (/^\d{5}$/.test(code)) return 'section';
  if (/^\d{7}$/.test(code)) return 'item';
  return undefined;
}

/** The code one level up: 2010350 → 20103 → 201; a class has none. */
export function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

export function functionalSubjectsFor(fiscalYear: number): readonly FunctionalSubject[] | undefined {
  return catalogueFor(fiscalYear, 'functional')?.subjects;
}

export function findFunctionalSubject(fiscalYear: number, code: string): FunctionalSubject | undefined {
  return catalogueFor(fiscalYear, 'functional')?.find(code);
}
