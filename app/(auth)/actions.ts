'use server';
// Sign-in and sign-out. Both are public POST endpoints; next-auth checks the credentials and
// sets or clears the session cookie. A refusal never says whether the e-mail exists.
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth';

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
    if (error instanceof AuthError) return { message: SIGN_IN_REFUSED, email };
    throw error;
  }
  return { message: null, email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
