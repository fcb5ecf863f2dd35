// The characters a pattern can start with, read from its source, so that the scanner tries at
// each position only the few patterns that can start there (one big alternation tries all of
// them everywhere, and allocates every capture group on each match). Handles the constructs
// the wording tables use: literals, escapes, classes, groups, alternation and quantifiers.

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
