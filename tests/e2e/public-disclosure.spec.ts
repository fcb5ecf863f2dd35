// The public, without signing in, finds the seed department's published 2021 accounts and
// reads them in the published layout; then we check the figure is stored exactly.
import { expect, test } from '@playwright/test';
import pg from 'pg';

const DEPARTMENT = '武汉市硚口区大数据中心';

test('the public reads the published final accounts of the seed department', async ({ page }) => {
  await page.goto('/');
  const listing = page.getByRole('table', { name: '已公开的部门决算' });
  const seed = listing.getByRole('row', { name: new RegExp(DEPARTMENT) });
  await expect(seed.getByRole('cell')).toHaveText(['武汉市硚口区', '2021', '2,882.93 万元', '2,882.93 万元']);

  await seed.getByRole('link', { name: DEPARTMENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${DEPARTMENT} 2021 年度部门决算` })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';

  // 表1, two-sided: 一、一般公共预算财政拨款收入 (行次 1) beside 一、一般公共服务支出 (行次 31).
  await expect(page.getByRole('heading', { level: 2, name: '2021 年度收入支出决算总表（表 1）' })).toBeVisible();
  const t1 = page.getByRole('table', { name: '2021 年度收入支出决算总表（表 1）' });
  await expect(t1).toContainText(`部门：${DEPARTMENT}`);
  const appropriation = t1.getByRole('row', { name: /一、一般公共预算财政拨款收入/ });
  await expect(appropriation.getByRole('cell')).toHaveText(['1', '2,882.93', '31', '214.65']);

  // 表3 合计: 本年支出合计, 基本支出, 项目支出, then three blank columns.
  const t3 = page.getByRole('table', { name: '2021 年度支出决算表（表 3）' });
  await expect(t3.getByRole('row', { name: /^合计/ }).getByRole('cell')).toHaveText(['2,882.93', '288.90', '2,594.03', '', '', '']);

  // 表6 last line: 人员经费合计 and 公用经费合计.
  const t6 = page.getByRole('table', { name: '2021 年度一般公共预算财政拨款基本支出决算明细表（表 6）' });
  await expect(t6.getByRole('row', { name: /人员经费合计/ }).getByRole('cell')).toHaveText(['263.02', '25.88']);

  // What is stored: 表1 行1 栏1 of these accounts, as numeric(18,2) (names from prisma/schema.prisma).
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ amount: string }>(
      `SELECT amount::text AS amount FROM figure WHERE final_accounts_id = $1 AND table_code = 'T1' AND row_key = '1' AND column_key = '1'`,
      [id],
    );
    expect(rows).toEqual([{ amount: '2882.93' }]);
  } finally {
    await client.end();
  }
});

test('an unknown id is not found', async ({ page }) => {
  const response = await page.goto('/accounts/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible();
});
