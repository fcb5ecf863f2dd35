// Exact money in 万元. An amount is a bigint count of hundredths of 万元 (the printed
// precision), so no float ever touches a figure. Interchange form: "2882.93".

export type Cents = bigint;

/** The interchange form of an amount; the schema validates with this same pattern. */
export const AMOUNT_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

/** Parses an interchange amount ("2882.93", "288.9", "-0.5"). Throws on anything else. */
export function parseAmount(text: string): Cents {
  if (!AMOUNT_PATTERN.test(text)) {
    throw new RangeError(`不是两位小数以内的金额: "${text}"`);
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
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
