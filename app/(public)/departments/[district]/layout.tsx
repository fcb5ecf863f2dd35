// A department's pages across the years: the footer names its district's finance bureau.
import type { ReactNode } from 'react';
import { districtPublisher } from '@/components/site/district-publisher';
import { SiteMain } from '@/components/site/site-main';

interface Props {
  children: ReactNode;
  params: Promise<{ district: string }>;
}

export default async function DepartmentYearsLayout({ children, params }: Props) {
  return <SiteMain publisher={await districtPublisher(await params)}>{children}</SiteMain>;
}
