// The strict JSON reader: what JSON.parse accepts silently (duplicate keys, "__proto__",
// a BOM) and every syntax error, reported by line and column in Chinese.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_DEPTH, parseJsonText } from '../../lib/accounts/json-text';
import { SEED_PATH } from './seed-document';

function errorOf(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error(`accepted: ${text}`);
  return result.error;
}

function valueOf(text: string): unknown {
  const result = parseJsonText(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseJsonText on valid JSON', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');

  it('reads the seed document exactly as JSON.parse does', () => {
    expect(valueOf(seed)).toEqual(JSON.parse(seed));
  });

  // Not a timed test: measured beside JSON.parse in the same rounds, so a loaded machine slows
  // both. About 2.4× here; a reader gone quadratic or copying per character would be far past 10×.
  it('reads the seed document within a small multiple of JSON.parse, side by side', () => {
    for (let i = 0; i < 200; i++) {
      parseJsonText(seed);
      JSON.parse(seed);
    }
    const ours: number[] = [];
    const native: number[] = [];
    for (let i = 0; i < 51; i++) {
      let start = performance.now();
      parseJsonText(seed);
      ours.push(performance.now() - start);
      start = performance.now();
      JSON.parse(seed);
      native.push(performance.now() - start);
    }
    const median = (times: number[]) => [...times].sort((a, b) => a - b)[25] ?? Number.NaN;
    expect(median(ours) / median(native)).toBeLessThan(10);
  });

  it('agrees with JSON.parse on escapes, numbers and literals', () => {
    const text = '{"s": "\\u4e2d\\"\\\\\\/\\b\\f\\n\\r\\t 文", "n": [0, -0.5, 1e3, -2.5E-2, 12345678], "l": [true, false, null], "e": {}, "a": [[]]}';
    expect(valueOf(text)).toEqual(JSON.parse(text));
    expect(valueOf('  42 ')).toBe(42);
    expect(valueOf('"x"')).toBe('x');
  });

  it('agrees with JSON.parse on any JSON value, compact or indented', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      expect(valueOf(text)).toStrictEqual(JSON.parse(text));
    }), { numRuns: 500 });
  });

  it('returns numbers as JS numbers', () => {
    expect(valueOf('{"count": 16, "rate": -1.5e2}')).toEqual({ count: 16, rate: -150 });
  });

  it('skips one leading BOM, as Notepad and Excel write it; a second is an invisible character', () => {
    expect(valueOf('\ufeff{"fiscalYear": 2021}')).toEqual({ fiscalYear: 2021 });
    expect(errorOf('\ufeff\ufeff{}')).toEqual({ line: 1, column: 1, message: '第 1 行第 1 列：此处有不可见字符 U+FEFF（字节顺序标记（BOM）），请删去' });
  });

  it('allows the same key in different objects', () => {
    expect(valueOf('[{"a": 1}, {"a": 2, "b": {"a": 3}}]')).toEqual([{ a: 1 }, { a: 2, b: { a: 3 } }]);
  });

  it(`allows nesting ${MAX_JSON_DEPTH} deep`, () => {
    const text = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(valueOf(text)).toEqual(JSON.parse(text));
  });
});

describe('parseJsonText refuses', () => {
  it('a duplicate key, naming it and the place of the second one', () => {
    const lines = ['{', '  "publishedOn": "2022-05-13",', ...Array.from({ length: 9 }, (_, i) => `  "k${i}": ${i},`), '    "publishedOn": "2022-05-14"', '}'];
    expect(errorOf(lines.join('\n'))).toEqual({
      line: 12, column: 5, message: '第 12 行第 5 列：字段 "publishedOn" 在同一对象中出现两次，请删去其中一个',
    });
  });

  it('a duplicate key after an escape that spells the same name', () => {
    expect(errorOf('{"ab": 1, "a\\u0062": 2}').message).toBe('第 1 行第 11 列：字段 "ab" 在同一对象中出现两次，请删去其中一个');
  });

  it('a missing comma between two fields', () => {
    const text = '{\n  "a": 1,\n  "b": "xyz" "c": 2\n}';
    const error = errorOf(text);
    expect([error.line, error.column]).toEqual([3, 14]);
    expect(error.message).toMatch(/^第 3 行第 14 列：此处应为 "," 或 "}"/);
    expect(error.message).toContain('漏了逗号');
  });

  it.each([
    ['{"a": [1, 2 3]}', 1, 13, '此处应为 "," 或 "]"'],
    ['{"a": 1,}', 1, 8, '多余的逗号'],
    ['[1, 2,]', 1, 6, '多余的逗号'],
    ['{a: 1}', 1, 2, '字段名须用双引号括起："a"'],
    ["{'a': 1}", 1, 2, '不能用单引号'],
    ['{"a" 1}', 1, 6, '此处应为 ":"'],
    ['{"a"：1}', 1, 5, '全角符号 "："，应为半角 ":"'],
    ['{"a": 1，"b": 2}', 1, 8, '全角符号 "，"，应为半角 ","'],
    ['{"a": 金额}', 1, 7, '文字须用双引号括起："金额"'],
    ['{"a": True}', 1, 7, '须写成小写的 true'],
    ['{"a": NaN}', 1, 7, 'JSON 中没有 NaN'],
    ['{"a": 012}', 1, 7, '数字不能以 0 开头'],
    ['{"a": 1.}', 1, 9, '小数点后须有数字'],
    ['{"a": .5}', 1, 7, '写成 "0.5"'],
    ['{"a": +5}', 1, 7, '正号'],
    ['{"a": -}', 1, 7, '"-" 后须有数字'],
    ['{"a": 1e999}', 1, 7, '数字过大'],
    ['{"a": "x\\q"}', 1, 9, '无效的转义 "\\q"'],
    ['{"a": "\\u12"}', 1, 8, '4 位十六进制数字'],
    ['{"a": "x\ny"}', 1, 9, '缺少结尾的双引号'],
    ['{"a": "x\ty"}', 1, 9, '控制字符 U+0009'],
    ['{"a": "xy', 1, 7, '字符串没有结尾的双引号'],
    ['{"a": 1} // 注释', 1, 10, '此处应为文件结尾'],
    ['// 注释\n{}', 1, 1, 'JSON 不允许注释'],
    ['{"a": 1}}', 1, 9, '多余的 "}"'],
    ['\u00a0{}', 1, 1, 'U+00A0（不间断空格）'],
    ['{"a":\u30001}', 1, 6, 'U+3000（全角空格）'],
    ['', 1, 1, '文件是空的'],
    ['\n  \n', 3, 1, '文件是空的'],
    ['{"a": ', 1, 7, '文件在此处意外结束，应为一个值'],
  ])('%j at line %i column %i: %s', (text, line, column, words) => {
    const error = errorOf(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message.startsWith(`第 ${line} 行第 ${column} 列：`)).toBe(true);
    expect(error.message).toContain(words);
  });

  it('an unclosed bracket at the end of the text, naming where it was opened', () => {
    const error = errorOf('{\n  "rows": [\n    {"row": "1"}');
    expect(error).toMatchObject({ line: 3, column: 17 });
    expect(error.message).toContain('缺少与第 2 行第 11 列的 "[" 配对的 "]"');
  });

  it('counts "\\r\\n" as one line break and Chinese characters and emoji as one column each', () => {
    expect(errorOf('{\r\n"名称": "硚口" x}')).toMatchObject({ line: 2, column: 12 });
    expect(errorOf('{"😀": "😀" x}')).toMatchObject({ line: 1, column: 11 });
  });

  it(`nesting deeper than ${MAX_JSON_DEPTH}, without overflowing the stack`, () => {
    const error = errorOf('{"a":'.repeat(MAX_JSON_DEPTH) + '{}' + '}'.repeat(MAX_JSON_DEPTH));
    expect(error.column).toBe(MAX_JSON_DEPTH * 5 + 1);
    expect(error.message).toContain(`嵌套超过 ${MAX_JSON_DEPTH} 层`);
    expect(errorOf('['.repeat(100_000)).message).toContain('嵌套超过');
  });
});

describe('parseJsonText and prototypes', () => {
  it('keeps "__proto__" as an ordinary own key and leaves Object.prototype clean', () => {
    const value = valueOf('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 1 });
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}');
  });

  it('so that a strict schema reports "__proto__" and "constructor" as unknown fields', () => {
    const result = z.strictObject({ name: z.string() }).safeParse(valueOf('{"name": "x", "__proto__": {}, "constructor": 1}'));
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['__proto__', 'constructor'] })]);
  });

  it('refuses a duplicate "__proto__" like any other key', () => {
    expect(errorOf('{"__proto__": 1, "__proto__": 2}').message).toContain('字段 "__proto__" 在同一对象中出现两次');
  });
});
