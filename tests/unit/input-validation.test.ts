// Field errors: unknown fields named with the nearest known one, zod's own messages in
// Chinese, and long lists cut to 100 lines and a count.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZAmount } from '../../lib/accounts/amount-schema';
import { fieldErrorsOf, knownKeysAt, limitErrors, nearestKey, parseFinalAccounts, type FieldError } from '../../lib/accounts/validation';
import { loadSeedJson } from './seed-document';

const ZSmall = z.strictObject({
  publishedOn: z.string(),
  department: z.strictObject({ name: z.string().min(1), district: z.string() }),
  rows: z.array(z.strictObject({ row: z.string(), cells: z.record(z.string().regex(/^\d+$/), ZAmount) })).optional(),
  section: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('text'), text: z.string() }),
    z.strictObject({ kind: z.literal('figures'), budget: z.string(), executed: z.string() }),
  ]).optional(),
});

function errorsOf(data: unknown): FieldError[] {
  const result = ZSmall.safeParse(data, { reportInput: true });
  if (result.success) throw new Error('accepted');
  return fieldErrorsOf(result.error.issues, ZSmall);
}

describe('unknown fields', () => {
  it('suggests the known field with the same letters in another case', () => {
    expect(errorsOf({ publishedon: '2022-05-13', department: { name: 'x', district: 'y' } })).toEqual([
      { path: 'publishedOn', message: '缺少此项（应为字符串）' },
      { path: 'publishedon', message: '不认识的字段 "publishedon"，是否应为 "publishedOn"？' },
    ]);
  });

  it('suggests a field one typo away, inside arrays and in the matching branch of a union', () => {
    const errors = errorsOf({
      publishedOn: 'x',
      department: { name: 'x', distrct: 'y' },
      rows: [{ row: '1', cells: {}, cels: {} }],
      section: { kind: 'figures', budget: '1', exectued: '1' },
    });
    expect(errors).toContainEqual({ path: 'department.distrct', message: '不认识的字段 "distrct"，是否应为 "district"？' });
    expect(errors.find((e) => e.path === 'rows[0].cels')?.message).toBe('不认识的字段 "cels"（"cells" 已经有了），请删去');
    expect(errors).toContainEqual({ path: 'section.exectued', message: '不认识的字段 "exectued"，是否应为 "executed"？' });
  });

  it('does not suggest a field that is already there; lists the allowed ones when they are few', () => {
    const errors = errorsOf({ publishedOn: 'x', department: { name: 'x', district: 'y', nmae: 'z', phone: '1' } });
    expect(errors).toEqual([
      { path: 'department.nmae', message: '不认识的字段 "nmae"（"name" 已经有了），请删去' },
      { path: 'department.phone', message: '不认识的字段 "phone"，此处可用的字段：name、district' },
    ]);
  });

  it('finds the known fields along a path through wrappers, arrays and unions', () => {
    expect(knownKeysAt(ZSmall, ['rows', 3])).toEqual(['row', 'cells']);
    expect(knownKeysAt(ZSmall, ['section'], { kind: 'text', txt: '' })).toEqual(['kind', 'text']);
    expect(knownKeysAt(ZSmall, ['section'], { kind: 'figures', budget: '' })).toEqual(['kind', 'budget', 'executed']);
    expect(knownKeysAt(ZSmall, ['nowhere'])).toBeUndefined();
  });

  it('matches case-insensitively and within a third of the length', () => {
    expect(nearestKey('FISCALYEAR', ['fiscalYear', 'template'])).toBe('fiscalYear');
    expect(nearestKey('fsicalYear', ['fiscalYear'])).toBe('fiscalYear');
    expect(nearestKey('budget', ['fiscalYear', 'template'])).toBeUndefined();
    expect(nearestKey('x', ['y'])).toBeUndefined();
  });
});

describe('other messages', () => {
  it('carries the amount schema\'s reason and the input, and translates zod\'s defaults', () => {
    const errors = errorsOf({
      publishedOn: 'x',
      department: { name: '', district: 'y' },
      rows: [{ row: '1', cells: { '1': '2,882.93', a: '1' } }],
      section: { kind: 'table' },
    });
    expect(errors).toEqual([
      { path: 'department.name', message: '不能为空（收到 ""）' },
      { path: 'rows[0].cells.1', message: '去掉千位分隔符，写成 "2882.93"（收到 "2,882.93"）' },
      { path: 'rows[0].cells.a', message: '字段名 "a" 无效：格式不符' },
      { path: 'section.kind', message: '取值无效：应为 "text" / "figures" 之一' },
    ]);
  });
});

describe('limitErrors', () => {
  const many = Array.from({ length: 250 }, (_, i) => ({ path: `a[${i}]`, message: 'm' }));

  it('keeps the first 100 and counts the rest in a last line', () => {
    const lines = limitErrors(many);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('a[0]：m');
    expect(lines[99]).toBe('a[99]：m');
    expect(lines[100]).toBe('……另有 150 处错误未列出');
  });

  it('adds no count when nothing is left out; names the root', () => {
    expect(limitErrors(many.slice(0, 100))).toHaveLength(100);
    expect(limitErrors([{ path: '', message: 'm' }], 5)).toEqual(['（根）：m']);
  });

  it('cuts 200,000 unknown fields to 101 lines without quadratic work', () => {
    const data: Record<string, unknown> = { publishedOn: 'x', department: { name: 'x', district: 'y' } };
    for (let i = 0; i < 200_000; i++) data[`column${i}`] = '1.00';
    const start = performance.now();
    const lines = limitErrors(errorsOf(data));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('column0：不认识的字段 "column0"，此处可用的字段：publishedOn、department、rows、section');
    expect(lines[100]).toBe('……另有 199900 处错误未列出');
  });
});

describe('parseFinalAccounts', () => {
  it('names a misspelt top-level field of the interchange format with the right one', () => {
    const data = loadSeedJson();
    const key = Object.keys(data).find((k) => k !== k.toLowerCase()) ?? '';
    data[key.toLowerCase()] = data[key];
    delete data[key];
    const result = parseFinalAccounts(data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({ path: key.toLowerCase(), message: `不认识的字段 "${key.toLowerCase()}"，是否应为 "${key}"？` });
    }
  });
});
