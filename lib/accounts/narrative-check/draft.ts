// A narrative drafted from the figures, in the layout family's wording: totals, shares,
// year-on-year change where the prior year is known, budget completion, 三公, 机关运行经费,
// procurement, assets. It reads the same facts the checker compares with, so a draft passes
// checkNarrative unchanged; a percentage of a zero base is left out, never printed as 0%.

import { CellGrid } from '../cells';
import { absCents, type Cents } from '../money';
import { CHANGE_WORDS, formatPercentAt, percentOf, sharesOf, yearOnYear } from '../narrative';
import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates';
import { FactBook, type Figure, type ShareSetId } from './facts';
import { wordingFor, type Part, type Wording } from './wording';

interface Draft {
  book: FactBook;
  doc: TFinalAccounts;
  template: Template;
  w: Wording;
  fy: number;
}

const value = (figure: Figure | undefined): Cents => figure?.value ?? 0n;
const count = (figure: Figure | undefined): string => (value(figure) / 100n).toString();
const money = (d: Draft, figure: Figure | undefined): string => `${d.w.amount(value(figure))}万元`;
const percent = (d: Draft, units: bigint): string => formatPercentAt(units, d.w.decimals);

/** "增加1,792.56万元，增长164.4%", "减少0.60万元" (prior zero: no rate), or "持平". */
function change(d: Draft, current: Figure | undefined, prior: Figure): string {
  const yoy = yearOnYear(value(current), prior.value, d.w.decimals);
  if (yoy.direction === 'unchanged') return '持平';
  const words = CHANGE_WORDS[yoy.direction];
  const rate = yoy.growth === undefined ? '' : `，${words.rate}${percent(d, absCents(yoy.growth))}`;
  return `${words.amount}${d.w.amount(absCents(yoy.change))}万元${rate}`;
}

/** "与2020年度相比，收、支总计各增加…。" — nothing when the prior year is not known. */
function compared(d: Draft, name: string, key: string, both = ''): string {
  const fact = d.book.fact(key);
  if (!fact?.prior) return '';
  const words = change(d, fact.current, fact.prior);
  return `与${d.fy - 1}年度相比，${name}${words === '持平' ? '' : both}${words}。`;
}

/** "比2020年度增加…" or "与2020年度持平". */
function sincePrior(d: Draft, current: Figure | undefined, prior: Figure): string {
  const words = change(d, current, prior);
  return words === '持平' ? `与${d.fy - 1}年度持平` : `比${d.fy - 1}年度${words}`;
}

/** Shares of one set, by largest remainder, for the members that are not zero. */
function shares(d: Draft, id: ShareSetId, name: (key: string) => string, prefix: string): string[] {
  const set = d.book.shareSet(id);
  const units = sharesOf(set.members.map((m) => m.figure.value), d.w.decimals);
  return set.members.flatMap((m, i) => (m.figure.value === 0n ? [] : [`${name(m.key)}${money(d, m.figure)}，${prefix}${percent(d, units[i] ?? 0n)}`]));
}

/** "，完成年初预算的136.0%", or nothing against a zero budget. */
function completion(d: Draft, actual: Figure | undefined, budget: Figure | undefined, words = '年初预算'): string {
  const rate = percentOf(value(actual), value(budget), d.w.decimals);
  return rate === undefined ? '' : `，完成${words}的${percent(d, rate)}`;
}

function versusBudget(actual: Figure | undefined, budget: Figure | undefined): string {
  const difference = value(actual) - value(budget);
  return difference > 0n ? '决算数大于预算数。' : difference < 0n ? '决算数小于预算数。' : '决算数与预算数持平。';
}

const classNames = (template: Template): Map<string, string> =>
  new Map(template.tables.incomeExpenditureSummary.rows.flatMap((row) => (row.functionalClass ? [[row.functionalClass, row.label.replace(/^[一二三四五六七八九十]+、/, '')] as const] : [])));

const INCOME_NAMES: Readonly<Record<string, string>> = {
  appropriationIncome: '财政拨款收入', 'income.higherLevelGrants': '上级补助收入', 'income.serviceIncome': '事业收入',
  'income.operatingIncome': '经营收入', 'income.affiliateRemittances': '附属单位上缴收入', 'income.otherIncome': '其他收入',
};
const EXPENDITURE_NAMES: Readonly<Record<string, string>> = {
  'expenditure.basic': '基本支出', 'expenditure.project': '项目支出', 'expenditure.remittancesToHigherLevel': '上缴上级支出',
  'expenditure.operating': '经营支出', 'expenditure.grantsToAffiliates': '对附属单位补助支出',
};

function generalBudget(d: Draft): string {
  const { book, w } = d;
  const total = book.fact('generalBudget');
  const expenditureTotal = book.fact('expenditureTotal')?.current;
  const share = percentOf(value(total?.current), value(expenditureTotal), w.decimals);
  const names = classNames(d.template);
  const classes = shares(d, 'classes', (key) => `${names.get(key.slice('class:'.length)) ?? ''}（类）`, '占');
  const lines = [
    '（一）一般公共预算财政拨款支出决算总体情况',
    `${w.generalBudget}${money(d, total?.current)}${share === undefined ? '' : `，占本年支出合计的${percent(d, share)}`}。${compared(d, w.generalBudget, 'generalBudget')}`,
    '（二）一般公共预算财政拨款支出决算结构情况',
    `${w.generalBudget}${money(d, total?.current)}${classes.length ? `，主要用于以下方面：${classes.join('；')}` : ''}。`,
    '（三）一般公共预算财政拨款支出决算具体情况',
    `${w.generalBudget}年初预算为${money(d, total?.budget)}，支出决算为${money(d, total?.current)}${completion(d, total?.current, total?.budget)}。` +
      `${versusBudget(total?.current, total?.budget)}其中：基本支出${money(d, book.fact('generalBudget.basic')?.current)}，项目支出${money(d, book.fact('generalBudget.project')?.current)}。`,
  ];
  d.doc.comparisons.initialBudget.bySubject.forEach((line, i) => {
    const fact = book.fact(line.code.length === 3 ? `class:${line.code}` : `item:${line.code}`);
    lines.push(`${i + 1}、${subjectPhrase(d, names, line.code, line.name)}。年初预算为${money(d, fact?.budget)}，支出决算为${money(d, fact?.current)}` +
      `${completion(d, fact?.current, fact?.budget)}。${versusBudget(fact?.current, fact?.budget)}`);
  });
  return lines.join('\n');
}

/** "一般公共服务支出（类）" or "一般公共服务支出（类）财政事务（款）行政运行（项）". */
function subjectPhrase(d: Draft, names: Map<string, string>, code: string, printed: string | undefined): string {
  const className = `${names.get(code.slice(0, 3)) ?? ''}（类）`;
  if (code.length === 3) return className;
  const rows = d.doc.tables.generalBudgetExpenditure.rows;
  const section = rows.find((r) => r.row === code.slice(0, 5))?.name;
  const item = printed ?? rows.find((r) => r.row === code)?.name ?? '';
  return `${className}${section ? `${section}（款）` : ''}${item}（项）`;
}

function threePublic(d: Draft): string {
  const { book, w } = d;
  const total = book.fact('three.total');
  const priorTotal = total?.prior;
  if (value(total?.budget) === 0n && value(total?.current) === 0n && (!priorTotal || priorTotal.value === 0n)) {
    return `${d.fy}年度无“三公”经费财政拨款支出。${vehicleCounts(d)}`;
  }
  const items: readonly (readonly [string, string])[] = [
    ['three.overseasTrips', '因公出国（境）费'], ['three.vehicles', w.vehicles], ['three.vehiclePurchase', '公务用车购置费'],
    ['three.vehicleOperation', w.vehicleOperation], ['three.receptions', '公务接待费'],
  ];
  const budget = items.map(([key, name]) => {
    const fact = book.fact(key);
    return `${name}支出决算为${money(d, fact?.current)}${completion(d, fact?.current, fact?.budget, '预算')}`;
  });
  const sentences = [`“三公”经费财政拨款支出年初预算为${money(d, total?.budget)}，支出决算为${money(d, total?.current)}${completion(d, total?.current, total?.budget, '预算')}，其中：${budget.join('；')}。`];
  if (value(total?.current) !== 0n) {
    const names = Object.fromEntries(items);
    sentences.push(`“三公”经费财政拨款支出决算中，${shares(d, 'threePublic', (key) => `${names[key] ?? ''}支出决算`, '占').join('；')}。`);
  }
  const years = items.flatMap(([key, name]) => {
    const fact = book.fact(key);
    return fact?.prior ? [`${name}支出决算${sincePrior(d, fact.current, fact.prior)}`] : [];
  });
  if (priorTotal) sentences.push(`${d.fy}年度“三公”经费财政拨款支出决算数${sincePrior(d, total?.current, priorTotal)}。`);
  if (years.length) sentences.push(`${years.join('；')}。`);
  return sentences.join('') + vehicleCounts(d);
}

function vehicleCounts(d: Draft): string {
  if (!d.doc.threePublicExpenses) return '';
  return `本年度购置（更新）公务用车${count(d.book.fact('three.vehiclesPurchased')?.count)}辆，开支财政拨款的公务用车保有量${count(d.book.fact('three.vehiclesHeld')?.count)}辆。`;
}

function fund(d: Draft, kind: 'fund' | 'capital', name: string): string {
  const f = (key: string) => d.book.fact(`${kind}.${key}`)?.current;
  const figures = ['openingBalance', 'income', 'expenditure', 'closingBalance'].map(f);
  if (figures.every((figure) => value(figure) === 0n)) return `${d.fy}年度无${name}收入和支出。`;
  if (kind === 'capital' && d.template.family === 'hubei') return `${d.fy}年度${name}本年支出${money(d, f('expenditure'))}。`;
  return `${d.fy}年度${name}年初结转和结余${money(d, figures[0])}，本年收入${money(d, figures[1])}，本年支出${money(d, figures[2])}，年末结转和结余${money(d, figures[3])}。`;
}

function performance(d: Draft): string {
  const management = d.doc.performance.management;
  if (!management) return '';
  const covered = (key: string, words: string) => {
    const fact = d.book.fact(`performance.${key}`);
    return `${words}的${d.fy}年度项目${count(fact?.count)}个，涉及预算金额${money(d, fact?.current)}`;
  };
  const ratings = (['优', '良', '合格', '不合格'] as const).map((rating, i) =>
    `绩效评级为“${rating}”的项目${[management.ratings.excellent, management.ratings.good, management.ratings.pass, management.ratings.fail][i]}个`);
  const { problems } = management;
  return `${d.fy}年度预算绩效管理工作开展情况如下：${covered('targetSetting', '编报绩效目标')}；${covered('tracking', '绩效跟踪评价')}；` +
    `${covered('selfEvaluation', '绩效自评')}，平均得分${d.w.amount(value(d.book.fact('performance.selfEvaluation')?.score))}分（其中，${ratings.join('；')}。` +
    `绩效自评中共发现问题${problems.found}个${problems.fixed === undefined ? '' : `，已经完成整改的${problems.fixed}个`}${problems.fixing === undefined ? '' : `，正在整改的${problems.fixing}个`}）。`;
}

function procurement(d: Draft): string {
  const { procurement: p } = d.doc;
  const f = (key: string) => d.book.fact(`procurement.${key}`)?.current;
  const [goods, works, services] = d.w.procurementKinds;
  const text = [`${d.fy}年度${d.w.procurementTotal}${money(d, f('total'))}，其中：${goods}${money(d, f('goods'))}、${works}${money(d, f('works'))}、${services}${money(d, f('services'))}。`];
  if (p.toSmes !== undefined) {
    const smes = percentOf(value(f('toSmes')), value(f('total')), d.w.decimals);
    const small = percentOf(value(f('toSmallAndMicro')), value(f('toSmes')), d.w.decimals);
    text.push(`授予中小企业合同金额${money(d, f('toSmes'))}${smes === undefined ? '' : `，占政府采购支出总额的${percent(d, smes)}`}` +
      (p.toSmallAndMicro === undefined ? '' : `，其中：授予小微企业合同金额${money(d, f('toSmallAndMicro'))}${small === undefined ? '' : `，占授予中小企业合同金额的${percent(d, small)}`}`) + '。');
  }
  if (p.reserved) {
    const r = (key: string) => money(d, f(`reserved.${key}`));
    text.push(`${d.fy}年度本部门面向中小企业预留政府采购项目预算金额${r('forSmes')}，面向小微企业预留政府采购项目预算金额${r('forSmallAndMicro')}。` +
      `在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额${r('awardedToSmes')}；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额${r('awardedToSmallAndMicro')}；` +
      `在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额${r('otherAwardedToSmes')}。`);
  }
  return text.join('');
}

const VEHICLE_KINDS = [
  ['principalLeaders', '主要领导干部用车'], ['confidentialCommunications', '机要通信用车'], ['emergency', '应急保障用车'], ['lawEnforcement', '执法执勤用车'],
  ['specialTechnical', '特种专业技术用车'], ['retiredCadres', '离退休干部用车'], ['other', '其他用车'],
] as const;

function assets(d: Draft): string {
  const { assets: a } = d.doc;
  const kinds = [`${d.w.ministerialLeaders}${a.vehiclesByKind.ministerialLeaders}辆`, ...VEHICLE_KINDS.map(([key, name]) => `${name}${a.vehiclesByKind[key]}辆`)];
  const equipment = [
    a.generalEquipmentOver500k === undefined ? '' : `单价50万元（含）以上通用设备${a.generalEquipmentOver500k}台（套）`,
    a.specialEquipmentOver1m === undefined ? '' : `单价100万元（含）以上专用设备${a.specialEquipmentOver1m}台（套）`,
    a.equipmentOver1m === undefined ? '' : `单价100万元（含）以上设备（不含车辆）${a.equipmentOver1m}台（套）`,
  ].filter(Boolean);
  return `截至${d.fy}年12月31日，共有车辆${a.vehicles}辆，其中：${kinds.join('、')}。${equipment.length ? `${equipment.join('，')}。` : ''}`;
}

const PARTS: Readonly<Record<Part, (d: Draft) => string>> = {
  overall: (d) => `${d.fy}年度${d.w.totalIncomeExpenditure}${money(d, d.book.fact('totalIncomeExpenditure')?.current)}。${compared(d, d.w.totalIncomeExpenditure, 'totalIncomeExpenditure', d.w.both)}`,
  income: (d) => {
    const sources = shares(d, 'incomeSources', (key) => INCOME_NAMES[key] ?? '', '占本年收入');
    return `${d.fy}年度收入合计${money(d, d.book.fact('incomeTotal')?.current)}${sources.length ? `。其中：${sources.join('；')}` : ''}。`;
  },
  expenditure: (d) => {
    const kinds = shares(d, 'expenditureKinds', (key) => EXPENDITURE_NAMES[key] ?? '', '占本年支出');
    return `${d.fy}年度支出合计${money(d, d.book.fact('expenditureTotal')?.current)}${kinds.length ? `。其中：${kinds.join('；')}` : ''}。`;
  },
  appropriation: (d) => `${d.fy}年度${d.w.appropriationTotal}${money(d, d.book.fact('appropriationTotal')?.current)}。${compared(d, d.w.appropriationTotal, 'appropriationTotal', d.w.both)}`,
  generalBudget,
  basic: (d) => `一般公共预算财政拨款基本支出${money(d, d.book.fact('generalBudget.basic')?.current)}。其中：人员经费${money(d, d.book.fact('personnel')?.current)}；公用经费${money(d, d.book.fact('operating')?.current)}。`,
  threePublic,
  governmentFund: (d) => fund(d, 'fund', '政府性基金预算财政拨款'),
  stateCapital: (d) => fund(d, 'capital', '国有资本经营预算财政拨款'),
  performance,
  agencyOperatingCosts: (d) => {
    const fact = d.book.fact('agencyOperatingCosts');
    return `${d.fy}年度机关运行经费支出${money(d, fact?.current)}${fact?.prior ? `，${sincePrior(d, fact.current, fact.prior)}` : ''}。`;
  },
  procurement,
  assets,
};

export function generateNarrative(doc: TFinalAccounts, template: Template): { heading: string; text: string }[] {
  const draft: Draft = { book: new FactBook(doc, template, CellGrid.of(doc)), doc, template, w: wordingFor(template.family), fy: doc.fiscalYear };
  return draft.w.sections.flatMap(([heading, parts]) => {
    const text = parts.map((part) => (typeof part === 'string' ? PARTS[part](draft) : `${part[0]}\n${PARTS[part[1]](draft)}`)).filter(Boolean).join('\n');
    return text ? [{ heading, text }] : [];
  });
}
