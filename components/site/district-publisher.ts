// The finance bureau that publishes a district's accounts, for the footer of its pages: read
// from the district's newest published accounts (of the given year, when there is one). A
// malformed or unknown district gives undefined, and the footer names every district's bureau.
import { listPublishedAccounts, parsePublicPath } from '@/lib/data/public-accounts';

export async function districtPublisher(segments: { year?: string; district: string }): Promise<string | undefined> {
  const path = parsePublicPath(segments);
  if (!path.ok || path.district === undefined) return undefined;
  const { items } = await listPublishedAccounts({ district: path.district, year: path.year, pageSize: 1 });
  return items[0]?.financeBureauName;
}
