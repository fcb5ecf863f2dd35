// GET /api/v1/accounts/{id}/summary: the main totals, the same keys and decimal strings as
// `juesuan summary --json` (both are summarizeFinalAccounts).
import { summarizeFinalAccounts } from '@/lib/accounts/summary';
import { answer, jsonResponse, publishedDocument } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const found = await publishedDocument(params);
    return 'response' in found ? found.response : jsonResponse(summarizeFinalAccounts(found.document));
  });
}
