// The wording of the narrative as data: which section a heading opens, which phrase names
// which figure, and which phrase states a value about it. Patterns are regular-expression
// sources over normalized text (no whitespace; （）％： folded to ASCII). A new layout's wording
// is a new row here, not a new branch in the code. Where two rows can match at the same
// place, the earlier row wins: more specific phrases come first.

import type { SubjectKey } from './facts';

/** What a part of the narrative is about; decides what an ambiguous phrase ("基本支出") means. */
export type Scope =
  | 'overall' | 'income' | 'expenditure' | 'appropriation' | 'generalBudget' | 'basic' | 'threePublic'
  | 'governmentFund' | 'stateCapital' | 'agencyOperatingCosts' | 'procurement' | 'assets' | 'performance' | 'other';

/** Section headings, first match wins; null: a section whose figures are not claims (名词解释). */
export const SECTION_SCOPES: readonly (readonly [RegExp, Scope | null])[] = [
  [/名词解释/, null],
  [/三公/, 'threePublic'],
  [/基本支出/, 'basic'],
  [/政府性基金/, 'governmentFund'],
  [/国有资本经营/, 'stateCapital'],
  [/机关运行经费/, 'agencyOperatingCosts'],
  [/政府采购/, 'procurement'],
  [/国有资产/, 'assets'],
  [/绩效管理/, 'performance'],
  [/一般公共预算财政拨款支出/, 'generalBudget'],
  [/财政拨款收入支出/, 'appropriation'],
  [/收入支出决算总体/, 'overall'],
  [/收入决算/, 'income'],
  [/支出决算/, 'expenditure'],
  [/其他重要事项/, 'other'],
];

/** Sub-headings inside a section's text ("（一）机关运行经费支出情况") that open another scope. */
export const SUBSECTION_SCOPES: readonly (readonly [RegExp, Scope])[] = [
  [/机关运行经费/, 'agencyOperatingCosts'],
  [/政府采购/, 'procurement'],
  [/国有资产/, 'assets'],
];

/** A subject: one key everywhere, or a key per scope (elsewhere the phrase names nothing checked). */
export interface SubjectPhrase {
  pattern: string;
  subject: SubjectKey | Partial<Record<Scope, SubjectKey>>;
  /** "无…支出": the phrase itself states that the figures are zero. */
  statesNone?: true;
}

const Q = '[“"]?';
const QE = '[”"]?';
const YEAR = '(?:\\d{4}年度?)?';

export const SUBJECT_PHRASES: readonly SubjectPhrase[] = [
  // Totals of the two summary tables.
  { pattern: '财政拨款收入?、?支出?总计', subject: 'appropriationTotal' },
  { pattern: '收入?、?支出?总计', subject: 'totalIncomeExpenditure' },
  { pattern: '(?:本年)?收入合计', subject: 'incomeTotal' },
  { pattern: '(?:本年)?支出合计', subject: 'expenditureTotal' },
  // Income by source.
  { pattern: '一般公共预算财政拨款收入', subject: 'income.generalBudgetAppropriation' },
  { pattern: '政府性基金预算财政拨款收入', subject: 'income.governmentFundAppropriation' },
  { pattern: '国有资本经营预算财政拨款收入', subject: 'income.stateCapitalAppropriation' },
  { pattern: '财政拨款收入', subject: 'appropriationIncome' },
  { pattern: '上级补助收入', subject: 'income.higherLevelGrants' },
  { pattern: '事业收入', subject: 'income.serviceIncome' },
  { pattern: '附属单位上缴收入', subject: 'income.affiliateRemittances' },
  { pattern: '经营收入', subject: 'income.operatingIncome' },
  { pattern: '其他收入', subject: 'income.otherIncome' },
  // Expenditure: the general public budget, and basic/project by the section they are in.
  { pattern: '一般公共预算财政拨款基本支出', subject: 'generalBudget.basic' },
  { pattern: '一般公共预算财政拨款项目支出', subject: 'generalBudget.project' },
  { pattern: '一般公共预算财政拨款支出', subject: 'generalBudget' },
  { pattern: '财政拨款支出', subject: { generalBudget: 'generalBudget' } },
  { pattern: '基本支出', subject: { expenditure: 'expenditure.basic', generalBudget: 'generalBudget.basic', basic: 'generalBudget.basic' } },
  { pattern: '项目支出', subject: { expenditure: 'expenditure.project', generalBudget: 'generalBudget.project' } },
  { pattern: '上缴上级支出', subject: { expenditure: 'expenditure.remittancesToHigherLevel' } },
  { pattern: '对附属单位补助支出', subject: { expenditure: 'expenditure.grantsToAffiliates' } },
  { pattern: '经营支出', subject: { expenditure: 'expenditure.operating' } },
  { pattern: '人员经费', subject: { basic: 'personnel' } },
  { pattern: '公用经费', subject: { basic: 'operating' } },
  // 三公.
  { pattern: `无${Q}三公${QE}经费(?:财政拨款)?支出`, subject: 'three.total', statesNone: true },
  { pattern: `${Q}三公${QE}经费(?:财政拨款)?(?:支出)?`, subject: 'three.total' },
  { pattern: '因公出国\\(境\\)(?:费用?)?', subject: 'three.overseasTrips' },
  { pattern: '公务用车购置及运行(?:维护)?费', subject: 'three.vehicles' },
  { pattern: '购置\\(更新\\)公务用车', subject: 'three.vehiclesPurchased' },
  { pattern: '公务用车购置(?:费|支出)', subject: 'three.vehiclePurchase' },
  { pattern: '公务用车运行(?:维护)?(?:费|支出)', subject: 'three.vehicleOperation' },
  { pattern: '公务用车保有量', subject: 'three.vehiclesHeld' },
  { pattern: '(?:国内)?公务接待(?:费)?', subject: 'three.receptions' },
  // Government fund and state capital appropriations.
  { pattern: '无政府性基金预算财政拨款收入和支出', subject: 'fund.all', statesNone: true },
  { pattern: '无国有资本经营预算财政拨款收入和支出', subject: 'capital.all', statesNone: true },
  { pattern: '年初结转和结余', subject: { governmentFund: 'fund.openingBalance', stateCapital: 'capital.openingBalance' } },
  { pattern: '本年收入', subject: { governmentFund: 'fund.income', stateCapital: 'capital.income' } },
  { pattern: '本年支出', subject: { governmentFund: 'fund.expenditure', stateCapital: 'capital.expenditure' } },
  { pattern: '年末结转和结余', subject: { governmentFund: 'fund.closingBalance', stateCapital: 'capital.closingBalance' } },
  // Other figures.
  { pattern: '机关运行经费(?:支出)?', subject: 'agencyOperatingCosts' },
  { pattern: '政府采购(?:支出总额|金额(?:\\(以合同签订为准\\))?)', subject: 'procurement.total' },
  { pattern: '(?:政府采购)?货物(?:采购)?(?:支出|金额)', subject: { procurement: 'procurement.goods' } },
  { pattern: '(?:政府采购)?工程(?:采购)?(?:支出|金额)', subject: { procurement: 'procurement.works' } },
  { pattern: '(?:政府采购)?服务(?:采购)?(?:支出|金额)', subject: { procurement: 'procurement.services' } },
  { pattern: '授予中小企业合同金额', subject: 'procurement.toSmes' },
  { pattern: '授予小微企业合同金额', subject: 'procurement.toSmallAndMicro' },
  { pattern: '面向中小企业预留政府采购项目预算金额', subject: 'procurement.reserved.forSmes' },
  { pattern: '面向小微企业预留政府采购项目预算金额', subject: 'procurement.reserved.forSmallAndMicro' },
  { pattern: '在?面向中小企业预留的?政府采购项目中，?由中小企业供应商中标或成交的，?采购金额', subject: 'procurement.reserved.awardedToSmes' },
  { pattern: '在?面向小微企业预留的?政府采购项目中，?由小微企业供应商中标或成交的，?采购金额', subject: 'procurement.reserved.awardedToSmallAndMicro' },
  { pattern: '在?其他政府采购项目中，?由中小企业供应商中标或成交的，?采购金额', subject: 'procurement.reserved.otherAwardedToSmes' },
  { pattern: '共有车辆', subject: 'assets.vehicles' },
  { pattern: '(?:副部\\(省\\)级及以上|部级)领导(?:干部)?用车', subject: 'assets.ministerialLeaders' },
  { pattern: '主要领导干部用车', subject: 'assets.principalLeaders' },
  { pattern: '机要通信用车', subject: 'assets.confidentialCommunications' },
  { pattern: '应急保障用车', subject: 'assets.emergency' },
  { pattern: '执法执勤用车', subject: 'assets.lawEnforcement' },
  { pattern: '特种专业技术用车', subject: 'assets.specialTechnical' },
  { pattern: '离退休干部用车', subject: 'assets.retiredCadres' },
  { pattern: '其他用车', subject: 'assets.other' },
  { pattern: '单价50万元\\(含\\)以上通用设备', subject: 'assets.generalEquipmentOver500k' },
  { pattern: '单价100万元\\(含\\)以上专用设备', subject: 'assets.specialEquipmentOver1m' },
  { pattern: '单价100万元\\(含\\)以上设备(?:\\(不含车辆\\))?', subject: 'assets.equipmentOver1m' },
  { pattern: `编报绩效目标的${YEAR}项目`, subject: { performance: 'performance.targetSetting' } },
  { pattern: `绩效跟踪评价的${YEAR}项目`, subject: { performance: 'performance.tracking' } },
  { pattern: `绩效自评的${YEAR}项目`, subject: { performance: 'performance.selfEvaluation' } },
  { pattern: `绩效评级为${Q}优${QE}的项目`, subject: { performance: 'performance.ratings.excellent' } },
  { pattern: `绩效评级为${Q}良${QE}的项目`, subject: { performance: 'performance.ratings.good' } },
  { pattern: `绩效评级为${Q}合格${QE}的项目`, subject: { performance: 'performance.ratings.pass' } },
  { pattern: `绩效评级为${Q}不合格${QE}的项目`, subject: { performance: 'performance.ratings.fail' } },
  { pattern: '发现问题', subject: { performance: 'performance.problems.found' } },
  { pattern: '(?:已经?)?完成整改的', subject: { performance: 'performance.problems.fixed' } },
  { pattern: '正在整改的', subject: { performance: 'performance.problems.fixing' } },
];

/**
 * What a value phrase states about the subject before it. `amount` and `count` are bare
 * figures and count only right after their subject (see FILLER); the rest name their kind.
 */
export type ValueKind =
  | 'amount' | 'count' | 'actual' | 'budget' | 'share' | 'change' | 'growth' | 'unchanged'
  | 'completion' | 'comparison' | 'budgetDifference' | 'score';

export interface ValuePhrase {
  pattern: string;
  kind: ValueKind;
  /** Capture groups of the pattern, in order: the number, a word (增加/大于/…), 年初/全年, the % sign, 基本. */
  groups: readonly ('number' | 'word' | 'qualifier' | 'percentSign' | 'roughly')[];
  /** A bare figure: it belongs to the subject only right after it (see FILLER). */
  bare?: true;
}

/** A printed number, "2,882.93" or "7.5": digits, commas and a dot only. */
export const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const WAN = '万元?';

export const VALUE_PHRASES: readonly ValuePhrase[] = [
  { kind: 'budgetDifference', pattern: `比(?:年初)?预算数?(增加|减少)${NUMBER}${WAN}`, groups: ['word', 'number'] },
  { kind: 'comparison', pattern: '(?:支出)?决算数?(?:与|同)(年初|全年)?预算数?(基本)?持平', groups: ['qualifier', 'roughly'] },
  { kind: 'comparison', pattern: '(?:支出)?决算数(大于|小于|等于|超过|低于|高于)(年初|全年)?预算数?', groups: ['word', 'qualifier'] },
  { kind: 'budget', pattern: `(年初|全年)预算数?为${NUMBER}${WAN}`, groups: ['qualifier', 'number'] },
  { kind: 'actual', pattern: `(?:支出)?决算数?为${NUMBER}${WAN}`, groups: ['number'] },
  { kind: 'completion', pattern: `完成(年初|全年)?预算数?的${NUMBER}%`, groups: ['qualifier', 'number'] },
  { kind: 'share', pattern: `占[^，。；%\\d]{0,24}?${NUMBER}%`, groups: ['number'] },
  { kind: 'growth', pattern: `(增长|下降)(?:\\((?:增长|下降)\\))?${NUMBER}(%|(?=[，。；]|$))`, groups: ['word', 'number', 'percentSign'] },
  { kind: 'change', pattern: `(增加|减少)${NUMBER}${WAN}`, groups: ['word', 'number'] },
  { kind: 'unchanged', pattern: `(?:与(?:上一?年度?|\\d{4}年度?)(?:相比)?)?(基本)?持平`, groups: ['roughly'] },
  { kind: 'amount', pattern: `涉及(?:预算)?金额${NUMBER}${WAN}`, groups: ['number'] },
  { kind: 'score', pattern: `平均得分${NUMBER}分`, groups: ['number'] },
  { kind: 'amount', pattern: `${NUMBER}${WAN}`, groups: ['number'], bare: true },
  { kind: 'count', pattern: `${NUMBER}(?:辆|台\\(套\\)|台|套|个)`, groups: ['number'], bare: true },
];

/** What may stand between a subject and its bare figure: "因公出国(境)费支出决算 0.00 万元". */
export const FILLER = /^(?:支出|决算|数|为|是|达|共计|合计|总额|金额|共|:)*$/;

/**
 * A reason or a list of contents: no claim is read from it, up to the next 。 or ；, or a
 * numbered item or sub-heading that a broken layout ran into it ("…办公设备购置10、住房保障支出（类）").
 */
export const EXPLANATION = /(?:主要原因|原因是|主要由于|主要用于:|主要包括|主要成效|主要产出和效益)(?:(?!\d{1,2}、|\([一二三四五六七八九十]+\))[^。；])*/g;

/** "(类)", "(款)", "(项)": a functional subject named before it. */
export const LEVEL_MARKER = '\\((类|款|项)\\)';

/** After "X(类)": "Y(款)Z(项)" names an item; absent, the class itself. */
export const ITEM_AFTER_CLASS = /(?:支出)?(?:([^，。；:]{1,40}?)\(款\))?([^，。；:]{1,40}?)\(项\)/y;

/** Characters that end a name read backwards from a marker. */
export const NAME_BOUNDARY = /[，。；:、()“”"\d.]/;

/**
 * Template text left in a narrative (a warning each), on the original text: what it is, its
 * pattern, and a character that must not come right before it (kept out of the pattern so
 * that every alternative starts with a plain character and the scan stays fast).
 */
export const RESIDUE_PATTERNS: readonly (readonly [string, string, RegExp?])[] = [
  ['占位符', '[XxＸｘ]{2,}(?![A-Za-z])|×{2,}', /[A-Za-z]/],
  ['年份缺数字', '[\\d０-９]{1,3}\\s*年度', /[\d０-９]/],
  ['未选定的选项', '(?:下降|增长|增加|减少|大于|小于|上升)\\s*(?:[（(]\\s*(?:下降|增长|增加|减少|大于|小于|上升)\\s*[）)]|[/／]\\s*(?:减少|下降|小于))'],
  ['填写说明', '请(?:填写|根据|按照)|[（(]此处[^）)]*[）)]|此处[填写应]|说明[:：]\\s*如'],
  ['原因空白', '(?:主要原因|原因是)\\s*(?:是|为)?\\s*[:：]?\\s*(?=[。；]|$)'],
  ['多余的标点', '[。；，](?:\\s*[。；，])+'],
];

/**
 * Years, on the original text: the fiscal year (0) or the one before it where compared (-1,
 * "与2023年度相比"), with a character that must not come right before the year.
 */
export const YEAR_PATTERNS: readonly (readonly [string, 0 | -1, RegExp?])[] = [
  ['(?:与|比|较)\\s*(\\d{4})\\s*年度?', -1],
  ['截[至止]\\s*(\\d{4})\\s*年\\s*12\\s*月\\s*31\\s*日', 0],
  ['(\\d{4})\\s*年度', 0, /\d/],
];
