import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_COST, verifyPassword } from '../../lib/password';

/** A hash in the first stored format, as lib/password.ts wrote it before the cost was raised. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 64).toString('hex')}`;
}

describe('password hashes', () => {
  it('keep scrypt N=2^17, r=8, p=1 in the stored hash, with a fresh salt each time', async () => {
    const first = await hashPassword('juesuan-demo');
    const second = await hashPassword('juesuan-demo');
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    expect(second).not.toBe(first);
  });

  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('正确的密码 correct horse');
    expect(await verifyPassword('正确的密码 correct horse', stored)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('still verify the first format (scrypt$salt$hash, N=2^14) of existing databases', async () => {
    const stored = legacyHash('juesuan-demo');
    expect(await verifyPassword('juesuan-demo', stored)).toBe(true);
    expect(await verifyPassword('juesuan-demo!', stored)).toBe(false);
  });

  it('refuse malformed or out-of-bounds stored hashes instead of throwing', async () => {
    const good = await hashPassword('x');
    const [, , r, p, salt, hash] = good.split('$');
    for (const stored of [
      '',
      'bcrypt$abc$def',
      'scrypt$zz$zz',
      `scrypt$100$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${hash}`, // N beyond the bound: would allocate gigabytes
      `scrypt$131072$${r}$${p}$${salt}$${hash?.slice(2)}`, // truncated key
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('hash without blocking the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    await hashPassword('juesuan-demo');
    clearInterval(timer);
    // scrypt at this cost takes ≥100 ms; a synchronous hash would let no timer run at all.
    expect(ticks).toBeGreaterThan(3);
  });
});
