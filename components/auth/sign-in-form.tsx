'use client';
// The sign-in form: e-mail and password, posted to a server action; the refusal is announced.
import { useActionState } from 'react';
import type { SignInState } from '@/app/(auth)/actions';

interface Props {
  action: (previous: SignInState, form: FormData) => Promise<SignInState>;
}

export function SignInForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, { message: null, email: '' });
  return (
    <form action={formAction} className="auth-form" noValidate>
      <label htmlFor="email">邮箱</label>
      <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} autoFocus />
      <label htmlFor="password">密码</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {state.message ? (
        <p className="auth-error" role="alert" id="sign-in-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
