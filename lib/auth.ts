// Sign-in with next-auth v5: e-mail and password (the credentials provider) checked against
// app_user, a JWT session cookie holding only the user id. Every request turns that id back into
// an Actor (lib/data/actor.ts), so a user disabled or moved since signing in loses access at once.
// Cookies are next-auth's: HttpOnly, SameSite=Lax, Secure (with the __Secure- prefix) whenever
// the app is reached over HTTPS, as behind the production reverse proxy. AUTH_SECRET signs the
// cookie: scripts/serve.ts refuses to start without it, npm start and npm test provide one.
// Failed sign-ins are limited per e-mail and per client address (lib/sign-in-limit.ts).
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cache } from 'react';
import { z } from 'zod';
import { loadActor, type Actor } from './data/actor';
import { attemptSignIn } from './data/credentials';
import { getPrisma } from './db';
import { clientAddress, SignInLimit } from './sign-in-limit';

declare module '@auth/core/jwt' {
  interface JWT {
    userId?: string;
  }
}

const ZCredentials = z.object({ email: z.string(), password: z.string() });

/** Failed sign-ins of this server process, per e-mail and per client address. */
const signInLimit = new SignInLimit();

const TOO_MANY_PREFIX = 'tooManyAttempts:';

/** Refused by the limit: `code` (also the redirect's ?code= for a direct POST) carries the minutes, never whether the user exists. */
class TooManySignInAttempts extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `${TOO_MANY_PREFIX}${minutes}`;
  }
}

/** The minutes a refused sign-in must wait, when the limit refused it; undefined for a wrong e-mail or password. */
export function minutesToWaitOf(error: unknown): number | undefined {
  const code = error instanceof CredentialsSignin ? error.code : undefined;
  return code?.startsWith(TOO_MANY_PREFIX) ? Number(code.slice(TOO_MANY_PREFIX.length)) : undefined;
}

/** Sessions last a working day, then sign in again. */
const SESSION_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [
    Credentials({
      credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
      authorize: async (input, request) => {
        const parsed = ZCredentials.safeParse(input);
        if (!parsed.success) throw new CredentialsSignin();
        const outcome = await attemptSignIn(getPrisma(), signInLimit, { ...parsed.data, address: clientAddress(request.headers, process.env.JUESUAN_TRUST_PROXY === 'on') });
        if (!outcome.ok) throw outcome.reason === 'tooManyAttempts' ? new TooManySignInAttempts(outcome.minutes) : new CredentialsSignin();
        return { id: outcome.actor.id, email: outcome.actor.email, name: outcome.actor.displayName };
      },
    }),
  ],
  session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
  pages: { signIn: '/login' },
  // A refused sign-in is expected: one line, not a stack trace per wrong password.
  logger: {
    error: (error) => {
      // `type`, not `name`: the production build minifies class names.
      if ((error as { type?: string }).type !== 'CredentialsSignin') console.error(error);
      else if (minutesToWaitOf(error) !== undefined) console.warn('[auth] 登录被拒绝（尝试次数过多，暂停该邮箱或地址的登录）');
      else console.warn('[auth] 登录被拒绝（邮箱或密码不正确，或用户已停用）');
    },
  },
  trustHost: process.env.AUTH_TRUST_HOST === 'true' || process.env.NODE_ENV !== 'production',
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) token.userId = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (token.userId) session.user.id = token.userId;
      return session;
    },
  },
});

/** The signed-in actor of this request, or null; loaded once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadActor(getPrisma(), id) : null;
});
