// comparisons: the prior-year figures the narrative implies (current − the stated change, as the
// hand transcriptions store them) and the initial budget with its lines by subject. A figure the
// narrative does not compare stays absent; a budget line whose subject is not in the year's
// catalogue is reported.

import { findFunctionalSubject, FUNCTIONAL_CLASSES, functionalSubjectsFor } from '../../accounts/classification';
import { parseAmount, toAmountText } from '../../accounts/money';
import type { Template } from '../../accounts/templates';
import { amountText, normalise } from './lines';
import type { NarrativeSection } from './narrative';
import type { SectionResult } from './sections';

const AMOUNT = '(\\d[\\d,]*(?:\\.\\d{1,2})?)';
const decimals = (text: string) => text.split('.')[1]?.length ?? 0;

/** current − change, printed with as many decimals as the figures the narrative gives. */
function priorFigure(current: string, change: { sign: 1 | -1 | 0; amount: string }): string {
  const places = Math.max(decimals(current), decimals(change.amount));
  const cents = parseAmount(current) - BigInt(change.sign) * parseAmount(change.amount);
  const text = toAmountText(cents);
  if (places === 2) return text;
  const [whole = '0', fraction = '00'] = text.split('.');
  return places === 0 && fraction === '00' ? whole : places === 1 && fraction.endsWith('0') ? `${whole}.${fraction[0] ?? '0'}` : text;
}

/** "增加 1,792.56 万元" | "减少…" | "持平" in the text after `from`. */
function changeIn(text: string): { sign: 1 | -1 | 0; amount: string } | undefined {
  const moved = new RegExp(`^[^。]*?(增加|减少)${AMOUNT}万元`).exec(text);
  const level = /^[^。]*?持平/.exec(text);
  if (moved && (!level || moved.index <= level.index) && (!level || (moved[0].length <= level[0].length))) {
    return { sign: moved[1] === '增加' ? 1 : -1, amount: amountText(moved[2] ?? '0') };
  }
  return level ? { sign: 0, amount: '0' } : undefined;
}

/** "SUBJECT…X万元。与 2020 年度相比，…增加 Y 万元": prior X − Y, X as the table prints it where it does. */
function compared(text: string, subject: string, tableFigure?: string): string | undefined {
  const found = new RegExp(`${subject}${AMOUNT}万元[^。]*?。?(?:与\\d{4}年度相比|比\\d{4}年度)`).exec(text);
  if (!found?.[1]) return undefined;
  const change = changeIn(text.slice(found.index + found[0].length));
  return change ? priorFigure(tableFigure ?? amountText(found[1]), change) : undefined;
}

function sectionText(sections: readonly NarrativeSection[], heading: RegExp): string {
  return normalise(sections.filter((s) => heading.test(s.heading)).map((s) => s.text).join('\n'));
}

function threePublicPrior(text: string): Record<string, string> | undefined {
  const currents = {
    total: new RegExp(`(?:支出决算为|支出决算数为)${AMOUNT}万元`).exec(text)?.[1],
    overseasTrips: new RegExp(`因公出国（境）费(?:支出)?决算为${AMOUNT}万元`).exec(text)?.[1],
    vehicles: new RegExp(`公务用车购置及运行(?:维护)?费(?:支出)?决算为${AMOUNT}万元`).exec(text)?.[1],
    receptions: new RegExp(`公务接待费(?:支出)?决算为${AMOUNT}万元`).exec(text)?.[1],
  };
  const sentence = /"三公"经费财政拨款支出决算数(?:比\d{4}年度|与\d{4}年度)([^。]*。?(?:其中：[^。]*)?)/.exec(text)?.[1];
  if (!sentence) return undefined;
  const [head = '', items = ''] = sentence.split('其中：');
  const parts = items.split(/[；;,，](?=[^；;,，]*(?:因公出国|公务用车|公务接待))/);
  const itemChange = (word: string) => {
    const part = parts.find((p) => p.includes(word));
    return part === undefined ? undefined : changeIn(part);
  };
  const changes = { total: changeIn(head), overseasTrips: itemChange('因公出国'), vehicles: itemChange('公务用车'), receptions: itemChange('公务接待') };
  const out: Record<string, string> = {};
  for (const key of ['total', 'overseasTrips', 'vehicles', 'receptions'] as const) {
    const current = currents[key];
    const change = changes[key];
    if (current !== undefined && change) out[key] = priorFigure(amountText(current), change);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The current figures the tables print for the totals the narrative compares (its own figure may be misprinted). */
export interface TableTotals {
  totalIncomeExpenditure?: string;
  appropriationIncomeExpenditure?: string;
  appropriationExpenditure?: string;
}

export function readPriorYear(sections: readonly NarrativeSection[], totals: TableTotals): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  set('totalIncomeExpenditure', compared(sectionText(sections, /^一、/), '收入?、?支出?总计', totals.totalIncomeExpenditure));
  set('appropriationIncomeExpenditure', compared(sectionText(sections, /^四、/), '财政拨款收入?、?支出?总计', totals.appropriationIncomeExpenditure));
  set('appropriationExpenditure', compared(sectionText(sections, /^五、/), '(?:一般公共预算)?财政拨款支出', totals.appropriationExpenditure));
  set('agencyOperatingCosts', compared(sectionText(sections, /机关运行经费|其他重要事项/), '机关运行经费支出'));
  set('threePublicExpenses', threePublicPrior(sectionText(sections, /三公/)));
  return Object.keys(out).length > 0 ? out : undefined;
}

const CLASS_BY_NAME = new Map(FUNCTIONAL_CLASSES.map((c) => [c.name, c.code]));

export interface BudgetReading {
  value?: Record<string, unknown>;
  missing?: string[];
  unknown: string[];
}

/**
 * 年初预算: the total ("一般公共预算财政拨款支出年初预算为 X 万元", with 全年预算 beside it
 * where printed) and its lines, by 类 ("1.一般公共服务支出(类)。年初预算为…") or by 项
 * ("1、…（类）…（款）…（项）。主要用于：…。年初预算为…。支出决算为…。决算数…").
 * `spent` is the 支出决算 of each 项 as the department's 一般公共预算财政拨款支出决算表 prints it:
 * a line whose 项 name is not in the catalogue is placed by it (see lineByTable).
 */
export function readInitialBudget(sections: readonly NarrativeSection[], template: Template, spent: ReadonlyMap<string, string> = new Map()): BudgetReading {
  const section = sections.find((s) => /^五、/.test(s.heading));
  const raw = (section?.text ?? '').replace(/\n/g, '');
  const { text, at } = compactWithMap(raw);
  const total = new RegExp(`一般公共预算财政拨款支出年初预算为${AMOUNT}万元`).exec(text)?.[1];
  const adjusted = new RegExp(`一般公共预算财政拨款支出年初预算为${AMOUNT}万元，全年预算为${AMOUNT}万元`).exec(text)?.[2];
  if (total === undefined) return { missing: ['一般公共预算财政拨款支出年初预算为 X 万元'], unknown: [] };
  // Each line of the budget starts "1、…（类）" or "1. …（类）" and runs to the next.
  const starts = [...text.matchAll(/\d+[、.．][^。，；\d]{1,30}?（类）/g)].map((m) => m.index);
  const items = starts.map((from, i) => ({ from, item: text.slice(from, starts[i + 1] ?? text.length) }));
  const named = (item: string) => /^\d+[、.．](.+?)（类）(.+?)（款）(.+?)（项）/.exec(item);
  // The codes the lines name by the catalogue: a line placed by the table cannot take one of them.
  const claimed = new Set(template.sections.initialBudgetLevel === 'class' ? [] : items.flatMap(({ item }) => {
    const names = named(item);
    const code = names ? itemCode(template.fiscalYear, names[1] ?? '', names[2] ?? '', names[3] ?? '')?.code : undefined;
    return code ? [code] : [];
  }));
  const bySubject: Record<string, unknown>[] = [];
  const unknown: string[] = [];
  for (const { from, item } of items) {
    const rawItem = (a: number, b: number) => raw.slice(at(from + a), at(from + b)).trim();
    const budget = new RegExp(`(年初|全年)预算为${AMOUNT}万元`).exec(item);
    if (!budget) continue;
    const amountKey = budget[1] === '全年' ? 'adjustedBudget' : 'amount';
    const amount = amountText(budget[2] ?? '0');
    if (template.sections.initialBudgetLevel === 'class') {
      const name = /^\d+[、.．](.+?)（类）/.exec(item)?.[1];
      const code = name === undefined ? undefined : CLASS_BY_NAME.get(name);
      if (!code) unknown.push(`${item.slice(0, 30)}…：不是支出功能分类的类名，此行未读入`);
      else bySubject.push({ code, [amountKey]: amount });
      continue;
    }
    const names = named(item);
    const actual = new RegExp(`支出决算为${AMOUNT}万元`).exec(item)?.[1];
    const found = names
      ? itemCode(template.fiscalYear, names[1] ?? '', names[2] ?? '', names[3] ?? '')
        ?? lineByTable(template.fiscalYear, names[1] ?? '', names[2] ?? '', names[3] ?? '', actual, spent, claimed)
      : undefined;
    if (!names || !found) {
      unknown.push(`${item.slice(0, 40)}…：科目名称在 ${template.fiscalYear} 年度科目表中找不到，此行未读入`);
      continue;
    }
    if (found.note) unknown.push(`${item.slice(0, 40)}…：${found.note}，请核对`);
    const code = found.code;
    const purpose = /主要用于：(.+?)。?(?:年初|全年)预算为/.exec(item);
    const explanation = /决算数[^。]*?(?:主要原因：[^。]*。|持平。)/.exec(item.slice(budget.index));
    const purposeStart = purpose ? purpose.index + '主要用于：'.length : 0;
    bySubject.push({
      code, name: names[3],
      [amountKey]: amount,
      ...(purpose ? { purpose: rawItem(purposeStart, purposeStart + (purpose[1] ?? '').length).replace(/。$/, '') } : {}),
      ...(explanation ? { explanation: rawItem(budget.index + explanation.index, budget.index + explanation.index + explanation[0].length) } : {}),
    });
  }
  return {
    value: {
      generalPublicBudgetExpenditure: amountText(total),
      ...(adjusted ? { adjustedGeneralPublicBudgetExpenditure: amountText(adjusted) } : {}),
      bySubject,
    },
    unknown,
  };
}

/**
 * A line whose 项 name the catalogue does not know ("机关事业单位退休人员活动费支出"), placed by
 * the department's own table: the one 项 under the printed 类 and 款 whose 支出决算 is the
 * line's, and that no other line names. Noted, to be checked; none when the figure is not
 * printed or no single row fits.
 */
function lineByTable(
  fiscalYear: number, className: string, sectionName: string, itemName: string,
  actual: string | undefined, spent: ReadonlyMap<string, string>, claimed: ReadonlySet<string>,
): { code: string; note: string } | undefined {
  const classCode = CLASS_BY_NAME.get(className);
  const section = classCode ? (functionalSubjectsFor(fiscalYear) ?? []).find((s) => s.code.length === 5 && s.code.startsWith(classCode) && s.name === sectionName) : undefined;
  if (!section || actual === undefined) return undefined;
  const cents = parseAmount(amountText(actual));
  const fits = [...spent].filter(([code, figure]) => code.length === 7 && code.startsWith(section.code) && !claimed.has(code) && parseAmount(figure) === cents);
  const [only] = fits;
  if (fits.length !== 1 || !only) return undefined;
  const subject = findFunctionalSubject(fiscalYear, only[0]);
  return {
    code: only[0],
    note: `“${itemName}”不在科目表中，按一般公共预算财政拨款支出决算表“${sectionName}”款下支出决算同为 ${amountText(actual)} 万元的一行归入 ${only[0]}${subject ? ` ${subject.name}` : ''}`,
  };
}

/** normalise() with, for each character kept, its index in the raw text (to quote the raw words). */
function compactWithMap(raw: string): { text: string; at: (i: number) => number } {
  let text = '';
  const index: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const folded = normalise(raw[i] ?? '');
    for (const ch of folded) {
      text += ch;
      index.push(i);
    }
  }
  return { text, at: (i: number) => (i >= index.length ? raw.length : (index[i] ?? raw.length)) };
}

/**
 * A 项's code from its printed class, 款 and 项 names, by the year's catalogue. When the chain
 * does not match, a 项 name found once under the class, or "其他…支出" under the 款 (its 99
 * line), gives the code with a note to check it.
 */
function itemCode(fiscalYear: number, className: string, sectionName: string, itemName: string): { code: string; note?: string } | undefined {
  const classCode = CLASS_BY_NAME.get(className);
  const subjects = functionalSubjectsFor(fiscalYear) ?? [];
  if (!classCode) return undefined;
  const section = subjects.find((s) => s.code.length === 5 && s.code.startsWith(classCode) && s.name === sectionName);
  const item = section ? subjects.find((s) => s.code.length === 7 && s.code.startsWith(section.code) && s.name === itemName) : undefined;
  if (item) return { code: item.code };
  const byName = subjects.filter((s) => s.code.length === 7 && s.code.startsWith(classCode) && s.name === itemName);
  if (byName.length === 1 && byName[0]) {
    return { code: byName[0].code, note: `印作“${sectionName}（款）”，按项名“${itemName}”归入 ${byName[0].code}` };
  }
  const other = section && /^其他/.test(itemName) ? findFunctionalSubject(fiscalYear, `${section.code}99`) : undefined;
  if (other) return { code: other.code, note: `“${itemName}”不在科目表中，按“其他”归入 ${other.code} ${other.name}` };
  return undefined;
}

export function readComparisons(
  sections: readonly NarrativeSection[], template: Template, totals: TableTotals, spent: ReadonlyMap<string, string> = new Map(),
): SectionResult<Record<string, unknown>> & { unknown: string[] } {
  const priorYear = readPriorYear(sections, totals);
  const initial = readInitialBudget(sections, template, spent);
  if (!initial.value) return { missing: initial.missing ?? [], unknown: initial.unknown };
  return { value: { ...(priorYear ? { priorYear } : {}), initialBudget: initial.value }, unknown: initial.unknown };
}

/**
 * What the 三公 narrative says each column of the 三公 table holds: "公务接待费支出决算为 0 万元，
 * 完成年初预算的 0.0%，比年初预算减少 0.6 万元" puts 0.6 in the budget of receptions. Used only
 * to place the table's figures when blank cells leave them ambiguous.
 */
export function threePublicHints(sections: readonly NarrativeSection[]): Map<string, bigint> {
  const text = sectionText(sections, /三公/);
  const hints = new Map<string, bigint>();
  const items: readonly (readonly [string, string])[] = [
    ['OverseasTrips', '因公出国（境）费'], ['Vehicles', '公务用车购置及运行(?:维护)?费'], ['VehiclePurchase', '公务用车购置费'],
    ['VehicleOperation', '公务用车运行(?:维护)?费'], ['Receptions', '公务接待费'],
  ];
  for (const [item, words] of items) {
    const found = new RegExp(`${words}(?:支出)?(?:决算为)?${AMOUNT}万元，完成年初预算的[^，。]*，比年初预算(增加|减少)${AMOUNT}万元`).exec(text);
    if (!found) continue;
    const actual = parseAmount(amountText(found[1] ?? '0'));
    const change = parseAmount(amountText(found[3] ?? '0'));
    hints.set(`actual${item}`, actual);
    hints.set(`budget${item}`, found[2] === '增加' ? actual - change : actual + change);
  }
  const total = new RegExp(`"三公"经费财政拨款(?:支出)?年初预算数?为${AMOUNT}万元`).exec(text)?.[1];
  if (total !== undefined) hints.set('budgetTotal', parseAmount(amountText(total)));
  return hints;
}
