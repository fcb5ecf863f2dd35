// The self-evaluation tables of the Hubei layout (部门整体绩效自评表, 项目自评表) as the extraction
// prints them: one cell per line or several per line, names broken over lines, and a target and
// actual that are equal printed twice ("不影响正常 / 办公 / 不影响正常 / 办公"). The direction
// of an indicator is not printed: "≤…" is 反向, a figure (with or without a unit) 正向, words 定性.

import { LEVEL1_INDICATORS } from '../../accounts/schema';
import { amountText, normalise, type TextLine } from './lines';
import type { NarrativeSection } from './narrative';

type Level1 = (typeof LEVEL1_INDICATORS)[number];

export interface Indicator {
  level1: Level1; level2: string; name: string; weight: string; target: string; actual: string;
  direction: 'higherIsBetter' | 'lowerIsBetter' | 'qualitative'; score: string;
}

export interface Goal { title?: string; weight?: string; description: string; indicators: Indicator[] }

const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
const HEADER_END = /^得分$/;
/** 二级指标 as the layouts print them, longest first. */
const LEVEL2 = ['社会公众或服务对象满意度指标', '服务对象满意度指标', '可持续影响指标', '社会效益指标', '经济效益指标', '生态效益指标', '满意度指标', '数量指标', '质量指标', '时效指标', '成本指标'];
/**
 * The cells between two indicators: the end of the previous indicator's name (its cell runs
 * taller than the values), the 一级指标 with its weight (whose "分）" may be printed later), and the
 * 二级指标 with its weight.
 */
const GROUP = new RegExp(`^(.*?)(${LEVEL1_INDICATORS.join('|')})?(?:（(\\d+)(?:分）)?)?(${LEVEL2.join('|')})（(\\d+(?:\\.\\d+)?)分）$`);

function direction(target: string): Indicator['direction'] {
  if (/^[≤<]/.test(target)) return 'lowerIsBetter';
  if (/^[≥>]?\d/.test(target)) return 'higherIsBetter';
  return 'qualitative';
}

/** target and actual at the end of the tokens before the score: the longest equal halves, else one token each. */
function splitValues(tokens: readonly string[]): { rest: string[]; target: string; actual: string } | undefined {
  for (let k = Math.floor(tokens.length / 2); k >= 1; k -= 1) {
    const a = tokens.slice(tokens.length - 2 * k, tokens.length - k);
    const b = tokens.slice(tokens.length - k);
    if (a.join(' ') === b.join(' ')) return { rest: tokens.slice(0, tokens.length - 2 * k), target: a.join(' '), actual: b.join(' ') };
  }
  if (tokens.length < 2) return undefined;
  return { rest: tokens.slice(0, -2), target: tokens[tokens.length - 2] ?? '', actual: tokens[tokens.length - 1] ?? '' };
}

/** One indicator's lines, name first and score last. */
function indicatorOf(lines: readonly string[]): { name: string; target: string; actual: string; score: string } | undefined {
  const last = (lines[lines.length - 1] ?? '').split(/\s+/);
  const score = last.pop() ?? '';
  if (!SCORE.test(score)) return undefined;
  if (last.length > 0) {
    const values = splitValues(last);
    if (!values) return undefined;
    return { name: [...lines.slice(0, -1), values.rest.join(' ')].join(''), target: values.target, actual: values.actual, score };
  }
  // The values on lines of their own: the longest run of lines repeated twice before the score.
  const before = lines.slice(0, -1);
  for (let m = Math.floor(before.length / 2); m >= 1; m -= 1) {
    const a = before.slice(before.length - 2 * m, before.length - m);
    const b = before.slice(before.length - m);
    if (a.join('') === b.join('') && before.length - 2 * m >= 1) return { name: before.slice(0, before.length - 2 * m).join(''), target: a.join(''), actual: b.join(''), score };
  }
  return undefined;
}

export interface TableReading {
  execution?: { weight: string; budget: string; executed: string; rate: string; score: string };
  performanceWeight?: string;
  level1Weights: { level1: Level1; weight: string }[];
  goals: Goal[];
  totalScore?: string;
  deviationReason?: string;
  improvementPlan?: string;
  /** Lines that fit no indicator, for the problem. */
  unread: number[];
}

/** The body of one table: execution, goals with their indicators, the score and the two texts. */
export function readEvaluationTable(lines: readonly TextLine[], defaultDescription: string): TableReading {
  const texts = lines.map((l) => l.text);
  const reading: TableReading = { level1Weights: [], goals: [], unread: [] };
  const executionAt = texts.findIndex((t) => /^\d[\d.,]*\s+\d[\d.,]*\s+[\d.]+%\s+\d/.test(t));
  const executionWeight = /（(\d+)\s*分）/.exec(texts.slice(0, Math.max(0, executionAt)).join(''))?.[1];
  if (executionAt >= 0 && executionWeight) {
    const [budget = '', executed = '', rate = '', score = ''] = (texts[executionAt] ?? '').split(/\s+/);
    reading.execution = { weight: executionWeight, budget: amountText(budget), executed: amountText(executed), rate, score };
  }
  const totalAt = texts.findIndex((t) => /^总分\s*\d/.test(t));
  reading.totalScore = /^总分\s*(\S+)/.exec(texts[totalAt] ?? '')?.[1];
  const reasonAt = texts.findIndex((t, i) => i > totalAt && /原因分析$/.test(t));
  const planAt = texts.findIndex((t, i) => i > totalAt && /^改进措施及/.test(t));
  const planTextAt = texts.findIndex((t, i) => i > planAt && /结果应用方案$/.test(t));
  const notesAt = texts.findIndex((t, i) => i > planTextAt && /^备注/.test(t));
  if (reasonAt >= 0 && planAt > reasonAt) reading.deviationReason = texts.slice(reasonAt + 1, planAt).join('');
  if (planTextAt >= 0) reading.improvementPlan = texts.slice(planTextAt + 1, notesAt < 0 ? texts.length : notesAt).join('');

  const body = texts.slice(executionAt + 1, totalAt < 0 ? texts.length : totalAt);
  const performance = /^年度绩效(?:目标|指标)?（(\d+)分）/.exec(normalise(body.slice(0, 5).join('')))?.[1];
  if (performance) reading.performanceWeight = performance;
  let goal: Goal | undefined;
  let level1: Level1 | undefined;
  let group: string[] = [];
  let inHeader = false;
  let pending: string[] = [];
  let level2: { name: string; weight: string } | undefined;
  for (let i = 0; i < body.length; i += 1) {
    const text = body[i] ?? '';
    const goalHead = /^年度目标\s*(\d+)[：:]?$/.exec(text);
    if (goalHead) {
      const weight = /^（(\d+)\s*分）$/.exec(body[i + 1] ?? '')?.[1];
      const description: string[] = [];
      let j = i + (weight ? 2 : 1);
      for (; j < body.length && !/^年度$/.test(body[j] ?? ''); j += 1) description.push(body[j] ?? '');
      goal = { title: `年度目标 ${goalHead[1]}`, ...(weight ? { weight } : {}), description: description.join(''), indicators: [] };
      reading.goals.push(goal);
      i = j - 1;
      continue;
    }
    if (/^年度$/.test(text)) {
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (HEADER_END.test(text)) inHeader = false;
      continue;
    }
    if (!level2) {
      group.push(text);
      const match = GROUP.exec(normalise(group.join('')).replace(/^分）/, ''));
      // "满意度指标（20分）" may be the 一级指标 with its 二级指标 still to come on the next lines.
      const upcoming = normalise(body[i + 1] ?? '');
      const level1Only = match && !match[2] && (LEVEL1_INDICATORS as readonly string[]).includes(match[4] ?? '')
        && upcoming !== '' && LEVEL2.some((name) => name.startsWith(upcoming) || upcoming.startsWith(name));
      if (match && !level1Only) {
        const continued = match[1] ?? '';
        const previous = goal?.indicators[goal.indicators.length - 1];
        if (continued !== '') {
          if (previous) previous.name += group.join('').slice(0, group.join('').indexOf(continued.slice(-1)) + 1).replace(/^\s*分）/, '').trim();
          else reading.unread.push(...lines.filter((l) => group.includes(l.text)).map((l) => l.number));
        }
        if (match[2]) {
          level1 = match[2] as Level1;
          if (match[3] && !reading.level1Weights.some((w) => w.level1 === level1)) reading.level1Weights.push({ level1, weight: match[3] });
        }
        level2 = { name: match[4] ?? '', weight: match[5] ?? '' };
        group = [];
      }
      continue;
    }
    pending.push(text);
    const last = text.split(/\s+/).pop() ?? '';
    if (!SCORE.test(last)) continue;
    const indicator = indicatorOf(pending);
    if (!indicator || !level1) continue;
    if (!goal) {
      goal = { description: defaultDescription, indicators: [] };
      reading.goals.push(goal);
    }
    goal.indicators.push({ level1, level2: level2.name, name: indicator.name, weight: level2.weight, target: indicator.target, actual: indicator.actual, direction: direction(indicator.target), score: indicator.score });
    pending = [];
    level2 = undefined;
  }
  if (pending.length > 0 || group.length > 0) reading.unread.push(...lines.filter((l) => [...pending, ...group].includes(l.text)).map((l) => l.number));
  return reading;
}

const CATEGORY = [['部门预算项目', 'departmentBudget'], ['区直专项', 'districtSpecial'], ['上级转移支付项目', 'higherLevelTransfer']] as const;
const ATTRIBUTE = [['持续性项目', 'continuing'], ['新增性项目', 'new']] as const;
const TYPE = [['常年性项目', 'recurring'], ['延续性项目', 'extended'], ['一次性项目', 'oneOff']] as const;

function checked<T extends string>(line: string, options: readonly (readonly [string, T])[]): T | undefined {
  return options.find(([words]) => new RegExp(`${words}\\s*☑`).test(line))?.[1];
}

export interface EvaluationTables {
  departmentWide?: Record<string, unknown>;
  projects: Record<string, unknown>[];
  projectCount?: number;
  problems: { line: number; reason: string }[];
}

/** 填报日期：2022.5.12 → 2022-05-12. */
function filledOn(line: string): string | undefined {
  const date = /填报日期[：:]\s*(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/.exec(line);
  return date ? `${date[1]}-${(date[2] ?? '').padStart(2, '0')}-${(date[3] ?? '').padStart(2, '0')}` : undefined;
}

function selfEvaluation(title: string, head: readonly string[], reading: TableReading): Record<string, unknown> | undefined {
  if (!reading.execution || reading.totalScore === undefined || reading.goals.length === 0 || reading.goals.some((g) => g.indicators.length === 0)) return undefined;
  const date = head.map(filledOn).find((d) => d !== undefined);
  return {
    title,
    ...(date ? { filledOn: date } : {}),
    execution: reading.execution,
    ...(reading.performanceWeight ? { performanceWeight: reading.performanceWeight } : {}),
    ...(reading.level1Weights.length > 0 ? { level1Weights: reading.level1Weights } : {}),
    goals: reading.goals,
    totalScore: reading.totalScore,
    deviationReason: reading.deviationReason ?? '',
    improvementPlan: reading.improvementPlan ?? '',
  };
}

/** Every table titled "…部门整体绩效自评表" or "…项目自评表", to the next such title or 备注. */
export function readEvaluationTables(lines: readonly TextLine[], narrative: readonly NarrativeSection[]): EvaluationTables {
  const out: EvaluationTables = { projects: [], problems: [] };
  // "附件：…自评表（附后）" in the narrative names a table; it is not one.
  const titles = lines.map((l, i) => (/(部门整体绩效自评表|项目自评表)$/.test(l.text) && !/^附件/.test(l.text) ? i : -1)).filter((i) => i >= 0);
  const summaries = normalise(narrative.map((s) => s.text).join('\n'));
  const count = /共涉及(\d+)个一级项目/.exec(summaries)?.[1] ?? /共涉及项目(\d+)个/.exec(summaries)?.[1];
  if (count !== undefined) out.projectCount = Number(count);
  titles.forEach((at, k) => {
    const next = titles[k + 1] ?? lines.length;
    const notes = lines.findIndex((l, i) => i > at && i < next && /^备注/.test(l.text));
    const table = lines.slice(at + 1, notes < 0 ? next : notes + 1);
    const title = lines[at]?.text ?? '';
    const line = lines[at]?.number ?? 1;
    const head = table.slice(0, 12).map((l) => l.text);
    if (/部门整体绩效自评表$/.test(title)) {
      const reading = readEvaluationTable(table, '');
      const evaluation = selfEvaluation(title, head, reading);
      if (evaluation && reading.unread.length === 0) out.departmentWide = evaluation;
      else out.problems.push({ line: reading.unread[0] ?? line, reason: `「${title}」未能完整读出（预算执行、年度目标、指标或总分），此表未读入` });
      return;
    }
    const name = /^项目名称\s*(.+)$/.exec(head.find((t) => /^项目名称/.test(t)) ?? '')?.[1]?.trim() ?? '';
    const supervisorAt = table.findIndex((l) => /^主管部门/.test(l.text));
    const categoryAt = table.findIndex((l) => /^项目类别/.test(l.text));
    const supervisor = /^主管部门\s*(.+?)\s*项目实施单位\s*(.*)$/.exec(table[supervisorAt]?.text ?? '');
    const implementing = [supervisor?.[2] ?? '', ...table.slice(supervisorAt + 1, categoryAt).map((l) => l.text)].join('');
    const category = checked(table[categoryAt]?.text ?? '', CATEGORY);
    const attribute = checked(table.find((l) => /^项目属性/.test(l.text))?.text ?? '', ATTRIBUTE);
    const type = checked(table.find((l) => /^项目类型/.test(l.text))?.text ?? '', TYPE);
    const reading = readEvaluationTable(table, name);
    const evaluation = selfEvaluation(title, head, reading);
    if (!name || !supervisor || !category || !attribute || !type || !evaluation || reading.unread.length > 0) {
      out.problems.push({ line: reading.unread[0] ?? line, reason: `「${title}」未能完整读出（项目名称、主管部门、类别、属性、类型、预算执行、指标或总分），此项目未读入` });
      return;
    }
    const bare = normalise(name).replace(/项目$/, '').replace(/[（）()]/g, '.');
    const summary = narrative.flatMap((s) => s.text.split('\n')).find((p) => new RegExp(`^\\d+[.．、]${bare}项目绩效自评综述`).test(normalise(p)));
    out.projects.push({
      name, supervisingDepartment: supervisor[1] ?? '', implementingUnit: implementing, category, attribute, type,
      ...(summary ? { summary: summary.replace(/^\d+[.．、]\s*/, '') } : {}),
      selfEvaluation: evaluation,
    });
  });
  return out;
}
