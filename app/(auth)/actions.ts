'use server';
// Sign-in and sign-out. Both are public POST endpoints; next-auth checks the credentials and
// sets or clears the session cookie. A refusal never says whether the e-mail exists; past too
// many failures (lib/sign-in-limit.ts) it says how many minutes to wait.
import { AuthError } from 'next-auth';
import { minutesToWaitOf, signIn, signOut } from '@/lib/auth';
import { tooManyAttemptsMessage } from '@/lib/sign-in-limit';

export interface SignInState {
  message: string | null;
  email: string;
}

const SIGN_IN_REFUSED = '邮箱或密码不正确';

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const email = text('email');
  const password = text('password');
  if (!email.trim() || !password) return { message: '请填写邮箱和密码', email };
  try {
    // On success this throws Next.js's redirect, which must propagate.
    await signIn('credentials', { email, password, redirectTo: '/entry' });
  } catch (error) {
    if (error instanceof AuthError) {
      const minutes = minutesToWaitOf(error);
      return { message: minutes === undefined ? SIGN_IN_REFUSED : tooManyAttemptsMessage(minutes), email };
    }
    throw error;
  }
  return { message: null, email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
