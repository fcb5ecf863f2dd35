// The two database roles. The owner owns the tables and runs the migrations; the app's role
// (what DATABASE_URL names at runtime) is neither a superuser nor an owner, so it cannot
// alter a table, drop or disable a trigger, or lift a protection the migrations put in place.
// It may read and write what the app needs, but only SELECT and INSERT the revisions and the
// audit log: what was recorded or published stays, whatever the app is made to do.
import pg from 'pg';

export interface RoleNames {
  owner: string;
  app: string;
}

export interface RolePasswords {
  owner: string;
  app: string;
}

/** Tables the app may only read and append to. */
const APPEND_ONLY = ['final_accounts_revision', 'audit_event'];

async function run<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of `url`'s server and database as another role. */
export function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The role a URL connects as. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);

/** Creates the role, or sets its password; a concurrent creation by another run is fine. */
async function ensureRole(client: pg.Client, name: string, password: string, attributes: string): Promise<void> {
  const role = client.escapeIdentifier(name);
  const exists = ((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount ?? 0) > 0;
  if (!exists) {
    try {
      await client.query(`CREATE ROLE ${role} ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
      return;
    } catch (error) {
      // 42710 duplicate_object, 23505: another process created it between the check and here.
      if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  await client.query(`ALTER ROLE ${role} ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
}

/**
 * As a role that may create roles (the embedded server's superuser, or the tests' server user):
 * the owner (LOGIN CREATEDB, no more) and the app role (LOGIN, nothing else).
 */
export async function ensureRoles(adminUrl: string, names: RoleNames, passwords: RolePasswords): Promise<void> {
  await run(adminUrl, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean }>('SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user');
    if (!rows[0]?.rolsuper && !rows[0]?.rolcreaterole) {
      throw new Error(`${roleOf(adminUrl)} 无权创建角色：准备数据库需要能创建所有者角色 ${names.owner} 与应用角色 ${names.app} 的用户（超级用户或 CREATEROLE）。`);
    }
    await ensureRole(client, names.owner, passwords.owner, 'LOGIN NOSUPERUSER NOCREATEROLE CREATEDB NOREPLICATION NOBYPASSRLS');
    await ensureRole(client, names.app, passwords.app, 'LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS');
  });
}

/**
 * Makes `owner` the owner of the database and of everything in its public schema. A database
 * made before the two roles (everything owned by the embedded server's superuser) is adopted
 * this way; for one the owner made, nothing changes. Needs a superuser.
 */
export async function adoptDatabase(adminUrl: string, owner: string): Promise<void> {
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  await run(adminUrl, async (client) => {
    const role = client.escapeIdentifier(owner);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${role}`);
    const { rows } = await client.query<{ statement: string }>(
      `SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $1::text) AS statement
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
          AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
       UNION ALL
       SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, $1::text)
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
          AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
         FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e'
          AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
       UNION ALL
       SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
          AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [owner],
    );
    for (const { statement } of rows) await client.query(statement);
  });
}

/**
 * A deployment's app role, made by the owner when missing and the owner may create roles (the
 * docker-compose database's superuser, for a volume made before its init script created it).
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string): Promise<void> {
  const app = roleOf(appUrl);
  await run(ownerUrl, async (client) => {
    if (((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [app])).rowCount ?? 0) > 0) return;
    const { rows } = await client.query<{ allowed: boolean }>('SELECT rolsuper OR rolcreaterole AS allowed FROM pg_roles WHERE rolname = current_user');
    if (!rows[0]?.allowed) throw new Error(`DATABASE_URL 的角色 ${app} 不存在，且 ${roleOf(ownerUrl)} 无权创建它；请先创建该角色（LOGIN，非超级用户）。`);
    await ensureRole(client, app, decodeURIComponent(new URL(appUrl).password), 'LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS');
  });
}

/** As the owner, after migrating: what the app role may do, and nothing more. Idempotent. */
export async function grantAppRole(ownerUrl: string, app: string): Promise<void> {
  await run(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(app);
    const appendOnly = APPEND_ONLY.map((table) => client.escapeIdentifier(table)).join(', ');
    await client.query('BEGIN');
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${role}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query('COMMIT');
  });
}

/** Why the role of `url` is not fit to be the app's (a superuser, or an owner of its tables); undefined when it is. */
export async function appRoleProblem(url: string): Promise<string | undefined> {
  return run(url, async (client) => {
    const { rows } = await client.query<{ superuser: boolean; owned: number }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS owned`,
    );
    const row = rows[0];
    if (row?.superuser) return `${roleOf(url)} 是超级用户`;
    if (row && row.owned > 0) return `${roleOf(url)} 是数据表的所有者`;
    return undefined;
  });
}
