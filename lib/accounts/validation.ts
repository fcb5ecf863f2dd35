// Reading an interchange document: zod issues turned into messages that name the field
// and say why, in the words an accountant uses.

import type { z } from 'zod';
import { ZFinalAccounts, type TFinalAccounts } from './schema';

export interface FieldError {
  /** "tables.T3.rows[5].cells.2" */
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

function messageOf(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (input === undefined) return `缺少此项（应为${expected}）`;
    if (issue.message && !issue.message.startsWith('Invalid input')) return `${issue.message}（收到 ${describeInput(input)}）`;
    return `类型错误：应为${expected}，收到 ${describeInput(input)}`;
  }
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
  if (issue.code === 'invalid_value') return `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一，收到 ${describeInput(input)}`;
  return input === undefined || issue.code === 'custom' ? issue.message : `${issue.message}（收到 ${describeInput(input)}）`;
}

export function parseFinalAccounts(data: unknown): ParseResult {
  const result = ZFinalAccounts.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, doc: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: messageOf(issue) })) };
}
