// Signing in and out through the UI: the demo accountant lands on 我的部门决算 with her
// department's published 2021 accounts (to 查看, not to fill in); 退出 ends the session; a
// wrong password or an unknown e-mail is refused with the same message and no session cookie.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const ACCOUNTANT = 'accountant@juesuan.local';
const DEMO_PASSWORD = 'juesuan-demo';
const REFUSED = '邮箱或密码不正确';

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name));

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('the demo accountant signs in, sees her final accounts, and signs out', async ({ page, context }) => {
  await signIn(page, ACCOUNTANT, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/entry$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的部门决算' })).toBeVisible();
  const row = page.getByRole('table', { name: '我的部门决算' }).getByRole('row', { name: /武汉市硚口区大数据中心 2021/ });
  await expect(row.getByRole('cell')).toHaveText(['2021', '已公开', '查看']);
  // Published accounts are read, not filled in.
  await expect(row.getByRole('link', { name: '查看 武汉市硚口区大数据中心 2021 年度决算' })).toHaveAttribute('href', /^\/entry\/[0-9a-f-]{36}$/);

  const cookie = await sessionCookie(context);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const account = page.getByRole('navigation', { name: '账户' });
  await expect(account).toContainText(ACCOUNTANT);

  // Public pages stay public: the same page for everyone (their header does not read the
  // session, so they can be cached), with the way in for staff.
  await page.goto('/');
  await expect(page.getByRole('table', { name: '已公开的部门决算' })).toBeVisible();
  await expect(account.getByRole('link', { name: '工作人员登录' })).toHaveAttribute('href', '/login');
  await expect(account).not.toContainText(ACCOUNTANT);

  await page.goto('/entry');
  await account.getByRole('button', { name: '退出' }).click();
  await expect(account.getByRole('link', { name: '登录' })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();
  await page.goto('/entry');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password and an unknown e-mail are refused alike, with no session', async ({ page, context }) => {
  for (const [email, password] of [[ACCOUNTANT, 'juesuan-demo-wrong'], ['nobody@juesuan.local', DEMO_PASSWORD]] as const) {
    await signIn(page, email, password);
    await expect(page.locator('#sign-in-error')).toHaveText(REFUSED);
    await expect(page).toHaveURL(/\/login$/);
    expect(await sessionCookie(context)).toBeUndefined();
  }
  await page.goto('/entry');
  await expect(page).toHaveURL(/\/login$/);
});
