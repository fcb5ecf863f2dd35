// After a publication or a correction: every public page and download is rendered afresh on its
// next visit. Publishing is rare, so refreshing them all is simpler than working out which
// department, district, year-on-year and home pages one publication touches, and cannot miss one.
import { revalidatePath } from 'next/cache';

/**
 * Call from the server action that publishes (or corrects) accounts, after its transaction.
 * Every page and route handler under app/(public) carries the implicit cache tag of the group's
 * layout ("/(public)/layout"), so one call invalidates them all: pages, downloads, open data;
 * the read-only API's routes likewise carry "/api/layout", should any of them be cached.
 */
export function revalidatePublicPages(): void {
  revalidatePath('/(public)', 'layout');
  revalidatePath('/api', 'layout');
}
