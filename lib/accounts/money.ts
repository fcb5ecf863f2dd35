// Exact money in 万元. An amount is a bigint count of hundredths of 万元 (the printed
// precision), so no float ever touches a figure. Interchange form: "2882.93".

export type Cents = bigint;

/** The interchange form of an amount; the schema validates with this same pattern. */
export const AMOUNT_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

const DIGIT_0 = 48;

/**
 * Parses an interchange amount ("2882.93", "288.9", "-0.5"). Throws on anything else.
 * Every check reads every amount, so this scans the characters once instead of matching a
 * pattern and splitting; up to 13 integer digits the hundredths fit exactly in a double.
 */
export function parseAmount(text: string): Cents {
  const negative = text.charCodeAt(0) === 45; // '-'
  let i = negative ? 1 : 0;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < text.length; i += 1) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
    wholeDigits += 1;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (i < text.length && text.charCodeAt(i) === 46) { // '.'
    for (i += 1; i < text.length; i += 1) {
      const digit = text.charCodeAt(i) - DIGIT_0;
      if (digit < 0 || digit > 9) break;
      fraction = fraction * 10 + digit;
      fractionDigits += 1;
    }
    if (fractionDigits === 0) i = -1;
  }
  if (i !== text.length || wholeDigits === 0 || wholeDigits > 16 || fractionDigits > 2) {
    throw new RangeError(`不是两位小数以内的金额: "${text}"`);
  }
  const hundredths = fractionDigits === 1 ? fraction * 10 : fraction;
  const cents = wholeDigits <= 13 ? BigInt(whole * 100 + hundredths) : BigInt(text.slice(negative ? 1 : 0, negative ? wholeDigits + 1 : wholeDigits)) * 100n + BigInt(hundredths);
  return negative ? -cents : cents;
}

/** Interchange form: no separators, two decimals ("2882.93", "288.90"). */
export function toAmountText(cents: Cents): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Display form, as the tables print it in zh-CN: "2,882.93". */
export function formatAmount(cents: Cents): string {
  const [whole = '0', fraction = '00'] = toAmountText(cents).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

/** An interchange amount in display form, as every page prints it: "2882.9" → "2,882.90". */
export const formatAmountText = (text: string): string => formatAmount(parseAmount(text));

/** An interchange amount in its canonical form, as files give it: "288.9" → "288.90". */
export const canonicalAmountText = (text: string): string => toAmountText(parseAmount(text));

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

export function absCents(value: Cents): Cents {
  return value < 0n ? -value : value;
}

/**
 * Divides two integers and rounds half away from zero: the rounding the published
 * percentages use (164.40 → "164.4%").
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('除数为零');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
