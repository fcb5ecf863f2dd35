// GET /api/v1/accounts/{id}/findings: the check engine's findings on the published document,
// {"findings": […]} as `juesuan check --json` prints them (each with rule, severity, message,
// expected, actual, difference, withinRounding, cells, citation, and location for the narrative).
import { checkFinalAccounts } from '@/lib/accounts/check';
import { answer, jsonResponse, publishedDocument } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const found = await publishedDocument(params);
    return 'response' in found ? found.response : jsonResponse({ findings: checkFinalAccounts(found.document) });
  });
}
