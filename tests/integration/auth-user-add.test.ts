// `juesuan user add` on the real database: users of each role, an audit row each, and the
// refusals in Chinese; one run through the real binary with the password piped on stdin.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../lib/cli/user-command';
import { checkCredentials } from '../../lib/data/credentials';
import { EXIT_OK, EXIT_UNREADABLE, runCli, type Io } from '../../lib/cli/main';
import { createOrganisation, databaseUrl, db } from './fixtures';

const PASSWORD = 'correct horse battery';

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

/** Runs `user add …` in-process with the given password on "stdin"; refusals come back as exit 2 via runCli's handling. */
async function userAdd(args: string[], password = PASSWORD) {
  const { io, out, err } = capture();
  let code: number;
  try {
    code = await runUserCommand(['add', ...args], io, { db: db(), readPassword: async () => password });
  } catch (error) {
    err.push((error as Error).message);
    code = EXIT_UNREADABLE;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const newEmail = (role: string) => `${role}-${randomUUID().slice(0, 8)}@test.local`;

describe('juesuan user add', () => {
  it('creates an accountant of two departments, who can then sign in, with an audit row and nothing secret printed', async () => {
    const first = await createOrganisation(2021);
    const second = await createOrganisation(2021);
    const email = newEmail('accountant');
    const result = await userAdd(['--email', email.toUpperCase(), '--role', 'accountant', '--department', first.department.name, '--department', second.department.id, '--name', '王会计']);
    expect(result).toMatchObject({ code: EXIT_OK, err: '' });
    expect(result.out).toContain(`已创建用户 ${email}（部门会计，${first.department.name}、${second.department.name}）`);
    expect(result.out).not.toContain(PASSWORD);

    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user).toMatchObject({ displayName: '王会计', role: 'ACCOUNTANT', districtId: null, disabledAt: null });
    expect(user.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(user.memberships.map((m) => m.departmentId).sort()).toEqual([first.department.id, second.department.id].sort());
    expect(await checkCredentials(db(), email, PASSWORD)).toMatchObject({ id: user.id, role: 'ACCOUNTANT' });

    const audit = await db().auditEvent.findMany({ where: { entity: 'User', entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', actorId: null, after: { email, role: 'ACCOUNTANT' } });
    expect(audit[0]?.actorLabel).toMatch(/^juesuan user add/);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(user.passwordHash);
  });

  it('creates a reviewer of a district named by its code or its name', async () => {
    const { district } = await createOrganisation(2021);
    for (const [role, nameOrCode] of [['reviewer', district.code], ['admin', district.name]] as const) {
      const email = newEmail(role);
      expect((await userAdd(['--email', email, '--role', role, '--district', nameOrCode])).code).toBe(EXIT_OK);
      expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: role.toUpperCase(), districtId: district.id });
    }
  });

  it('refuses weak or wrong input with a clear message, and creates nothing', async () => {
    const { department, district } = await createOrganisation(2021);
    const taken = newEmail('taken');
    expect((await userAdd(['--email', taken, '--role', 'accountant', '--department', department.name])).code).toBe(EXIT_OK);
    const cases: [string[], string, RegExp][] = [
      [['--email', newEmail('short'), '--role', 'accountant', '--department', department.name], 'elevenchars', /密码太短：至少 12 个字符/],
      [['--email', newEmail('nodept'), '--role', 'accountant'], PASSWORD, /部门会计必须用 --department 指定至少一个部门/],
      [['--email', newEmail('unknown'), '--role', 'accountant', '--department', '不存在的部门'], PASSWORD, /找不到部门“不存在的部门”/],
      [[`--email`, taken, '--role', 'accountant', '--department', department.name], PASSWORD, new RegExp(`邮箱 ${taken} 已有用户`)],
      [['--email', newEmail('role'), '--role', 'boss', '--district', district.code], PASSWORD, /--role 须为 accountant、reviewer 或 admin/],
      [['--email', newEmail('nodistrict'), '--role', 'reviewer'], PASSWORD, /审核人员必须用 --district 指定所属地区/],
      [['--email', 'not-an-email', '--role', 'admin', '--district', district.code], PASSWORD, /邮箱格式不正确/],
    ];
    const before = await db().user.count();
    for (const [args, password, message] of cases) {
      const result = await userAdd(args, password);
      expect(result.code, args.join(' ')).toBe(EXIT_UNREADABLE);
      expect(result.err).toMatch(message);
      expect(result.err + result.out).not.toContain(password);
    }
    expect(await db().user.count()).toBe(before);
  });

  it('reads the password from a pipe through the real binary, and exits 2 on a refusal', async () => {
    const { department } = await createOrganisation(2021);
    const email = newEmail('piped');
    const bin = fileURLToPath(new URL('../../bin/juesuan.mjs', import.meta.url));
    const run = (args: string[], stdin: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl() } }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
        child.stdin?.end(stdin);
      });
    const args = ['user', 'add', '--email', email, '--role', 'accountant', '--department', department.name];
    const created = await run(args, `${PASSWORD}\n`);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`已创建用户 ${email}`);
    expect(await checkCredentials(db(), email, PASSWORD)).toMatchObject({ email });

    const again = await run(args, `${PASSWORD}\n`);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有用户');
  });

  it('is reached through runCli as `juesuan user`', async () => {
    const { io, err } = capture();
    expect(await runCli(['user', 'remove'], io)).toBe(EXIT_UNREADABLE);
    expect(err.join('\n')).toContain('未知的 user 子命令：remove');
  });
});
