// The read-only API's answers: JSON with its content type, published data cacheable for a few
// minutes (a correction replaces the published version under the same URL), errors as
// {"error": "…"} and never a stack trace, readable from any origin (it is public data).
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { getPublishedAccounts, isAccountsId } from '@/lib/data/public-accounts';

export const PUBLISHED_CACHE = 'public, max-age=300';

const headers = (cache: string) => ({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': cache,
  'access-control-allow-origin': '*',
});

/** A JSON answer; `text` when the body is already serialized (the interchange document as published). */
export function jsonResponse(body: unknown, { status = 200, text }: { status?: number; text?: string } = {}): Response {
  return new Response(text ?? `${JSON.stringify(body, null, 2)}\n`, { status, headers: headers(status === 200 ? PUBLISHED_CACHE : 'no-store') });
}

export const errorResponse = (status: 400 | 404 | 500, error: string): Response => jsonResponse({ error }, { status });

/** Runs a handler; an unexpected error is logged and answered 500 with a generic message. */
export async function answer(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    console.error('API /api/v1 出错：', error);
    return errorResponse(500, '服务器内部错误，请稍后再试');
  }
}

/** The published document of an id from the URL, or the 400/404 answer. */
export async function publishedDocument(params: Promise<{ id: string }>): Promise<{ document: TFinalAccounts } | { response: Response }> {
  const { id } = await params;
  if (!isAccountsId(id)) return { response: errorResponse(400, '决算编号无效：应为 UUID，如 0b5c6a1e-1f2d-4c3b-9a8e-7d6c5b4a3f21') };
  const accounts = await getPublishedAccounts(id);
  if (!accounts) return { response: errorResponse(404, `没有编号为 ${id} 的已公开决算`) };
  return { document: accounts.document };
}

/** The answer about one published accounts: `respond` given its document, or the 400/404/500 answer. */
export function answerAboutAccounts(params: Promise<{ id: string }>, respond: (document: TFinalAccounts) => Response): Promise<Response> {
  return answer(async () => {
    const found = await publishedDocument(params);
    return 'response' in found ? found.response : respond(found.document);
  });
}
