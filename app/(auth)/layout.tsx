// The sign-in page, in the staff frame: someone signed in sees their account in the header.
import type { ReactNode } from 'react';
import { StaffFrame } from '@/components/site/staff-frame';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <StaffFrame>{children}</StaffFrame>;
}
