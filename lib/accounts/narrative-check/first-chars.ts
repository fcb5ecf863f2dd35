// The characters a pattern can start with, and its first few characters, read from its source,
// so that the scanner tries at each position only the few patterns that can start there (one
// big alternation tries all of them everywhere, and allocates every capture group on each
// match). Handles the constructs the wording tables use: literals, escapes, classes, groups,
// alternation and quantifiers; anything else reads as "any character".

export type FirstChars = ReadonlySet<string> | 'any';

interface Result {
  chars: Set<string> | 'any';
  nullable: boolean;
}

const DIGITS = '0123456789';

function union(a: Set<string> | 'any', b: Set<string> | 'any'): Set<string> | 'any' {
  if (a === 'any' || b === 'any') return 'any';
  for (const c of b) a.add(c);
  return a;
}

class Reader {
  private i = 0;

  constructor(private readonly source: string) {}

  alternation(): Result {
    let result: Result = { chars: new Set(), nullable: false };
    for (;;) {
      const sequence = this.sequence();
      result = { chars: union(result.chars, sequence.chars), nullable: result.nullable || sequence.nullable };
      if (this.source[this.i] !== '|') return result;
      this.i += 1;
    }
  }

  private sequence(): Result {
    let chars: Set<string> | 'any' = new Set();
    let nullable = true;
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.quantified();
      if (nullable) chars = union(chars, atom.chars);
      nullable = nullable && atom.nullable;
    }
    return { chars, nullable };
  }

  private quantified(): Result {
    const atom = this.atom();
    const rest = this.source.slice(this.i);
    const quantifier = /^(?:[?*+]|\{(\d*)(?:,\d*)?\})\??/.exec(rest);
    if (!quantifier) return atom;
    this.i += quantifier[0].length;
    const optional = quantifier[0][0] === '?' || quantifier[0][0] === '*' || quantifier[1] === '0' || quantifier[1] === '';
    return { chars: atom.chars, nullable: atom.nullable || optional };
  }

  private atom(): Result {
    const c = this.source[this.i] ?? '';
    this.i += 1;
    if (c === '(') {
      const look = /^\?(?:<?[=!])/.exec(this.source.slice(this.i));
      if (look) {
        this.i += look[0].length;
        this.alternation();
        this.i += 1;
        return { chars: new Set(), nullable: true };
      }
      if (this.source.startsWith('?:', this.i)) this.i += 2;
      const inner = this.alternation();
      this.i += 1;
      return inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return { chars: new Set(), nullable: true };
    if (c === '.') return { chars: 'any', nullable: false };
    return { chars: new Set([c]), nullable: false };
  }

  private escape(): Result {
    const c = this.source[this.i] ?? '';
    this.i += 1;
    if (c === 'd') return { chars: new Set(DIGITS), nullable: false };
    if (/[a-zA-Z]/.test(c)) return { chars: 'any', nullable: false };
    return { chars: new Set([c]), nullable: false };
  }

  private characterClass(): Result {
    const end = this.source.indexOf(']', this.i);
    const body = this.source.slice(this.i, end);
    this.i = end + 1;
    if (body.startsWith('^') || body.includes('-') || /\\[a-ce-zA-Z]/.test(body)) return { chars: 'any', nullable: false };
    const chars = new Set<string>();
    for (let k = 0; k < body.length; k += 1) {
      if (body[k] === '\\') {
        k += 1;
        for (const d of body[k] === 'd' ? DIGITS : body[k] ?? '') chars.add(d);
      } else chars.add(body[k] ?? '');
    }
    return { chars, nullable: false };
  }
}

/** The possible first characters of a match of `source`, or 'any' when the reader cannot tell. */
export function firstChars(source: string): FirstChars {
  const result = new Reader(source).alternation();
  return result.nullable ? 'any' : result.chars;
}

/**
 * The first `length` characters of every match of `source` (shorter where a match is shorter),
 * or 'any' when the reader cannot tell or there are more than `limit` of them. A superset: a
 * lookaround is read as matching nothing. The scanner tries a pattern only where the text
 * starts with one of them.
 */
export function prefixes(source: string, length: number, limit = 32): ReadonlySet<string> | 'any' {
  return new PrefixReader(source, length, limit).alternation();
}

type Prefixes = Set<string> | 'any';

class PrefixReader {
  private i = 0;

  constructor(private readonly source: string, private readonly length: number, private readonly limit: number) {}

  private checked(set: Set<string>): Prefixes {
    return set.size > this.limit ? 'any' : set;
  }

  /** Every word of `a` followed by every word of `b`, cut to the length. */
  private concat(a: Prefixes, b: Prefixes): Prefixes {
    if (a === 'any') return 'any';
    const open = [...a].filter((word) => word.length < this.length);
    if (open.length === 0) return a;
    if (b === 'any') return 'any';
    const result = new Set([...a].filter((word) => word.length >= this.length));
    for (const word of open) for (const next of b) result.add((word + next).slice(0, this.length));
    return this.checked(result);
  }

  private union(a: Prefixes, b: Prefixes): Prefixes {
    if (a === 'any' || b === 'any') return 'any';
    return this.checked(new Set([...a, ...b]));
  }

  alternation(): Prefixes {
    let result: Prefixes = new Set();
    for (;;) {
      result = this.union(result, this.sequence());
      if (this.source[this.i] !== '|') return result;
      this.i += 1;
    }
  }

  private sequence(): Prefixes {
    let result: Prefixes = new Set(['']);
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') result = this.concat(result, this.quantified());
    return result;
  }

  private quantified(): Prefixes {
    const atom = this.atom();
    const quantifier = /^(?:([?*+])|\{(\d*)(?:(,)(\d*))?\})\??/.exec(this.source.slice(this.i));
    if (!quantifier) return atom;
    this.i += quantifier[0].length;
    const [, symbol, low, comma, high] = quantifier;
    const min = symbol === '+' ? 1 : symbol ? 0 : Number(low || '0');
    const max = symbol === '?' ? 1 : symbol ? Infinity : comma === undefined ? min : high ? Number(high) : Infinity;
    let repeated: Prefixes = new Set(['']);
    for (let n = 0; n < min; n += 1) repeated = this.concat(repeated, atom);
    let result = repeated;
    // More repetitions add nothing once the prefixes stop changing.
    for (let n = min; n < max; n += 1) {
      repeated = this.concat(repeated, atom);
      const next = this.union(result, repeated);
      if (next !== 'any' && result !== 'any' && next.size === result.size) return result;
      result = next;
      if (n > min + this.length + 1) return 'any';
    }
    return result;
  }

  private atom(): Prefixes {
    const c = this.source[this.i] ?? '';
    this.i += 1;
    if (c === '(') {
      const look = /^\?(?:<?[=!])/.exec(this.source.slice(this.i));
      if (look) {
        this.i += look[0].length;
        this.alternation();
        this.i += 1;
        return new Set(['']);
      }
      if (this.source.startsWith('?:', this.i)) this.i += 2;
      // A named group or a modifier: read on, but tell nothing.
      const unknown = this.source[this.i] === '?';
      const inner = this.alternation();
      this.i += 1;
      return unknown ? 'any' : inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return new Set(['']);
    if (c === '.') return 'any';
    return new Set([c]);
  }

  private escape(): Prefixes {
    const c = this.source[this.i] ?? '';
    this.i += 1;
    if (c === 'd') return this.checked(new Set(DIGITS));
    if (/[a-zA-Z0-9]/.test(c)) return 'any';
    return new Set([c]);
  }

  private characterClass(): Prefixes {
    const end = this.source.indexOf(']', this.i);
    const body = this.source.slice(this.i, end);
    this.i = end + 1;
    if (body.startsWith('^') || body.includes('-') || /\\[a-ce-zA-Z0-9]/.test(body)) return 'any';
    const chars = new Set<string>();
    for (let k = 0; k < body.length; k += 1) {
      if (body[k] === '\\') {
        k += 1;
        for (const d of body[k] === 'd' ? DIGITS : body[k] ?? '') chars.add(d);
      } else chars.add(body[k] ?? '');
    }
    return this.checked(chars);
  }
}
