// The sign-in page. Someone already signed in goes straight to their landing page.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentActor } from '@/lib/auth';
import { signInAction } from '../actions';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage() {
  if (await currentActor()) redirect('/entry');
  return (
    <section className="auth-panel">
      <h1>登录</h1>
      <p className="lead">部门会计、区财政局审核人员和管理员请用邮箱和密码登录。公众查阅已公开的部门决算无需登录。</p>
      <SignInForm action={signInAction} />
    </section>
  );
}
