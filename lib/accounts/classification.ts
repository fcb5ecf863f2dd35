// The classification catalogues (支出功能分类科目, 支出经济分类科目) for the years we hold.
// Functional: all 26 classes printed in 表1/表4 plus every section and item the seed
// document uses; economic: every code printed in the 表6 layout. Codes outside the
// catalogue are rejected on input, so extend these lists (by year) as documents arrive.

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

const FUNCTIONAL_SECTIONS_AND_ITEMS: readonly FunctionalSubject[] = [
  { code: '20103', name: '政府办公厅（室）及相关机构事务' },
  { code: '2010301', name: '行政运行' },
  { code: '2010302', name: '一般行政管理事务' },
  { code: '2010350', name: '事业运行' },
  { code: '2010399', name: '其他政府办公厅（室）及相关机构事务支出' },
  { code: '20805', name: '行政事业单位养老支出' },
  { code: '2080501', name: '行政单位离退休' },
  { code: '2080502', name: '事业单位离退休' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出' },
  { code: '2080506', name: '机关事业单位职业年金缴费支出' },
  { code: '21011', name: '行政事业单位医疗' },
  { code: '2101101', name: '行政单位医疗' },
  { code: '2101102', name: '事业单位医疗' },
  { code: '2101103', name: '公务员医疗补助' },
  { code: '2101199', name: '其他行政事业单位医疗支出' },
  { code: '21505', name: '工业和信息产业监管' },
  { code: '2150501', name: '行政运行' },
  { code: '2150502', name: '一般行政管理事务' },
  { code: '2150550', name: '事业运行' },
  { code: '2150599', name: '其他工业和信息产业监管支出' },
  { code: '22102', name: '住房改革支出' },
  { code: '2210201', name: '住房公积金' },
  { code: '2210202', name: '提租补贴' },
  { code: '2210203', name: '购房补贴' },
];

export const FUNCTIONAL_SUBJECTS_BY_YEAR: Readonly<Record<number, readonly FunctionalSubject[]>> = {
  2021: [...FUNCTIONAL_CLASSES, ...FUNCTIONAL_SECTIONS_AND_ITEMS],
};

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
  return FUNCTIONAL_SUBJECTS_BY_YEAR[fiscalYear];
}

export function findFunctionalSubject(fiscalYear: number, code: string): FunctionalSubject | undefined {
  return functionalSubjectsFor(fiscalYear)?.find((subject) => subject.code === code);
}
