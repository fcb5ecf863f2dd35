// Slowing down password guessing: failed sign-ins are counted per e-mail and per client address
// in a sliding window, in memory (one server process). Past the limit, every attempt for that
// e-mail or from that address is refused before any password is checked, with the same words
// whether the user exists or not. A success clears its e-mail's count, never its address's.

import { isIP } from 'node:net';

export interface FailureRule {
  /** Failures allowed within the window; the next attempt waits. */
  max: number;
  windowMs: number;
}

export const EMAIL_RULE: FailureRule = { max: 5, windowMs: 15 * 60_000 };
// An address may be an office behind one NAT, or the test runner: generous, yet far below guessing speed.
export const ADDRESS_RULE: FailureRule = { max: 50, windowMs: 15 * 60_000 };
/** Keys kept per counter; past it the oldest are dropped, so a flood of made-up e-mails cannot fill memory. */
const MAX_KEYS = 10_000;

class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly rule: FailureRule) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitFor(key: string, now: number): number {
    const times = this.recent(key, now);
    const oldest = times[times.length - this.rule.max];
    return oldest === undefined ? 0 : oldest + this.rule.windowMs - now;
  }

  fail(key: string, now: number): void {
    const times = this.recent(key, now);
    this.failures.delete(key); // re-inserted last: Map order is the eviction order
    this.failures.set(key, [...times.slice(-this.rule.max), now]);
    if (this.failures.size > MAX_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export class SignInLimit {
  private readonly byEmail: FailureCounter;
  private readonly byAddress: FailureCounter;

  constructor(emailRule: FailureRule = EMAIL_RULE, addressRule: FailureRule = ADDRESS_RULE) {
    this.byEmail = new FailureCounter(emailRule);
    this.byAddress = new FailureCounter(addressRule);
  }

  /** Whole minutes to wait before this e-mail may try from this address (0: it may try now). */
  minutesToWait(email: string, address: string | undefined, now = Date.now()): number {
    const wait = Math.max(this.byEmail.waitFor(email, now), address === undefined ? 0 : this.byAddress.waitFor(address, now));
    return wait > 0 ? Math.ceil(wait / 60_000) : 0;
  }

  failed(email: string, address: string | undefined, now = Date.now()): void {
    this.byEmail.fail(email, now);
    if (address !== undefined) this.byAddress.fail(address, now);
  }

  succeeded(email: string): void {
    this.byEmail.clear(email);
  }
}

export const tooManyAttemptsMessage = (minutes: number): string => `尝试次数过多，请 ${minutes} 分钟后再试`;

/**
 * The client's address, for the per-address rule, or undefined when it cannot be known. Next.js
 * fills X-Forwarded-For only when a request lacks it, so a client reaching Next directly can write
 * any address there: the header is believed only behind a reverse proxy that appends the real one
 * (JUESUAN_TRUST_PROXY=on), and then only its last entry, and only if that is an IP address.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
  return isIP(last) ? last : undefined;
}
