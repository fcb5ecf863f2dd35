// The credentials check behind sign-in, on the real database: the right password gives the
// actor; a wrong password, an unknown e-mail and a disabled user all give null.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCredentials } from '../../lib/data/credentials';
import { hashPassword } from '../../lib/password';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { createOrganisation, db } from './fixtures';

describe('checkCredentials', () => {
  it('gives the demo accountant her actor, with her department, for the right password', async () => {
    const department = await db().department.findFirstOrThrow({ where: { name: '武汉市硚口区大数据中心', district: { code: '420104' } } });
    const actor = await checkCredentials(db(), 'Accountant@Juesuan.local ', DEMO_PASSWORD);
    expect(actor).toMatchObject({ email: 'accountant@juesuan.local', role: 'ACCOUNTANT', districtId: null, departmentIds: [department.id] });
  });

  it('gives the demo reviewer the district of her finance bureau and no departments', async () => {
    const district = await db().district.findUniqueOrThrow({ where: { code: '420104' } });
    expect(await checkCredentials(db(), 'reviewer@juesuan.local', DEMO_PASSWORD)).toMatchObject({ role: 'REVIEWER', districtId: district.id, departmentIds: [] });
  });

  it('refuses a wrong password, an unknown e-mail, an empty or oversized password', async () => {
    expect(await checkCredentials(db(), 'accountant@juesuan.local', 'juesuan-demo-wrong')).toBeNull();
    expect(await checkCredentials(db(), `nobody-${randomUUID()}@juesuan.local`, DEMO_PASSWORD)).toBeNull();
    expect(await checkCredentials(db(), 'accountant@juesuan.local', '')).toBeNull();
    expect(await checkCredentials(db(), 'accountant@juesuan.local', 'x'.repeat(5000))).toBeNull();
  });

  it('refuses a disabled user even with the right password', async () => {
    const { department } = await createOrganisation(2021);
    const email = `disabled-${randomUUID().slice(0, 8)}@test.local`;
    const password = 'a-long-enough-password';
    const user = await db().user.create({
      data: { email, displayName: '停用的会计', role: 'ACCOUNTANT', passwordHash: await hashPassword(password), memberships: { create: { departmentId: department.id } } },
    });
    expect(await checkCredentials(db(), email, password)).toMatchObject({ id: user.id, departmentIds: [department.id] });
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await checkCredentials(db(), email, password)).toBeNull();
  });

  it('still accepts a password stored in the first hash format (scrypt$salt$hash)', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const { department } = await createOrganisation(2021);
    const salt = randomBytes(16);
    const email = `legacy-${randomUUID().slice(0, 8)}@test.local`;
    await db().user.create({
      data: {
        email, displayName: '旧密码格式', role: 'ACCOUNTANT',
        passwordHash: `scrypt$${salt.toString('hex')}$${scryptSync('an-old-stored-password', salt, 64).toString('hex')}`,
        memberships: { create: { departmentId: department.id } },
      },
    });
    expect(await checkCredentials(db(), email, 'an-old-stored-password')).toMatchObject({ email });
    expect(await checkCredentials(db(), email, 'an-old-stored-passwort')).toBeNull();
  });
});
