// The finance bureau that publishes a district's accounts, for the footer of its pages: read
// one indexed query, only for a district that has published (that year, when one is given). A
// malformed or unknown district gives undefined, and the footer names every district's bureau.
import { getDistrictPublisher, parsePublicPath } from '@/lib/data/public-accounts';

export async function districtPublisher(segments: { year?: string; district: string }): Promise<string | undefined> {
  const path = parsePublicPath(segments);
  if (!path.ok || path.district === undefined) return undefined;
  return (await getDistrictPublisher(path.district, path.year)) ?? undefined;
}
