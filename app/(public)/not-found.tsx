// notFound() on a public page, once the browser has taken over (PublicNotFound): inside the public
// layout, which already shows the header, so only the text, the main landmark and the footer.
// Unknown addresses are the root not-found.tsx's, which brings its own header.
import type { Metadata } from 'next';
import { NotFoundText } from '@/components/site/not-found-text';
import { SiteMain } from '@/components/site/site-main';

export const metadata: Metadata = { title: '未找到' };

export default function PublicNotFoundPage() {
  return (
    <SiteMain>
      <NotFoundText />
    </SiteMain>
  );
}
