// GET /entry/{id}/workbook: the entry workbook (one sheet per table, entered cells unlocked,
// derived cells as formulas) of accounts the actor may read, through the entry page's own read,
// so who may download is exactly who may open the page.
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { templateFor } from '@/lib/accounts/templates';
import { MESSAGES } from '@/lib/action';
import { readEntry } from '@/lib/data/entry';
import { entryWorkbook } from '@/lib/export/entry-workbook';
import { contentDisposition } from '@/lib/export/downloads';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const result = await readEntry(actor, (await params).id);
  if (!result.ok) {
    // A malformed id is as unknown as another department's accounts.
    if (result.code === 'not_found' || result.code === 'invalid') return text(MESSAGES.notFound, 404);
    return text(result.message, result.code === 'busy' ? 503 : 500);
  }
  const doc = result.data.accounts.document;
  const body = await entryWorkbook(doc, templateFor(doc.template));
  return new Response(body, {
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': contentDisposition(`${doc.department.name}${doc.fiscalYear}年度部门决算填报工作簿.xlsx`, `entry-workbook-${doc.fiscalYear}.xlsx`),
      'cache-control': 'private, no-store',
    },
  });
}
