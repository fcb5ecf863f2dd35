// The one result type of every action: data, or a code with a message in Chinese for the user
// and, for bad input, the fields it concerns. Expected failures are thrown as ActionError (or
// recognised: a stale version, a busy database) and become results; anything else is logged
// and shown as a generic message, so no stack trace or SQL reaches the browser. Server-only.
import { StaleVersionError } from './data/accounts-store';

export type ActionCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'stale' | 'busy' | 'internal';

export interface ActionFieldError {
  path: string;
  message: string;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionCode; message: string; fieldErrors?: ActionFieldError[] };

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

export const MESSAGES = {
  unauthenticated: '请先登录',
  notFound: '没有找到该决算，或您无权访问',
  departmentNotFound: '没有找到该部门，或您无权访问',
  stale: '该决算已被他人修改，请刷新后重试',
  busy: '系统繁忙，请稍后重试',
  internal: '系统出错，操作未完成，请稍后重试；如仍出错请联系管理员',
} as const;

/** An expected failure, thrown from deep inside an action body and returned as its result. */
export class ActionError extends Error {
  constructor(readonly code: Exclude<ActionCode, 'internal'>, message: string, readonly fieldErrors?: ActionFieldError[]) {
    super(message);
    this.name = 'ActionError';
  }
}

export const succeed = <T>(data: T): ActionResult<T> => ({ ok: true, data });

export function fail(code: ActionCode, message: string, fieldErrors?: ActionFieldError[]): ActionFailure {
  return fieldErrors?.length ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

// PostgreSQL: lock_not_available, serialization_failure, deadlock_detected, query_canceled (a timeout).
const BUSY_SQLSTATES = new Set(['55P03', '40001', '40P01', '57014']);
// Prisma: pool timeout, transaction API error (could not start in maxWait, or expired), write conflict.
const BUSY_PRISMA_CODES = new Set(['P2024', 'P2028', 'P2034']);

/** True for the errors of a database too busy to serve this write now: retrying later may work. */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; originalCode?: unknown };
    if (typeof fields.code === 'string' && (BUSY_PRISMA_CODES.has(fields.code) || BUSY_SQLSTATES.has(fields.code))) return true;
    if (typeof fields.originalCode === 'string' && BUSY_SQLSTATES.has(fields.originalCode)) return true;
    if (typeof fields.meta?.code === 'string' && BUSY_SQLSTATES.has(fields.meta.code)) return true;
    if (fields.meta?.driverAdapterError && isBusyError(fields.meta.driverAdapterError)) return true;
  }
  return false;
}

/** An error turned into the result the user sees; unexpected ones are logged with the action's name. */
export function failureOf(action: string, error: unknown): ActionFailure {
  if (error instanceof ActionError) return fail(error.code, error.message, error.fieldErrors);
  if (error instanceof StaleVersionError) return fail('stale', MESSAGES.stale);
  if (isBusyError(error)) return fail('busy', MESSAGES.busy);
  console.error(`[action ${action}] 意外错误`, error);
  return fail('internal', MESSAGES.internal);
}

/** Runs an action body: its value is the data; a thrown error becomes a failure result. */
export async function runAction<T>(action: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return succeed(await body());
  } catch (error) {
    return failureOf(action, error);
  }
}
