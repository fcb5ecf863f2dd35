// Reading an interchange document: zod issues turned into messages that name the field
// and say why, in the words an accountant uses.

import { z } from 'zod';
import { upgradeDocument } from './upgrade';
import { ZFinalAccounts, type TFinalAccounts } from './schema';

export interface FieldError {
  /** "tables.income.rows[5].cells.2" */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; doc: TFinalAccounts } | { ok: false; errors: FieldError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串', number: '数字', int: '整数', object: '对象', array: '数组', boolean: '布尔值', undefined: '空',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '数组';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return TYPE_NAMES[typeof input] ?? typeof input;
}

// ---- Known keys: walk the schema along an issue's path -------------------------------

type AnySchema = z.core.$ZodType;

/** The parts of zod 4's schema definitions the walk reads. */
interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  items?: readonly AnySchema[];
  rest?: AnySchema | null;
  keyType?: AnySchema;
  valueType?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  options?: readonly AnySchema[];
  left?: AnySchema;
  right?: AnySchema;
  getter?: () => AnySchema;
}

const defOf = (schema: AnySchema): SchemaDef => schema._zod.def;

/** The object, array, record… schemas a value must match, with wrappers and unions opened. */
function concrete(schema: AnySchema, into: AnySchema[] = [], depth = 0): AnySchema[] {
  if (depth > 32) return into;
  const def = defOf(schema);
  const inner = [def.innerType, def.in, def.out, def.left, def.right, ...(def.options ?? [])];
  if (def.type === 'lazy' && def.getter) inner.push(def.getter());
  const wrappers = inner.filter((s): s is AnySchema => s !== undefined);
  if (wrappers.length === 0) into.push(schema);
  for (const wrapped of wrappers) concrete(wrapped, into, depth + 1);
  return into;
}

function childrenAt(schema: AnySchema, key: PropertyKey): AnySchema[] {
  const def = defOf(schema);
  const child =
    def.type === 'object' ? (def.shape?.[String(key)] ?? def.catchall)
    : def.type === 'array' ? def.element
    : def.type === 'tuple' ? (def.items?.[Number(key)] ?? def.rest ?? undefined)
    : def.type === 'record' ? def.valueType
    : undefined;
  return child ? concrete(child) : [];
}

function keysOf(schema: AnySchema): string[] | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  const values = def.type === 'record' ? def.keyType?._zod.values : undefined;
  return values ? [...values].map(String) : undefined;
}

/**
 * The field names the schema allows in the object at `path`. Of several (a union), the one
 * sharing most keys with `input`.
 */
export function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[], input?: unknown): string[] | undefined {
  let schemas = concrete(schema);
  for (const key of path) schemas = schemas.flatMap((s) => childrenAt(s, key));
  const isObject = input !== null && typeof input === 'object';
  let best: string[] | undefined;
  let bestOverlap = -1;
  for (const keys of schemas.map(keysOf)) {
    if (!keys) continue;
    const overlap = isObject ? keys.filter((key) => Object.hasOwn(input, key)).length : 0;
    if (overlap > bestOverlap) [best, bestOverlap] = [keys, overlap];
  }
  return best;
}

// ---- Unknown fields ------------------------------------------------------------------

/** Edit distance (with transpositions), or limit + 1 as soon as it must exceed limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** The known key `key` was probably meant to be: same letters in another case, or a typo or two. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance && distance < key.length) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Says, for each unknown field of one object, what it probably should have been. */
function unknownKeyMessages(keys: readonly string[], known: readonly string[] | undefined, input: unknown): string[] {
  const present = new Set(input !== null && typeof input === 'object' ? Object.keys(input) : []);
  const missing = known?.filter((k) => !present.has(k)) ?? [];
  return keys.map((key, i) => {
    const field = `不认识的字段 ${JSON.stringify(key)}`;
    // Past a thousand, the object is not a typo but the wrong file: spare the edit distances.
    if (!known || i >= 1000) return `${field}，请删去`;
    const nearest = nearestKey(key, missing);
    if (nearest) return `${field}，是否应为 ${JSON.stringify(nearest)}？`;
    const taken = nearestKey(key, known);
    if (taken) return `${field}（${JSON.stringify(taken)} 已经有了），请删去`;
    if (known.length <= 12) return `${field}，此处可用的字段：${known.join('、')}`;
    return `${field}，请删去或检查拼写`;
  });
}

// ---- Messages ------------------------------------------------------------------------

const englishDefault = z.locales.en().localeError;

/** Whether zod wrote the message itself (English), rather than the schema (Chinese). */
function isDefaultMessage(issue: z.core.$ZodIssue): boolean {
  return issue.message.startsWith('Invalid input') || issue.message === englishDefault(issue as never);
}

const SIZE_UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', map: '项' };

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const unit = SIZE_UNITS[issue.origin];
  if (unit) {
    if (small && Number(limit) === 1) return issue.origin === 'string' ? '不能为空' : '至少须有一项';
    return `${small ? '至少' : '最多'} ${String(limit)} ${unit}`;
  }
  const inclusive = issue.inclusive !== false;
  return small ? `不能小于${inclusive ? '' : '或等于'} ${String(limit)}` : `不能大于${inclusive ? '' : '或等于'} ${String(limit)}`;
}

function defaultMessage(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不符' : `格式不符（应为 ${issue.format}）`;
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `取值无效：应为 ${options.map((v) => JSON.stringify(v)).join(' / ')} 之一`;
      return '不符合任何一种允许的写法';
    }
    default:
      return undefined;
  }
}

function messageOf(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (input === undefined) return `缺少此项（应为${expected}）`;
    if (!isDefaultMessage(issue)) return `${issue.message}（收到 ${describeInput(input)}）`;
    return `类型错误：应为${expected}，收到 ${describeInput(input)}`;
  }
  if (issue.code === 'invalid_value') return `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一，收到 ${describeInput(input)}`;
  if (issue.code === 'invalid_key') {
    const reasons = issue.issues.map((inner) => (isDefaultMessage(inner) ? (defaultMessage(inner) ?? inner.message) : inner.message));
    return `字段名 ${describeInput(input)} 无效：${reasons.join('；')}`;
  }
  const message = isDefaultMessage(issue) ? (defaultMessage(issue) ?? issue.message) : issue.message;
  return input === undefined || issue.code === 'custom' || issue.code === 'invalid_union' ? message : `${message}（收到 ${describeInput(input)}）`;
}

/**
 * Field errors for zod issues (parsed with `reportInput: true`); `schema` names the
 * allowed fields beside an unknown one. One error per unknown field.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], schema?: AnySchema): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') {
      errors.push({ path: formatPath(issue.path), message: messageOf(issue) });
      continue;
    }
    const input = 'input' in issue ? issue.input : undefined;
    const known = schema ? knownKeysAt(schema, issue.path, input) : undefined;
    const messages = unknownKeyMessages(issue.keys, known, input);
    const where = formatPath(issue.path);
    issue.keys.forEach((key, i) => errors.push({ path: where ? `${where}.${key}` : key, message: messages[i] ?? '' }));
  }
  return errors;
}

/** One line per error, "path：message"; past `max`, a last line counts the rest. */
export function limitErrors(errors: readonly FieldError[], max = 100): string[] {
  const lines = errors.slice(0, max).map((e) => `${e.path || '（根）'}：${e.message}`);
  if (errors.length > max) lines.push(`……另有 ${errors.length - max} 处错误未列出`);
  return lines;
}

/** Reads a document; format 1 (the 2021 Hubei layout by printed numbers) is upgraded first. */
export function parseFinalAccounts(data: unknown): ParseResult {
  const result = ZFinalAccounts.safeParse(upgradeDocument(data), { reportInput: true });
  if (result.success) return { ok: true, doc: result.data };
  return { ok: false, errors: fieldErrorsOf(result.error.issues, ZFinalAccounts) };
}
