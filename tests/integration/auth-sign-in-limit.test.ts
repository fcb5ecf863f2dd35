// Sign-in attempts through the limit, on the real database: five wrong passwords for a user and
// even the right one is refused for a while; an unknown e-mail is refused in exactly the same
// way (the limit says nothing about who exists); a success before the limit clears the count.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attemptSignIn } from '../../lib/data/credentials';
import { hashPassword } from '../../lib/password';
import { SignInLimit } from '../../lib/sign-in-limit';
import { db } from './fixtures';

const PASSWORD = 'juesuan-限速-测试';

async function createUser(): Promise<string> {
  const email = `limit-${randomUUID().slice(0, 8)}@test.local`;
  await db().user.create({ data: { email, displayName: '限速测试', passwordHash: await hashPassword(PASSWORD), role: 'ACCOUNTANT' } });
  return email;
}

const attempt = (limit: SignInLimit, email: string, password: string, address = '203.0.113.7') =>
  attemptSignIn(db(), limit, { email, password, address });

describe('attemptSignIn', () => {
  it('refuses even the right password after five wrong ones, and an unknown e-mail alike', async () => {
    const limit = new SignInLimit();
    const email = await createUser();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.local`;
    for (let i = 0; i < 5; i++) {
      expect(await attempt(limit, email, `wrong-${i}`)).toEqual({ ok: false, reason: 'credentials' });
      expect(await attempt(limit, unknown, `wrong-${i}`)).toEqual({ ok: false, reason: 'credentials' });
    }
    const tooMany = { ok: false, reason: 'tooManyAttempts', minutes: 15 };
    expect(await attempt(limit, email, PASSWORD)).toEqual(tooMany);
    expect(await attempt(limit, ` ${email.toUpperCase()}`, PASSWORD, '198.51.100.2')).toEqual(tooMany); // the same e-mail, written otherwise, elsewhere
    expect(await attempt(limit, unknown, PASSWORD)).toEqual(tooMany);
  });

  it('lets the right password in before the limit, and starts the count again', async () => {
    const limit = new SignInLimit({ max: 2, windowMs: 15 * 60_000 }, { max: 50, windowMs: 15 * 60_000 });
    const email = await createUser();
    expect(await attempt(limit, email, 'wrong')).toEqual({ ok: false, reason: 'credentials' });
    expect(await attempt(limit, email, PASSWORD)).toMatchObject({ ok: true, actor: { email } });
    expect(await attempt(limit, email, 'wrong')).toEqual({ ok: false, reason: 'credentials' });
    // Without the reset this would be the third failure in the window, over the limit of two.
    expect(await attempt(limit, email, PASSWORD)).toMatchObject({ ok: true });
  });
});
