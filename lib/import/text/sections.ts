// The parts of the document around the tables, read from their printed sentences: 部门概况
// (functions, units, staff), 机关运行经费, 政府采购, 国有资产, 预算绩效管理情况. Each part is
// read whole or not at all: a part with a figure missing is reported, never filled in.

import type { Template } from '../../accounts/templates';
import { amountText, normalise, type ImportProblem, type TextLine } from './lines';
import { paragraphs, type NarrativeSection } from './narrative';

const AMOUNT = '(\\d[\\d,]*(?:\\.\\d{1,2})?)';
const COUNT = '(\\d+)';

/** The whole narrative in one string without spaces (brackets folded), for the sentences below. */
function compact(sections: readonly NarrativeSection[]): string {
  return normalise(sections.map((s) => s.text).join('\n'));
}

function match(text: string, pattern: string): string | undefined {
  return new RegExp(pattern).exec(text)?.[1];
}

export interface SectionResult<T> {
  value?: T;
  /** Why the part was not read, for the problem. */
  missing?: string[];
}

function collect<T extends Record<string, string | undefined>>(fields: T): { values: { [K in keyof T]: string }; missing: string[] } {
  const missing = Object.entries(fields).filter(([, value]) => value === undefined).map(([key]) => key);
  return { values: fields as { [K in keyof T]: string }, missing };
}

export function readAgencyOperatingCosts(sections: readonly NarrativeSection[]): SectionResult<string> {
  const text = compact(sections);
  const value = match(text, `机关运行经费(?:支出)?(?:为|共计)?${AMOUNT}万元`);
  return value === undefined ? { missing: ['机关运行经费支出 X 万元'] } : { value: amountText(value) };
}

export function readProcurement(sections: readonly NarrativeSection[], template: Template): SectionResult<Record<string, unknown>> {
  const text = compact(sections);
  const base = collect({
    total: match(text, `政府采购(?:支出总额|金额(?:（以合同签订为准）)?为?)${AMOUNT}万元`),
    goods: match(text, `货物(?:采购金额|支出)${AMOUNT}万元`),
    works: match(text, `工程(?:采购金额|支出)${AMOUNT}万元`),
    services: match(text, `服务(?:采购金额|支出)${AMOUNT}万元`),
  });
  const missing = [...base.missing];
  const value: Record<string, unknown> = Object.fromEntries(Object.entries(base.values).map(([k, v]) => [k, v === undefined ? v : amountText(v)]));
  if (template.sections.procurementAwards) {
    const awards = collect({
      toSmes: match(text, `授予中小企业合同金额${AMOUNT}万元`),
      toSmallAndMicro: match(text, `授予小微企业合同金额${AMOUNT}万元`),
    });
    missing.push(...awards.missing);
    for (const [k, v] of Object.entries(awards.values)) value[k] = v === undefined ? v : amountText(v);
  }
  if (template.sections.procurementReserved) {
    const reserved = collect({
      forSmes: match(text, `面向中小企业预留政府采购项目预算金额${AMOUNT}万元`),
      forSmallAndMicro: match(text, `面向小微企业预留政府采购项目预算金额${AMOUNT}万元`),
      awardedToSmes: match(text, `在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额${AMOUNT}万元`),
      awardedToSmallAndMicro: match(text, `在面向小微企业预留(?:的)?政府采购项目中，由小微企业供应商中标或成交的，采购金额${AMOUNT}万元`),
      otherAwardedToSmes: match(text, `在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额${AMOUNT}万元`),
    });
    missing.push(...reserved.missing);
    value.reserved = Object.fromEntries(Object.entries(reserved.values).map(([k, v]) => [k, v === undefined ? v : amountText(v)]));
  }
  return missing.length > 0 ? { missing } : { value };
}

const VEHICLE_WORDS: readonly (readonly [string, string])[] = [
  ['ministerialLeaders', '(?:部级领导干部|副部（省）级及以上领导)用车'], ['principalLeaders', '主要领导干部用车'],
  ['confidentialCommunications', '机要通信用车'], ['emergency', '应急保障用车'], ['lawEnforcement', '执法执勤用车'],
  ['specialTechnical', '特种专业技术用车'], ['retiredCadres', '离退休干部用车'], ['other', '其他用车'],
];

export function readAssets(sections: readonly NarrativeSection[], template: Template): SectionResult<Record<string, unknown>> {
  const text = compact(sections);
  const missing: string[] = [];
  const count = (label: string, pattern: string): number | undefined => {
    const value = match(text, pattern);
    if (value === undefined) missing.push(label);
    return value === undefined ? undefined : Number(value);
  };
  const vehicles = count('共有车辆 X 辆', `共有车辆${COUNT}辆`);
  const vehiclesByKind = Object.fromEntries(VEHICLE_WORDS.map(([key, words]) => [key, count(words, `${words}${COUNT}辆`)]));
  const value: Record<string, unknown> = { vehicles, vehiclesByKind };
  if (template.sections.equipmentByKind) {
    value.generalEquipmentOver500k = count('单价50万元以上通用设备', `单价50万元（含）以上通用设备${COUNT}台`);
    value.specialEquipmentOver1m = count('单价100万元以上专用设备', `单价100万元（含）以上专用设备${COUNT}台`);
  }
  if (template.sections.equipmentOver1m) value.equipmentOver1m = count('单价100万元（含）以上设备（不含车辆）', `单价100万元（含）以上设备（不含车辆）${COUNT}台`);
  return missing.length > 0 ? { missing } : { value };
}

export function readPerformanceManagement(sections: readonly NarrativeSection[]): SectionResult<Record<string, unknown>> {
  const text = compact(sections);
  const missing: string[] = [];
  const get = (label: string, pattern: string) => {
    const value = match(text, pattern);
    if (value === undefined) missing.push(label);
    return value;
  };
  const covered = (words: string) => {
    const projects = get(`${words}的项目个数`, `${words}的\\d{4}年度项目${COUNT}个`);
    const amount = get(`${words}的预算金额`, `${words}的\\d{4}年度项目\\d+个，涉及预算金额${AMOUNT}万元`);
    return { projects: Number(projects), amount: amountText(amount ?? '') };
  };
  const rating = (grade: string) => Number(get(`绩效评级为“${grade}”的项目个数`, `绩效评级为"${grade}"的项目${COUNT}个`));
  const problems: Record<string, number> = { found: Number(get('发现问题个数', `发现问题${COUNT}个`)) };
  const fixed = match(text, `已经?完成整改的${COUNT}个`);
  const fixing = match(text, `正在整改的${COUNT}个`);
  if (fixed !== undefined) problems.fixed = Number(fixed);
  if (fixing !== undefined) problems.fixing = Number(fixing);
  const value = {
    targetSetting: covered('编报绩效目标'),
    tracking: covered('绩效跟踪评价'),
    selfEvaluation: { ...covered('绩效自评'), averageScore: get('平均得分', `平均得分(\\d+(?:\\.\\d{1,2})?)分`) },
    ratings: { excellent: rating('优'), good: rating('良'), pass: rating('合格'), fail: rating('不合格') },
    problems,
  };
  return missing.length > 0 ? { missing } : { value };
}

const PART_ONE = /^第一部分/;
const PART = /^第[一二三四五六七八九十]+部分/;

/** 第一部分's sections by heading ("一、主要职能" → its lines). */
function partOne(lines: readonly TextLine[]): Map<string, TextLine[]> {
  const out = new Map<string, TextLine[]>();
  const start = lines.findIndex((line) => PART_ONE.test(line.text));
  if (start < 0) return out;
  let current: TextLine[] | undefined;
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i] as TextLine;
    if (PART.test(line.text) || /部门决算表$/.test(line.text)) break;
    if (/^[一二三四五六七八九十]+、/.test(line.text)) {
      current = [];
      out.set(normalise(line.text).replace(/^[一二三四五六七八九十]+、/, ''), current);
    } else current?.push(line);
  }
  return out;
}

export function readOverview(lines: readonly TextLine[], template: Template): SectionResult<Record<string, unknown>> & { line: number } {
  const parts = partOne(lines);
  const functionsLines = [...parts.entries()].find(([heading]) => /职能/.test(heading))?.[1];
  const line = functionsLines?.[0]?.number ?? lines[0]?.number ?? 1;
  const missing: string[] = [];
  if (!functionsLines || functionsLines.length === 0) missing.push('主要职能');
  // "1、…" numbers the functions; "（一）" and "第一条" are part of the printed text.
  // An item run on after the previous one's full stop ("…规则。（八）…") is an item still.
  const functions = paragraphs((functionsLines ?? []).map((l) => l.text))
    .flatMap((p) => p.split(/(?<=。)(?=（[一二三四五六七八九十]+）)/))
    .map((p) => p.replace(/^\d+\s*[、.．]\s*/, ''));
  const value: Record<string, unknown> = { functions };
  const composition = [...parts.entries()].find(([heading]) => /单位构成/.test(heading))?.[1] ?? [];
  if (template.sections.staff) {
    const text = normalise(composition.map((l) => l.text).join('') + ([...parts.entries()].find(([heading]) => /人员构成/.test(heading))?.[1] ?? []).map((l) => l.text).join(''));
    const units = match(text, `和${COUNT}个下属单位`);
    if (units === undefined) missing.push('下属单位个数');
    else value.subordinateUnitCount = Number(units);
    const staffFields = {
      employed: match(text, `在职实有人数${COUNT}人`), administrative: match(text, `行政${COUNT}人`), publicInstitution: match(text, `事业${COUNT}人`),
      civilServantManaged: match(text, `参照公务员法管理${COUNT}人`), retired: match(text, `离退休人员${COUNT}人`), retiredCadres: match(text, `离休${COUNT}人`),
      retirees: match(text, `(?<!离)退休${COUNT}人`),
    };
    const absent = Object.entries(staffFields).filter(([, v]) => v === undefined).map(([k]) => k);
    if (absent.length > 0) missing.push(`人员构成（${absent.join('、')}）`);
    else value.staff = Object.fromEntries(Object.entries(staffFields).map(([k, v]) => [k, Number(v)]));
  }
  if (template.sections.unitComposition) {
    const units = readUnits(composition);
    if (units.length === 0) missing.push('单位构成表（序号 单位名称 备注）');
    value.units = units;
  }
  return missing.length > 0 ? { missing, line } : { value, line };
}

/** 序号 单位名称 备注: a number starts an entry; words on the name's line after it are the 备注. */
function readUnits(lines: readonly TextLine[]): { name: string; note?: string }[] {
  const start = lines.findIndex((line) => /^序号\s*单位名称/.test(line.text));
  if (start < 0) return [];
  const units: { name: string; note?: string; nameLine?: number }[] = [];
  let current: (typeof units)[number] | undefined;
  for (const line of lines.slice(start + 1)) {
    const tokens = line.text.split(/\s+/).filter((t) => t !== '');
    if (/^\d+$/.test(tokens[0] ?? '') && Number(tokens[0]) === units.length + 1) {
      current = { name: '' };
      units.push(current);
      tokens.shift();
    }
    if (!current || tokens.length === 0) continue;
    if (current.nameLine === undefined) {
      current.nameLine = line.number;
      current.name = tokens[0] ?? '';
      if (tokens.length > 1) current.note = tokens.slice(1).join(' ');
    } else current.name += tokens.join('');
  }
  return units.map(({ name, note }) => ({ name, ...(note ? { note } : {}) }));
}

export function missingProblem(part: string, missing: readonly string[], line: number): ImportProblem {
  return { line, reason: `未读入 ${part}：找不到 ${missing.join('、')}，此部分须另行补录` };
}

/** 三公 details beside the table (Hubei): the units covered, trips, vehicles and receptions by kind. */
export function readThreePublicDetails(sections: readonly NarrativeSection[]): SectionResult<Record<string, unknown>> {
  const raw = sections.filter((s) => /三公/.test(s.heading)).map((s) => s.text).join('\n');
  const text = normalise(raw);
  const missing: string[] = [];
  const get = (label: string, pattern: string) => {
    const value = match(text, pattern);
    if (value === undefined) missing.push(label);
    return value;
  };
  const count = (label: string, pattern: string) => Number(get(label, pattern));
  const amount = (label: string, pattern: string) => amountText(get(label, pattern) ?? '');
  const scope = /“三公”经费的单位包括(.+?)。/.exec(raw.replace(/\n/g, ''))?.[1]?.trim();
  if (scope === undefined) missing.push('“三公”经费的单位范围');
  const reception = (kind: string) => ({
    batches: count(`${kind}批次`, `${kind}${COUNT}批次`),
    people: count(`${kind}人次`, `${kind}\\d+批次${COUNT}人次`),
    amount: amount(`${kind}支出`, `${kind}\\d+批次\\d+人次[,，]实际发生支出${AMOUNT}万元`),
  });
  const value = {
    scope,
    overseasTrips: {
      groups: count('因公出国（境）团组', `团组${COUNT}个`),
      people: count('因公出国（境）人次', `团组\\d+个，${COUNT}人次`),
      accommodation: amount('住宿费', `住宿费${AMOUNT}万元`),
      travel: amount('旅费', `旅费${AMOUNT}万元`),
      meals: amount('伙食补助费', `伙食补助费${AMOUNT}万元`),
      training: amount('培训费', `培训费${AMOUNT}万元`),
      miscellaneous: amount('杂费', `杂费${AMOUNT}万元`),
    },
    vehiclesPurchased: count('购置（更新）公务用车', `购置（更新）公务用车${COUNT}辆`),
    vehiclesHeld: count('公务用车保有量', `公务用车保有量${COUNT}辆`),
    receptions: { international: reception('国际访问'), largeEvents: reception('大型活动'), otherProvinces: reception('外省市交流接待') },
  };
  return missing.length > 0 ? { missing } : { value };
}

/** 单位咨询电话 and the date closing the narrative (the report's signature), where printed. */
export function readDepartmentExtras(lines: readonly TextLine[], sections: readonly NarrativeSection[]): { contactPhone?: string; publishedOn?: string } {
  const phone = lines.map((line) => /咨询电话[：:]\s*([\d-]{7,})/.exec(line.text)?.[1]).find((p) => p !== undefined);
  const last = sections[sections.length - 1]?.text.split('\n').pop() ?? '';
  const date = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(last);
  const publishedOn = date ? `${date[1]}-${(date[2] ?? '').padStart(2, '0')}-${(date[3] ?? '').padStart(2, '0')}` : undefined;
  return { ...(phone ? { contactPhone: phone } : {}), ...(publishedOn ? { publishedOn } : {}) };
}

/**
 * 重点工作完成情况 (Hubei 第四部分): the table after the items' text, 序号 | 重要事项 | 工作内容及目标 |
 * 完成情况. The extraction prints a row's content lines, then its outcome lines (a page break
 * interleaves them). A line continues the content while it continues the item's narrative text,
 * and a short line closes the content column.
 */
export function readKeyWork(lines: readonly TextLine[], sections: readonly NarrativeSection[]): SectionResult<{ item: string; content: string; outcome: string }[]> & { line: number } {
  const header = lines.findIndex((line) => /^序号\s*重要事项\s*工作内容/.test(line.text));
  const line = lines[header]?.number ?? lines[lines.length - 1]?.number ?? 1;
  if (header < 0) return { missing: ['“序号 重要事项 工作内容及目标 完成情况”表'], line };
  const end = lines.findIndex((l, i) => i > header && PART.test(l.text));
  const body = lines.slice(header + 1, end < 0 ? lines.length : end);
  const items = sections.filter((s) => s.line < (lines[header]?.number ?? 0) && /^[一二三四五六七八九十]+、/.test(s.heading));
  const rows: { item: string; content: string; outcome: string }[] = [];
  const missing: string[] = [];
  let at = 0;
  for (let n = 1; at < body.length; n += 1) {
    const start = body.findIndex((l, i) => i >= at && l.text === String(n));
    if (start < 0) break;
    const next = body.findIndex((l, i) => i > start && l.text === String(n + 1));
    const rowLines = body.slice(start + 1, next < 0 ? body.length : next).map((l) => l.text);
    at = next < 0 ? body.length : next;
    // The item's name is printed over several lines; its narrative section has it whole.
    let name = '';
    let k = 0;
    const known = items.map((s) => normalise(s.heading.replace(/^[一二三四五六七八九十]+、/, '')));
    while (k < rowLines.length && known.some((item) => item !== normalise(name) && item.startsWith(normalise(name + (rowLines[k] ?? ''))))) {
      name += rowLines[k] ?? '';
      k += 1;
    }
    const section = items[known.indexOf(normalise(name))];
    if (!section) {
      missing.push(`第 ${n} 项的名称（与第四部分各节标题对不上）`);
      continue;
    }
    const cells = rowLines.slice(k);
    const widest = Math.max(0, ...cells.map((c) => c.length));
    let remaining = normalise(section.text);
    let contentDone = false;
    let content = '';
    let outcome = '';
    for (const cell of cells) {
      const words = normalise(cell).replace(/[。，；]$/, '');
      if (!contentDone && words !== '' && remaining.startsWith(words)) {
        content += cell;
        remaining = remaining.slice(words.length).replace(/^[。，；]/, '');
        if (cell.length < widest * 0.6) contentDone = true;
      } else outcome += cell;
    }
    rows.push({ item: name, content, outcome });
  }
  if (rows.length === 0) missing.push('表中各项');
  return missing.length > 0 ? { missing, line } : { value: rows, line };
}
