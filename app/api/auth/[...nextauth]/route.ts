// next-auth's endpoints (session, CSRF, sign-out) under /api/auth.
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
