// What makes a list of classification subjects valid, shared by the shipped catalogues, the
// imported files and the spreadsheet importer, so all three reject the same mistakes.

export type CatalogueKind = 'functional' | 'economic';
export type SubjectLevel = 'class' | 'section' | 'item';

export interface Subject {
  code: string;
  name: string;
  source?: string;
}

export interface CatalogueData {
  year: number;
  kind: CatalogueKind;
  source: string;
  subjects: readonly Subject[];
}

export interface Catalogue extends CatalogueData {
  find(code: string): Subject | undefined;
}

/** A problem with one subject; `row` is where the caller found it (spreadsheet row, list position). */
export interface SubjectError {
  row: number;
  message: string;
}

export const CATALOGUE_KINDS: readonly CatalogueKind[] = ['functional', 'economic'];
export const KIND_NAMES: Readonly<Record<CatalogueKind, string>> = { functional: '支出功能分类科目', economic: '支出经济分类科目' };
export const LEVEL_NAMES: Readonly<Record<SubjectLevel, string>> = { class: '类', section: '款', item: '项' };

const LEVEL_BY_LENGTH: Readonly<Record<number, SubjectLevel>> = { 3: 'class', 5: 'section', 7: 'item' };
const SHAPES: Readonly<Record<CatalogueKind, { pattern: RegExp; hint: string }>> = {
  functional: { pattern: /^2\d{2}(\d{2}){0,2}$/, hint: '以 2 开头的 3 位（类）、5 位（款）或 7 位（项）数字，如 201、20106、2010601' },
  economic: { pattern: /^3\d{2}(\d{2})?$/, hint: '以 3 开头的 3 位（类）或 5 位（款）数字，如 301、30101' },
};

/** class / section / item of a well-formed code of this kind; undefined for anything else. */
export function subjectLevel(kind: CatalogueKind, code: string): SubjectLevel | undefined {
  return SHAPES[kind].pattern.test(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

export function codeShapeHint(kind: CatalogueKind): string {
  return SHAPES[kind].hint;
}

/** Full-width digits to ASCII and every space removed: "２０１ 06 01" → "2010601". */
export function normalizeCode(raw: string): string {
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/**
 * A name as one line: PDF extraction and spreadsheet cells break names ("机关事业单位基本养老保险缴
 * 费支出", "行 政 事 业 单 位"); spaces next to a Chinese character are dropped, others collapse to one.
 */
export function joinName(raw: string): string {
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return trimmed.replace(/[\s\u3000]+/g, (gap, offset: number) => {
    const before = trimmed.charCodeAt(offset - 1);
    const after = trimmed.charCodeAt(offset + gap.length);
    return before > 0x7f || after > 0x7f ? '' : ' ';
  });
}

function parentOf(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/** Every problem in the list, in row order: shape, empty name, stray spaces, duplicate, missing parent. */
export function validateSubjects(kind: CatalogueKind, entries: readonly (Subject & { row: number })[]): SubjectError[] {
  const errors: SubjectError[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, code, name } of entries) {
    if (!subjectLevel(kind, code)) {
      errors.push({ row, message: `编码“${code}”不是${KIND_NAMES[kind]}编码：应为${SHAPES[kind].hint}` });
      continue;
    }
    if (name.trim() === '') errors.push({ row, message: `编码 ${code} 没有科目名称：请填写名称` });
    else if (joinName(name) !== name) errors.push({ row, message: `编码 ${code} 的科目名称“${name}”有多余的空格或换行：请改为“${joinName(name)}”` });
    const earlier = firstRow.get(code);
    if (earlier !== undefined) errors.push({ row, message: `编码 ${code} 与第 ${earlier} 行重复：请删去其中一行` });
    else firstRow.set(code, row);
  }
  for (const { row, code, name } of entries) {
    const level = subjectLevel(kind, code);
    const parent = parentOf(code);
    if (!level || !parent || firstRow.get(code) !== row || firstRow.has(parent)) continue;
    const parentLevel = LEVEL_NAMES[level === 'item' ? 'section' : 'class'];
    errors.push({ row, message: `${LEVEL_NAMES[level]} ${code}（${name}）所属的${parentLevel} ${parent} 不在表中：请补上${parentLevel} ${parent} 这一行` });
  }
  return errors.sort((a, b) => a.row - b.row);
}

/** A read-only catalogue with lookup by code; subjects in code order (a class, its sections, their items). */
export function makeCatalogue(data: CatalogueData): Catalogue {
  const subjects = [...data.subjects].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((s) => Object.freeze({ ...s }));
  const byCode = new Map(subjects.map((s) => [s.code, s]));
  return Object.freeze({
    year: data.year,
    kind: data.kind,
    source: data.source,
    subjects: Object.freeze(subjects),
    find: (code: string) => byCode.get(code),
  });
}
