// Plain SQL through the Prisma client's own connection pool, for the hot path of a save: Prisma
// compiles every request, raw ones included, in its query compiler (about half a millisecond
// for a save's statement with its arrays of figures), which a save repeated per edit need not pay.
// The statements are built with Prisma.sql, so values are always parameters. Server-only.
import { poolOf, type Db, type Prisma } from '../db';

/** Runs one statement (its own transaction) and returns its rows. */
export async function queryRows<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const result = await poolOf(db).query(query.text, query.values);
  return result.rows as T[];
}
