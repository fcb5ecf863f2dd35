// A user signed in in a browser context of their own (zh-CN), as two people at two browsers:
// the sign-in form filled and sent, and the landing page (/entry) reached.
import { expect, type Browser, type Page } from '@playwright/test';

export async function signInNewContext(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/entry$/);
  return page;
}
