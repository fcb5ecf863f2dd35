// Which template a published text is printed in: the fiscal year most of its headings name, and
// the family by the place it is from (or, failing that, by whether its tables print 行次).

import { findTemplate, TEMPLATES, type Template } from '../../accounts/templates';
import type { TextLine } from './lines';

export type Recognition = { ok: true; template: Template } | { ok: false; reason: string };

const FAMILY_PLACES: readonly (readonly [string, RegExp])[] = [
  ['shanghai', /上海市/],
  ['hubei', /湖北省|武汉市/],
];

export function recogniseTemplate(lines: readonly TextLine[]): Recognition {
  const years = new Map<number, number>();
  for (const line of lines) {
    // "2021 年度部门决算", "2021 年度收入决算表（表 2）": the year the document is about.
    for (const match of line.text.matchAll(/(20\d{2})\s*年度?\s*(部门决算|.{0,30}决算(明细)?表)/g)) {
      const year = Number(match[1]);
      years.set(year, (years.get(year) ?? 0) + 1);
    }
  }
  const year = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  if (year === undefined) return { ok: false, reason: '文本中找不到“XXXX 年度部门决算”或决算表标题，无法确定年度；请用 --template 指定报表格式' };
  const head = lines.slice(0, 200).map((line) => line.text).join('\n');
  let family = FAMILY_PLACES.find(([, place]) => place.test(head))?.[0];
  if (!family) family = lines.some((line) => /行\s*次/.test(line.text)) ? 'hubei' : undefined;
  if (!family) return { ok: false, reason: `无法从文本确定报表格式所属地区（${year} 年度）；请用 --template 指定报表格式` };
  const template = findTemplate(`${family}-${year}`);
  if (!template) {
    const held = TEMPLATES.filter((t) => t.family === family).map((t) => t.id).join('、');
    return { ok: false, reason: `文本为 ${year} 年度${family === 'shanghai' ? '上海' : '湖北'}格式，但没有报表格式 "${family}-${year}"（已有：${held || '无'}）；请用 --template 指定` };
  }
  return { ok: true, template };
}
