// GET /api/v1/accounts/{id}: the published interchange document (the newest published version),
// byte for byte the accounts.json download. Malformed id → 400, unknown or unpublished → 404.
import { interchangeJson } from '@/lib/export/downloads';
import { answer, jsonResponse, publishedDocument } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const found = await publishedDocument(params);
    return 'response' in found ? found.response : jsonResponse(undefined, { text: interchangeJson(found.document) });
  });
}
