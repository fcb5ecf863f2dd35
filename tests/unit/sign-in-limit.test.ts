// The sign-in limit: five failures per e-mail or fifty per address in fifteen minutes, then a
// wait in whole minutes until the oldest failure leaves the window; a success clears the e-mail.
import { describe, expect, it } from 'vitest';
import { clientAddress, SignInLimit, tooManyAttemptsMessage } from '../../lib/sign-in-limit';

const MINUTE = 60_000;

describe('SignInLimit', () => {
  it('lets an e-mail fail five times, then makes it wait until the first failure is fifteen minutes old', () => {
    const limit = new SignInLimit();
    for (let i = 0; i < 5; i++) {
      expect(limit.minutesToWait('a@x.cn', '10.0.0.1', i * MINUTE)).toBe(0);
      limit.failed('a@x.cn', '10.0.0.1', i * MINUTE);
    }
    expect(limit.minutesToWait('a@x.cn', '10.0.0.1', 5 * MINUTE)).toBe(10);
    expect(limit.minutesToWait('a@x.cn', '10.0.0.2', 5 * MINUTE + 1)).toBe(10); // from anywhere
    expect(limit.minutesToWait('a@x.cn', '10.0.0.1', 14 * MINUTE + 30_000)).toBe(1); // rounded up
    expect(limit.minutesToWait('a@x.cn', '10.0.0.1', 15 * MINUTE + 1)).toBe(0);
    expect(limit.minutesToWait('b@x.cn', '10.0.0.1', 5 * MINUTE)).toBe(0); // another e-mail, same address
  });

  it('stops an address after fifty failures whatever the e-mails, and only that address', () => {
    const limit = new SignInLimit();
    for (let i = 0; i < 50; i++) {
      expect(limit.minutesToWait(`guess-${i}@x.cn`, '10.0.0.9', 0)).toBe(0);
      limit.failed(`guess-${i}@x.cn`, '10.0.0.9', 0);
    }
    expect(limit.minutesToWait('new@x.cn', '10.0.0.9', MINUTE)).toBe(14);
    expect(limit.minutesToWait('new@x.cn', '10.0.0.8', MINUTE)).toBe(0);
  });

  it('clears an e-mail’s failures on success, but not its address’s', () => {
    const limit = new SignInLimit({ max: 2, windowMs: 15 * MINUTE }, { max: 3, windowMs: 15 * MINUTE });
    limit.failed('a@x.cn', '10.0.0.1', 0);
    limit.failed('a@x.cn', '10.0.0.1', 0);
    expect(limit.minutesToWait('a@x.cn', '10.0.0.1', 0)).toBe(15);
    limit.succeeded('a@x.cn');
    expect(limit.minutesToWait('a@x.cn', '10.0.0.1', 0)).toBe(0);
    limit.failed('a@x.cn', '10.0.0.1', 0);
    expect(limit.minutesToWait('c@x.cn', '10.0.0.1', 0)).toBe(15); // the address's third failure
  });

  it('says how long to wait in Chinese', () => {
    expect(tooManyAttemptsMessage(10)).toBe('尝试次数过多，请 10 分钟后再试');
  });
});

describe('clientAddress', () => {
  it('behind a trusted proxy, takes the last X-Forwarded-For entry (the one the proxy appended) if it is an IP address', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7' }), true)).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }), true)).toBe('::1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, ' + 'x'.repeat(10_000) }), true)).toBeUndefined();
    expect(clientAddress(new Headers(), true)).toBeUndefined();
  });

  it('without one believes no header (Next.js passes a client-written X-Forwarded-For through), so the per-address rule is off', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }), false)).toBeUndefined();
    const limit = new SignInLimit({ max: 5, windowMs: 15 * 60_000 }, { max: 1, windowMs: 15 * 60_000 });
    limit.failed('a@x.cn', undefined, 0);
    expect(limit.minutesToWait('b@x.cn', undefined, 0)).toBe(0);
  });
});
