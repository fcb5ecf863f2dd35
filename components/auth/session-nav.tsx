// The header's right side: 登录, or the signed-in e-mail with 退出 (a POST, never a link).
import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';
import { currentActor } from '@/lib/auth';

export async function SessionNav() {
  const actor = await currentActor();
  if (!actor) {
    return (
      <nav className="session-nav" aria-label="账户">
        <Link href="/login">登录</Link>
      </nav>
    );
  }
  return (
    <nav className="session-nav" aria-label="账户">
      {actor.role !== 'ACCOUNTANT' && <Link href="/review">决算审核</Link>}
      <Link href="/entry" className="session-email">
        {actor.email}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="link-button">
          退出
        </button>
      </form>
    </nav>
  );
}
