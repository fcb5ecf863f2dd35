// Figures as the public pages print them besides the amounts themselves (formatAmountText in
// lib/accounts/money.ts: "2,882.93"): an explicit "—" where the layout has no figure (no staff
// numbers, a zero budget), and a signed change.
import { formatAmount, parseAmount } from '@/lib/accounts/money';

export const orDash = (text: string | number | null | undefined): string => (text === null || text === undefined ? '—' : String(text));

/** A signed change: "+1,792.56", "-56.95", "0.00". */
export function signedAmountText(amount: string): string {
  const cents = parseAmount(amount);
  return cents > 0n ? `+${formatAmount(cents)}` : formatAmount(cents);
}
