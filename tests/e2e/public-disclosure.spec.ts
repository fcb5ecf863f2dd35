// The public, without signing in, finds published accounts of both layouts and reads them as
// printed: the seed department's 2021 accounts (Hubei: numbered tables, 行次 and 栏次) and the
// 上海市普陀区财政局's 2024 accounts (Shanghai: plain titles, no numbers); then we check the
// figures are stored exactly.
import { expect, test } from '@playwright/test';
import pg from 'pg';

const DEPARTMENT = '武汉市硚口区大数据中心';
const SHANGHAI_DEPARTMENT = '上海市普陀区财政局';

/** One figure of these accounts as stored, numeric(18,2) as text (names from prisma/schema.prisma). */
async function storedAmount(finalAccountsId: string, table: string, row: string, column: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ amount: string }>(
      'SELECT amount::text AS amount FROM figure WHERE final_accounts_id = $1 AND table_code = $2 AND row_key = $3 AND column_key = $4',
      [finalAccountsId, table, row, column],
    );
    return rows.map((r) => r.amount);
  } finally {
    await client.end();
  }
}

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

  // 表7, 预算数 (1–6) then 决算数 (7–12): only 合计 and 公务接待费 budgeted, nothing spent, as the document says.
  const t7 = page.getByRole('table', { name: '2021 年度一般公共预算财政拨款“三公”经费支出决算表（表 7）' });
  await expect(t7.getByRole('columnheader', { name: '预算数' })).toHaveAttribute('colspan', '6');
  // 公务用车购置及运行费 over 小计, 购置费 and 运行费, in each half.
  await expect(t7.getByRole('columnheader', { name: '公务用车购置及运行费', exact: true })).toHaveCount(2);
  await expect(t7.getByRole('columnheader', { name: '公务用车购置及运行费', exact: true }).first()).toHaveAttribute('colspan', '3');
  await expect(t7.getByRole('row').last().getByRole('cell')).toHaveText(['0.60', '', '', '', '', '0.60', '', '', '', '', '', '']);
  await expect(page.getByText('说明：本部门 2021 年度无一般公共预算财政拨款“三公”经费支出。')).toBeVisible();

  // What is stored: 表1 行1 栏1 of these accounts, under its format 2 key.
  expect(await storedAmount(id, 'incomeExpenditureSummary', 'generalBudgetAppropriation', 'income')).toEqual(['2882.93']);
});

test('the public reads a Shanghai department’s published 2024 accounts in the Shanghai layout', async ({ page }) => {
  await page.goto('/');
  const listing = page.getByRole('table', { name: '已公开的部门决算' });
  const bureau = listing.getByRole('row', { name: new RegExp(SHANGHAI_DEPARTMENT) });
  await expect(bureau.getByRole('cell')).toHaveText(['上海市普陀区', '2024', '2,946.25 万元', '2,940.05 万元']);

  await bureau.getByRole('link', { name: SHANGHAI_DEPARTMENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${SHANGHAI_DEPARTMENT} 2024 年度部门决算` })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';

  // 收入支出决算总表: titled as printed, without year or number, and without 行次 or 栏次.
  const summary = page.getByRole('table', { name: '收入支出决算总表', exact: true });
  await expect(summary).toContainText(`部门：${SHANGHAI_DEPARTMENT}`);
  await expect(summary.getByRole('columnheader', { name: '行次' })).toHaveCount(0);
  await expect(summary.getByText('栏次')).toHaveCount(0);
  await expect(summary.getByRole('row', { name: /一、一般公共预算财政拨款收入/ }).getByRole('cell')).toHaveText(['2,940.05', '2,106.66']);
  // The totals face each other: 本年收入合计 beside 本年支出合计, 总计 beside 总计.
  await expect(summary.getByRole('row', { name: /^本年收入合计/ }).getByRole('cell')).toHaveText(['2,946.25', '2,940.05']);
  await expect(summary.getByRole('row', { name: /^总计/ }).getByRole('cell')).toHaveText(['2,995.39', '2,995.39']);

  // The 三公 table alternates 预算数 and 决算数 item by item: 0.95 budgeted in total and for receptions.
  const threePublic = page.getByRole('table', { name: '财政拨款“三公”经费支出决算表', exact: true });
  await expect(threePublic.getByRole('columnheader', { name: '预算数' })).toHaveCount(6);
  // 公务用车购置及运行维护费 over 小计, 购置费 and 运行维护费, each with its 预算数 and 决算数.
  await expect(threePublic.getByRole('columnheader', { name: '公务用车购置及运行维护费', exact: true })).toHaveAttribute('colspan', '6');
  await expect(threePublic.getByRole('row').last().getByRole('cell')).toHaveText(['0.95', '', '', '', '', '', '', '', '', '', '0.95', '']);

  // An empty table carries the document's own words.
  await expect(page.getByText('注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。')).toBeVisible();

  expect(await storedAmount(id, 'incomeExpenditureSummary', 'incomeTotal', 'income')).toEqual(['2946.25']);
  expect(await storedAmount(id, 'incomeExpenditureSummary', 'incomeGrandTotal', 'income')).toEqual(['2995.39']);
});

test('an unknown id is not found', async ({ page }) => {
  const response = await page.goto('/accounts/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible();
});
