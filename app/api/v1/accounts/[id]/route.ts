// GET /api/v1/accounts/{id}: the published interchange document (the newest published version),
// byte for byte the accounts.json download. Malformed id → 400, unknown or unpublished → 404.
import { interchangeJson } from '@/lib/export/downloads';
import { answerAboutAccounts, jsonResponse } from '../../_lib/respond';

// Built on the first request and kept, like the page's downloads, until something is published
// (revalidatePublicPages revalidates the '/api' layout); the 400 and 404 answers carry no-store.
export const dynamic = 'force-static';
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answerAboutAccounts(params, (document) => jsonResponse(undefined, { text: interchangeJson(document) }));
}
