// A district's pages of one year (the district page, its departments' pages): the footer names
// the district's finance bureau as publisher.
import type { ReactNode } from 'react';
import { districtPublisher } from '@/components/site/district-publisher';
import { SiteMain } from '@/components/site/site-main';

interface Props {
  children: ReactNode;
  params: Promise<{ year: string; district: string }>;
}

export default async function DistrictYearLayout({ children, params }: Props) {
  return <SiteMain publisher={await districtPublisher(await params)}>{children}</SiteMain>;
}
