// "Not found" for the cached public pages: return <PublicNotFound /> where a page would call
// notFound(). Next.js does not server-render not-found.tsx for notFound() thrown by a page
// (vercel/next.js#62228): the HTML is an empty <html id="__next_error__">, with no lang and no
// text, until JavaScript runs. Here the text is rendered as the page's own content, and
// notFound() is thrown inside a Suspense boundary with an empty fallback, which during the
// prerender still sets the 404 status (and is cached with it); in the browser the root
// not-found.tsx then takes over. Only for prerendered pages: one rendered per request could
// have sent its 200 status before the boundary is reached.
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NotFoundText } from './not-found-text';

function ThrowNotFound(): never {
  notFound();
}

export function PublicNotFound() {
  return (
    <>
      <NotFoundText />
      <Suspense fallback={null}>
        <ThrowNotFound />
      </Suspense>
    </>
  );
}
