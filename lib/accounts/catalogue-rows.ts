// A catalogue from a table (CSV or a worksheet): find the code and name columns by their
// headers, read every row, and accept the whole list or nothing.

import {
  codeShapeHint, joinName, KIND_NAMES, makeCatalogue, normalizeCode, validateSubjects,
  type Catalogue, type CatalogueKind, type Subject, type SubjectError,
} from './catalogue-subjects';

export interface CatalogueRowsOptions {
  year: number;
  kind: CatalogueKind;
  /** Where the table comes from ("2025年支出功能分类科目.xlsx"); each subject's source adds its row. */
  source: string;
}

export type CatalogueRowsResult =
  | { ok: true; catalogue: Catalogue }
  /** suggestedKind: every code looks like the other kind, so the wrong kind was probably chosen. */
  | { ok: false; errors: SubjectError[]; suggestedKind?: CatalogueKind };

const normalizeHeader = (cell: string) => cell.replace(/[\s\u3000]+/g, '').toLowerCase();
const CODE_HEADERS = new Set(['科目编码', '编码', 'code', '科目代码', '代码', '功能分类科目编码', '经济分类科目编码']);
const NAME_HEADERS = new Set(['科目名称', '名称', 'name', '功能分类科目名称', '经济分类科目名称']);
/** Tables often carry a title or a unit line above the header. */
const HEADER_SEARCH_ROWS = 10;

interface Columns {
  header: number;
  name: number;
  code?: number;
  parts?: { class: number; section?: number; item?: number };
}

function findColumns(rows: readonly (readonly string[])[]): Columns | SubjectError {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r += 1) {
    const cells = (rows[r] ?? []).map(normalizeHeader);
    const code = cells.findIndex((c) => CODE_HEADERS.has(c));
    const classPart = cells.indexOf('类');
    if (code < 0 && classPart < 0) continue;
    const name = cells.findIndex((c) => NAME_HEADERS.has(c));
    if (name < 0) return { row: r + 1, message: '表头没有科目名称列：请把名称所在列的表头写成“科目名称”' };
    // A merged 科目编码 over a second header row 类 | 款 | 项, as the published tables print it.
    const below = (rows[r + 1] ?? []).map(normalizeHeader);
    const split = code >= 0 && below[code] === '类' ? { header: r + 1, cells: below } : classPart >= 0 && code < 0 ? { header: r, cells } : undefined;
    if (!split) return { header: r, name, code };
    const at = (label: string) => (split.cells.includes(label) ? split.cells.indexOf(label) : undefined);
    const splitName = split.cells.findIndex((c) => NAME_HEADERS.has(c));
    return { header: split.header, name: splitName >= 0 ? splitName : name, parts: { class: split.cells.indexOf('类'), section: at('款'), item: at('项') } };
  }
  return {
    row: 1,
    message: '找不到表头：第一行应有“科目编码”和“科目名称”两列（或分列的“类”“款”“项”和“科目名称”），请加上表头后重新导入',
  };
}

/** The code of a row whose code is split over 类/款/项 columns ("201" "06" "01", or whole codes in each). */
function joinParts(kind: CatalogueKind, parts: readonly string[]): { code: string } | { message: string } {
  const [cls = '', section = '', item = ''] = parts;
  if (kind === 'economic' && item !== '') return { message: `支出经济分类科目只有类和款两级，“项”列应为空（这一行是“${item}”）` };
  let code = cls;
  for (const [part, label, width, upper] of [[section, '款', 5, '类'], [item, '项', 7, '款']] as const) {
    if (part === '') continue;
    if (part.length === width) {
      if (code !== '' && !part.startsWith(code)) return { message: `${label}编码 ${part} 不属于${upper} ${code}：请核对这一行的编码` };
      code = part;
    } else if (part.length === 2 && code.length === width - 2) {
      code += part;
    } else {
      return { message: `${label}编码“${part}”前缺少所属${upper}的编码：请在“${upper}”列填写，或把编码写成完整的 ${width} 位` };
    }
  }
  return { code };
}

function looksLike(kind: CatalogueKind, codes: readonly string[]): boolean {
  const pattern = kind === 'economic' ? /^3\d{2}(\d{2})?$/ : /^2\d{2}(\d{2}){0,2}$/;
  return codes.length > 0 && codes.every((c) => pattern.test(c));
}

/**
 * Validates a table whose first row (or one of the first few) is the header. Row numbers in
 * errors are 1-based, as a spreadsheet shows them: rows[0] is row 1.
 */
export function parseCatalogueRows(rows: readonly (readonly string[])[], options: CatalogueRowsOptions): CatalogueRowsResult {
  const { year, kind, source } = options;
  const columns = findColumns(rows);
  if (!('header' in columns)) return { ok: false, errors: [columns] };
  const errors: SubjectError[] = [];
  const entries: (Subject & { row: number })[] = [];
  for (let r = columns.header + 1; r < rows.length; r += 1) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const row = r + 1;
    const name = joinName(cells[columns.name] ?? '');
    let code: string;
    if (columns.code !== undefined) {
      code = normalizeCode(cells[columns.code] ?? '');
    } else {
      const { class: c, section, item } = columns.parts ?? { class: 0 };
      const joined = joinParts(kind, [c, section, item].map((i) => (i === undefined ? '' : normalizeCode(cells[i] ?? ''))));
      if ('message' in joined) {
        errors.push({ row, message: joined.message });
        continue;
      }
      code = joined.code;
    }
    if (code === '') {
      errors.push({ row, message: name ? `“${name}”没有科目编码：请填写编码（${codeShapeHint(kind)}），或删去这一行` : '这一行没有科目编码和名称：请填写或删去' });
      continue;
    }
    entries.push({ row, code, name, source: `${source} 第${row}行` });
  }
  errors.push(...validateSubjects(kind, entries));
  if (entries.length === 0 && errors.length === 0) {
    errors.push({ row: columns.header + 1, message: `表头下面没有任何科目：请把${KIND_NAMES[kind]}逐行填在表头之下` });
  }
  if (errors.length > 0) {
    const other: CatalogueKind = kind === 'functional' ? 'economic' : 'functional';
    const codes = entries.map((e) => e.code);
    return { ok: false, errors: errors.sort((a, b) => a.row - b.row), ...(looksLike(other, codes) ? { suggestedKind: other } : {}) };
  }
  return { ok: true, catalogue: makeCatalogue({ year, kind, source, subjects: entries.map(({ code, name, source: s }) => ({ code, name, source: s })) }) };
}
