// Small exact sums shown beside the fields (the check engine decides what is wrong; these only
// show her the arithmetic as she types).
import { AMOUNT_PATTERN, formatAmount, parseAmount, toAmountText } from '@/lib/accounts/money';

const cents = (text: string | undefined): bigint => (text !== undefined && AMOUNT_PATTERN.test(text) ? parseAmount(text) : 0n);

/** "2,562.69" for amounts in 万元. */
export function sumAmounts(texts: readonly (string | undefined)[]): string {
  return formatAmount(texts.reduce((sum, text) => sum + cents(text), 0n));
}

/** "100" or "2.5" for points. */
export function sumPoints(texts: readonly (string | undefined)[]): string {
  return trimPoints(toAmountText(texts.reduce((sum, text) => sum + cents(text), 0n)));
}

/** "20.00" → "20", "2.50" → "2.5"; a text without decimals is left alone. */
export const trimPoints = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

export function sumCounts(values: readonly (number | undefined)[]): number {
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

export { cents };
