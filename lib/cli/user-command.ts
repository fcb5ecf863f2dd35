// juesuan user add --email … --role accountant|reviewer|admin [--department NAME_OR_ID …]
//                  [--district NAME_OR_CODE] [--name …]
// Creates a user in the database of DATABASE_URL. The password is read from standard input:
// typed without echo at a terminal, or the first line of a pipe. Prints nothing secret; writes
// an audit_event row in the same transaction as the user.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ActorRole } from '../data/actor';
import { normalizeEmail } from '../data/credentials';
import type { Db } from '../db';
import { hashPassword } from '../password';
import { EXIT_OK, UnreadableInput, type Io } from './io';
import { readPasswordFromStdin } from './read-password';

export const MIN_PASSWORD_LENGTH = 12;

export const USER_USAGE = `用法：
  juesuan user add --email 邮箱 --role accountant|reviewer|admin [--department 部门名称或ID …] [--district 地区名称或代码] [--name 姓名]
  部门会计（accountant）须用 --department 指定至少一个部门；审核人员（reviewer）和管理员（admin）须用 --district 指定所属地区。
  密码从标准输入读取（终端输入时不显示），至少 ${MIN_PASSWORD_LENGTH} 个字符。`;

const ROLES: Record<string, ActorRole> = { accountant: 'ACCOUNTANT', reviewer: 'REVIEWER', admin: 'ADMIN' };
const ROLE_LABELS: Record<ActorRole, string> = { ACCOUNTANT: '部门会计', REVIEWER: '审核人员', ADMIN: '管理员' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UserCommandDeps {
  /** The database; opened from DATABASE_URL when not given. */
  db?: Db;
  readPassword?: () => Promise<string>;
}

function refuse(message: string): never {
  throw new UnreadableInput(message);
}

function parseUserAdd(args: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { email: { type: 'string' }, role: { type: 'string' }, department: { type: 'string', multiple: true }, district: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    refuse(`参数有误：${(error as Error).message}\n${USER_USAGE}`);
  }
  const { email, role, department = [], district, name } = parsed.values;
  if (!email) refuse(`缺少 --email\n${USER_USAGE}`);
  if (!z.email().safeParse(email.trim()).success) refuse(`邮箱格式不正确：${email}`);
  const actorRole = role ? ROLES[role.toLowerCase()] : undefined;
  if (!actorRole) refuse(`--role 须为 accountant、reviewer 或 admin（收到 ${role ? `“${role}”` : '空'}）`);
  if (actorRole === 'ACCOUNTANT') {
    if (department.length === 0) refuse('部门会计必须用 --department 指定至少一个部门');
    if (district) refuse('部门会计通过部门确定所属地区，不要给出 --district');
  } else {
    if (!district) refuse(`${ROLE_LABELS[actorRole]}必须用 --district 指定所属地区（区财政局）`);
    if (department.length > 0) refuse(`${ROLE_LABELS[actorRole]}不属于部门，不要给出 --department`);
  }
  return { email: normalizeEmail(email), role: actorRole, departments: department, district, name: name?.trim() };
}

async function findDepartment(db: Db, nameOrId: string): Promise<{ id: string; name: string }> {
  const matches = await db.department.findMany({
    where: UUID.test(nameOrId) ? { id: nameOrId } : { name: nameOrId.trim() },
    select: { id: true, name: true, district: { select: { name: true } } },
  });
  if (matches.length === 0) refuse(`找不到部门“${nameOrId}”（请给出部门全称或 ID）`);
  if (matches.length > 1) refuse(`有 ${matches.length} 个名为“${nameOrId}”的部门（${matches.map((m) => m.district.name).join('、')}），请改用部门 ID`);
  return matches[0]!;
}

async function findDistrict(db: Db, nameOrCode: string): Promise<{ id: string; name: string }> {
  const district = await db.district.findFirst({ where: { OR: [{ code: nameOrCode.trim() }, { name: nameOrCode.trim() }] }, select: { id: true, name: true } });
  return district ?? refuse(`找不到地区“${nameOrCode}”（请给出地区名称或行政区划代码，如 420104）`);
}

async function addUser(args: readonly string[], io: Io, db: Db, readPassword: () => Promise<string>): Promise<number> {
  const input = parseUserAdd(args);
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) refuse(`邮箱 ${input.email} 已有用户，未创建`);
  const departments: { id: string; name: string }[] = [];
  for (const nameOrId of new Set(input.departments)) departments.push(await findDepartment(db, nameOrId));
  const district = input.district ? await findDistrict(db, input.district) : undefined;

  const password = await readPassword();
  if ([...password].length < MIN_PASSWORD_LENGTH) refuse(`密码太短：至少 ${MIN_PASSWORD_LENGTH} 个字符，未创建用户`);
  const passwordHash = await hashPassword(password);
  const displayName = input.name || input.email.split('@')[0]!;

  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, displayName, passwordHash, role: input.role, districtId: district?.id ?? null, memberships: { create: departments.map((d) => ({ departmentId: d.id })) } },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actorLabel: `juesuan user add（系统用户 ${osUser()}）`,
        action: 'user.create',
        entity: 'User',
        entityId: created.id,
        after: { email: input.email, displayName, role: input.role, districtId: district?.id ?? null, departmentIds: departments.map((d) => d.id) },
      },
    });
    return created;
  }).catch((error: unknown) => {
    // Another process created the same e-mail between our check and our insert.
    if ((error as { code?: string }).code === 'P2002') refuse(`邮箱 ${input.email} 已有用户，未创建`);
    throw error;
  });
  const where = departments.length > 0 ? departments.map((d) => d.name).join('、') : district?.name;
  io.out(`已创建用户 ${input.email}（${ROLE_LABELS[input.role]}，${where}），ID ${user.id}`);
  return EXIT_OK;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '?');
  }
}

export async function runUserCommand(args: readonly string[], io: Io, deps: UserCommandDeps = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') refuse(sub === undefined ? USER_USAGE : `未知的 user 子命令：${sub}\n${USER_USAGE}`);
  if (deps.db) return addUser(rest, io, deps.db, deps.readPassword ?? readPasswordFromStdin);
  const url = process.env.DATABASE_URL;
  if (!url) refuse('请设置 DATABASE_URL（要写入用户的数据库）');
  const { createPrismaClient } = await import('../db');
  const db = createPrismaClient(url);
  try {
    return await addUser(rest, io, db, deps.readPassword ?? readPasswordFromStdin);
  } catch (error) {
    const reason = databaseProblem(error);
    if (reason) refuse(`${reason}（DATABASE_URL：${redacted(url)}）`);
    throw error;
  } finally {
    await db.$disconnect();
  }
}

/** The database errors a user can act on: no tables yet, or no server to reach. */
function databaseProblem(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'P2021') return '这个数据库还没有 Juesuan 的表：请先运行 npm run db:migrate，或用 npm start 准备数据库';
  if (code === 'P1001' || code === 'ECONNREFUSED') return '无法连接数据库：请确认 PostgreSQL 已启动、地址和端口正确';
  if (code === 'P1000' || code === '28P01') return '数据库拒绝了登录：请检查用户名和密码';
  if (code === 'P1003' || code === '3D000') return '数据库不存在：请检查数据库名';
  return undefined;
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '（无法解析）';
  }
}
