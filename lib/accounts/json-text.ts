// A strict JSON reader for interchange documents. JSON.parse keeps the last of two equal
// keys silently, sets prototypes from "__proto__" keys and reports errors in English by
// character offset; an accountant needs the line and column and what to type instead.

export interface JsonTextError {
  /** 1-based line, counting "\n", "\r\n" and a lone "\r" as one break. */
  line: number;
  /** 1-based column in characters (code points) from the start of the line. */
  column: number;
  /** "第 3 行第 14 列：此处应为 "," 或 "}"" */
  message: string;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonTextError };

/** Deep enough for any interchange document; shallow enough that recursion cannot overflow. */
export const MAX_JSON_DEPTH = 64;

class SyntaxProblem extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Full-width punctuation an input method slips in, and the ASCII it stands for. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',', '：': ':', '“': '"', '”': '"', '＂': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '【': '[', '】': ']', '、': ',',
};

const INVISIBLE: Record<number, string> = {
  0x00a0: '不间断空格', 0x3000: '全角空格', 0x200b: '零宽空格', 0xfeff: '字节顺序标记（BOM）', 0x2028: '行分隔符', 0x2029: '段分隔符',
};

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

class Reader {
  pos = 0;
  depth = 0;

  constructor(readonly text: string) {}

  fail(offset: number, reason: string): never {
    throw new SyntaxProblem(offset, reason);
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.pos = i;
  }

  /** What is wrong with the character at pos, when it is not what the grammar wants here. */
  describeStray(expected: string): never {
    const at = this.pos;
    if (at >= this.text.length) this.fail(at, `文件在此处意外结束，${expected.replace(/^此处/, '')}`);
    const char = String.fromCodePoint(this.text.codePointAt(at) ?? 0);
    const code = char.codePointAt(0) ?? 0;
    const ascii = FULL_WIDTH[char];
    if (ascii) this.fail(at, `此处是全角符号 "${char}"，应为半角 "${ascii}"`);
    const invisible = INVISIBLE[code];
    if (invisible) this.fail(at, `此处有不可见字符 ${hex(code)}（${invisible}），请删去`);
    if (code < 32 || code === 0x7f) this.fail(at, `此处有控制字符 ${hex(code)}，请删去`);
    if (char === '/' && (this.text[at + 1] === '/' || this.text[at + 1] === '*')) this.fail(at, 'JSON 不允许注释，请删去');
    if (char === "'") this.fail(at, '字符串须用双引号 " 括起，不能用单引号 \'');
    if (char === '"' && expected.includes('","')) this.fail(at, `${expected}：上一项后面是否漏了逗号？`);
    const word = /^[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*/.exec(this.text.slice(at, at + 40))?.[0];
    if (word && expected.includes('字段名')) this.fail(at, `字段名须用双引号括起："${word}"`);
    this.fail(at, `${expected}（实际是 "${char}"）`);
  }

  readValue(): unknown {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 34) return this.readString();
    if (c === 123) return this.readObject();
    if (c === 91) return this.readArray();
    if (c === 45 || isDigit(c)) return this.readNumber();
    return this.readWord();
  }

  readWord(): unknown {
    const start = this.pos;
    const text = this.text;
    if (text.startsWith('true', start) && !/[\w$]/.test(text[start + 4] ?? '')) { this.pos += 4; return true; }
    if (text.startsWith('false', start) && !/[\w$]/.test(text[start + 5] ?? '')) { this.pos += 5; return false; }
    if (text.startsWith('null', start) && !/[\w$]/.test(text[start + 4] ?? '')) { this.pos += 4; return null; }
    const match = /^[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*/.exec(this.text.slice(start, start + 40));
    const word = match?.[0];
    if (!word) {
      const c = this.text.charCodeAt(start);
      if (c === 43) this.fail(start, '数字前不能写正号 "+"');
      if (c === 46) this.fail(start, '数字须以数字开头：写成 "0.5" 这样');
      this.describeStray('此处应为一个值：对象、数组、字符串、数字、true、false 或 null');
    }
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') this.fail(start, `须写成小写的 ${lower}`);
    if (word === 'NaN' || word === 'Infinity' || word === 'undefined') this.fail(start, `JSON 中没有 ${word}，请写成 null 或省略该项`);
    this.fail(start, `文字须用双引号括起："${word}"`);
  }

  readString(): string {
    const text = this.text;
    const start = this.pos + 1;
    const length = text.length;
    for (let i = start; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return text.slice(start, i);
      }
      if (c === 92) return this.readEscapedString(start, i);
      if (c < 32) this.failInString(i, c);
    }
    return this.fail(start - 1, '字符串没有结尾的双引号 "');
  }

  /** The slow path, from the first backslash on. */
  readEscapedString(start: number, firstEscape: number): string {
    const text = this.text;
    const length = text.length;
    let out = text.slice(start, firstEscape);
    let i = firstEscape;
    let runStart = i;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return out + text.slice(runStart, i);
      }
      if (c < 32) this.failInString(i, c);
      if (c !== 92) {
        i++;
        continue;
      }
      out += text.slice(runStart, i);
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        const digits = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail(i, '"\\u" 后须有 4 位十六进制数字');
        out += String.fromCharCode(parseInt(digits, 16));
        i += 6;
      } else {
        const escaped = ESCAPES[next];
        if (escaped === undefined) {
          this.fail(i, next ? `无效的转义 "\\${next}"：反斜杠本身须写成 "\\\\"` : '字符串没有结尾的双引号 "');
        }
        out += escaped;
        i += 2;
      }
      runStart = i;
    }
    return this.fail(start - 1, '字符串没有结尾的双引号 "');
  }

  failInString(at: number, code: number): never {
    if (code === 10 || code === 13) this.fail(at, '字符串在行尾没有结束：缺少结尾的双引号 "，或字符串中的换行须写成 \\n');
    return this.fail(at, `字符串中有控制字符 ${hex(code)}，请删去${code === 9 ? '或写成 \\t' : ''}`);
  }

  readNumber(): number {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    const first = text.charCodeAt(i);
    if (first === 48) {
      i++;
      if (isDigit(text.charCodeAt(i))) this.fail(start, '数字不能以 0 开头（如 "012"）；编码等请写成字符串');
    } else if (isDigit(first)) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      this.fail(start, '"-" 后须有数字');
    }
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) this.fail(i, '小数点后须有数字');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(text.charCodeAt(i))) this.fail(i, '指数 "e" 后须有数字');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const value = Number(text.slice(start, i));
    if (!Number.isFinite(value)) this.fail(start, '数字过大');
    this.pos = i;
    return value;
  }

  enter(open: number): void {
    if (++this.depth > MAX_JSON_DEPTH) this.fail(open, `嵌套超过 ${MAX_JSON_DEPTH} 层，交换文件不会这么深：请检查括号是否配对`);
  }

  readObject(): Record<string, unknown> {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    const object: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      this.depth--;
      return object;
    }
    for (;;) {
      const keyAt = this.pos;
      if (this.text.charCodeAt(keyAt) !== 34) this.describeStray(this.unclosed(open, '此处应为用双引号括起的字段名'));
      const key = this.readString();
      if (Object.hasOwn(object, key)) this.fail(keyAt, `字段 ${JSON.stringify(key)} 在同一对象中出现两次，请删去其中一个`);
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 58) this.describeStray('此处应为 ":"');
      this.pos++;
      const value = this.readValue();
      // A "__proto__" key stays an ordinary own field, for the schema to refuse by name.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 125) break;
      if (c !== 44) this.describeStray(this.unclosed(open, '此处应为 "," 或 "}"'));
      const comma = this.pos;
      this.pos++;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 125) this.fail(comma, '多余的逗号：对象的最后一项后面不能有 ","');
    }
    this.pos++;
    this.depth--;
    return object;
  }

  readArray(): unknown[] {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    const array: unknown[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      this.depth--;
      return array;
    }
    for (;;) {
      array.push(this.readValue());
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 93) break;
      if (c !== 44) this.describeStray(this.unclosed(open, '此处应为 "," 或 "]"'));
      const comma = this.pos;
      this.pos++;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 93) this.fail(comma, '多余的逗号：数组的最后一项后面不能有 ","');
    }
    this.pos++;
    this.depth--;
    return array;
  }

  /** At the end of the text, say which bracket is left open and where it was opened. */
  unclosed(open: number, expected: string): string {
    if (this.pos < this.text.length) return expected;
    const { line, column } = locate(this.text, open);
    const close = this.text[open] === '{' ? '}' : ']';
    return `缺少与第 ${line} 行第 ${column} 列的 "${this.text[open]}" 配对的 "${close}"`;
  }
}

function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (c === 13 || (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      // "\r" of "\r\n", and the second half of a surrogate pair, take no column of their own.
    } else {
      column++;
    }
  }
  return { line, column };
}

/**
 * Reads JSON text strictly: one leading BOM is skipped; duplicate keys, comments, trailing
 * commas, nesting deeper than MAX_JSON_DEPTH and anything after the value are errors.
 */
export function parseJsonText(input: string): JsonTextResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const reader = new Reader(text);
  try {
    reader.skipWhitespace();
    if (reader.pos >= text.length) reader.fail(reader.pos, '文件是空的，应为一个 JSON 对象');
    const value = reader.readValue();
    reader.skipWhitespace();
    if (reader.pos < text.length) {
      const char = text[reader.pos];
      reader.fail(reader.pos, char === '}' || char === ']' ? `多余的 "${char}"：前面的括号已经配对完毕` : '此处应为文件结尾：一个文件只能有一个 JSON 值');
    }
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const { line, column } = locate(text, error.offset);
    return { ok: false, error: { line, column, message: `第 ${line} 行第 ${column} 列：${error.reason}` } };
  }
}
