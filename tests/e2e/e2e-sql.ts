// What the e2e fixtures share on Playwright's side: running a set-up script under tsx (the core
// reads its catalogues as JSON modules, which Playwright's loader does not) and reading back what
// the UI stored with SQL at DATABASE_URL.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** Runs tests/e2e/<script> under tsx and parses the JSON it prints on its last line. */
export function runSetup<T>(script: string, args: readonly string[] = []): T {
  const output = execFileSync('node_modules/.bin/tsx', [`tests/e2e/${script}`, ...args], { encoding: 'utf8', env: process.env });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as T;
}

export async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
