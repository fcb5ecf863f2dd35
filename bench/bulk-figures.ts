// Every table cell of many documents written to `figure` in one statement (unnest of five
// arrays), for the benches that load a thousand departments: cell i of document k belongs to
// accountsIds[k]. Returns how many figures it wrote.
import type pg from 'pg';
import { tableCells } from '../lib/accounts/cells';
import { toAmountText } from '../lib/accounts/money';
import type { TFinalAccounts } from '../lib/accounts/schema';

export async function insertFigures(client: pg.ClientBase, docs: readonly TFinalAccounts[], accountsIds: readonly string[]): Promise<number> {
  const figures = { id: [] as string[], t: [] as string[], r: [] as string[], c: [] as string[], a: [] as string[] };
  docs.forEach((doc, k) => {
    const id = accountsIds[k];
    if (id === undefined) throw new Error(`no accounts id for document ${k}`);
    for (const cell of tableCells(doc)) {
      figures.id.push(id);
      figures.t.push(cell.table);
      figures.r.push(cell.row);
      figures.c.push(cell.column);
      figures.a.push(toAmountText(cell.amount));
    }
  });
  await client.query(`INSERT INTO figure (final_accounts_id, table_code, row_key, column_key, amount)
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::numeric[])`, [figures.id, figures.t, figures.r, figures.c, figures.a]);
  return figures.id.length;
}
