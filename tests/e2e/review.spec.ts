// The whole review loop in two browser contexts, on a district of its own (review-fixtures.ts):
// the accountant explains her one warning and submits; the reviewer finds the accounts on the
// dashboard, comments on a figure of 表7 and returns them; the accountant sees the comment, follows
// it to the cell, corrects the figure and submits again; the reviewer sees the cell marked as
// changed beside the comment it answers, approves and publishes; the public page shows the
// accounts with the corrected figure, and the district consolidation holds it with a drill-down
// to the department. What the UI did is read back with SQL.
import { expect, test, type Page } from '@playwright/test';
import { signInNewContext } from './sign-in-context';
import { storedStatus } from './entry-fixtures';
import { createReviewCase, storedComments, storedRevisions, type ReviewCase } from './review-fixtures';

const RECEPTIONS_BUDGET = 'threePublicExpensesTable:total:budgetReceptions';
const COMMENT = '公务接待费预算数与预算批复不符，批复为 1.60 万元，请核对后重新上报。';
const REASON = '项目自评表执行数按项目分别舍位至 0.01 万元后相加，与表5 项目支出相差 0.01 万元，属舍位误差。';

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

async function submitAccounts(page: Page) {
  await page.getByRole('button', { name: '上报', exact: true }).click();
  await page.getByRole('button', { name: '确认上报' }).click();
  await expect(page.getByText('状态：已上报')).toBeVisible();
}

async function decide(page: Page, action: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('button', { name: `确认${action}` }).click();
  await expect(page.getByText(`状态：${status}`)).toBeVisible();
}

async function openFromDashboard(page: Page, review: ReviewCase) {
  await page.getByRole('navigation', { name: '账户' }).getByRole('link', { name: '决算审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '决算审核' })).toBeVisible();
  await page.getByLabel('部门名称').fill(review.departmentName.slice(-8));
  await expect(page.getByText('显示 1 / 1 个部门')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: review.departmentName });
  await expect(row).toContainText('已上报');
  await row.getByRole('link', { name: review.departmentName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${review.departmentName} 2021 年度部门决算` })).toBeVisible();
}

test('submit, return with a comment on a cell, fix and resubmit, see the change, approve and publish', async ({ browser }) => {
  test.setTimeout(180_000);
  const review = createReviewCase();

  // The accountant explains the rounding warning and submits.
  const accountant = await signInNewContext(browser, review.accountant, review.password);
  await accountant.getByRole('link', { name: `填报 ${review.departmentName} 2021 年度决算` }).click();
  const checks = accountant.getByRole('complementary', { name: '审核结果' });
  const warning = checks.getByRole('listitem').filter({ hasText: '各项目自评表执行数之和 2,594.02 ≠ 表5 合计行 项目支出 2,594.03' });
  await warning.getByLabel('出错说明').fill(REASON);
  await warning.getByRole('button', { name: '保存说明' }).click();
  await expect(warning.getByText(`出错说明：${REASON}`)).toBeVisible();
  await submitAccounts(accountant);

  // The reviewer finds it on the dashboard, comments on 表7's 公务接待费 预算数, and returns it.
  const reviewer = await signInNewContext(browser, review.reviewer, review.password);
  await openFromDashboard(reviewer, review);
  await expect(reviewer.getByText('状态：已上报')).toBeVisible();
  await expect(reviewer.getByRole('button', { name: '退回', exact: true })).toBeDisabled();
  await expect(reviewer.getByText(`出错说明：${REASON}`)).toBeVisible();
  await expect(cell(reviewer, RECEPTIONS_BUDGET)).toHaveText('0.60');
  await cell(reviewer, RECEPTIONS_BUDGET).click();
  const comments = reviewer.getByRole('region', { name: '审核意见' });
  await expect(comments.getByLabel('意见位置')).toHaveValue(RECEPTIONS_BUDGET);
  await comments.getByLabel('意见', { exact: true }).fill(COMMENT);
  await comments.getByRole('button', { name: '提出意见' }).click();
  await expect(comments.getByText('本次上报的意见（1 条）')).toBeVisible();
  await expect(comments.getByText(COMMENT)).toBeVisible();
  await expect(cell(reviewer, RECEPTIONS_BUDGET)).toHaveClass(/commented/);
  await decide(reviewer, '退回', '已退回');
  const [comment] = await storedComments(review.finalAccountsId);
  expect(comment).toMatchObject({ anchor: RECEPTIONS_BUDGET, body: COMMENT });
  expect((await storedStatus(review.finalAccountsId)).status).toBe('RETURNED');

  // The accountant sees the comment, follows it to the cell, corrects it and submits again.
  await accountant.reload();
  await expect(accountant.getByText('状态：已退回')).toBeVisible();
  const bureau = accountant.getByRole('region', { name: /区财政局审核意见/ });
  await expect(bureau.getByText(COMMENT)).toBeVisible();
  await bureau.getByRole('button', { name: /表7 .*预算数 公务接待费/ }).click();
  await expect(accountant.getByRole('tab', { name: /表7/ })).toHaveAttribute('aria-selected', 'true');
  await expect(cell(accountant, RECEPTIONS_BUDGET)).toBeFocused();
  await accountant.keyboard.type('1.60');
  await accountant.keyboard.press('Enter');
  await expect(cell(accountant, RECEPTIONS_BUDGET)).toHaveText('1.60');
  await accountant.getByRole('button', { name: '保存（1）' }).click();
  await expect(accountant.getByText(/已保存（/)).toBeVisible();
  await submitAccounts(accountant);

  // The reviewer sees the changed cell beside the comment it answers, approves and publishes.
  await reviewer.reload();
  await expect(reviewer.getByText('状态：已上报')).toBeVisible();
  await expect(cell(reviewer, RECEPTIONS_BUDGET)).toHaveText('1.60');
  await expect(cell(reviewer, RECEPTIONS_BUDGET)).toHaveClass(/changed/);
  const panel = reviewer.getByRole('region', { name: '审核意见' });
  await expect(panel.getByRole('region', { name: /自上次审核以来的修改/ })).toContainText('预算数 公务接待费');
  await expect(panel.getByRole('listitem').filter({ hasText: COMMENT })).toContainText('已修改');
  await decide(reviewer, '审核通过', '审核通过');
  await decide(reviewer, '公开', '已公开');
  const revisions = await storedRevisions(review.finalAccountsId);
  expect(revisions.map((r) => r.status)).toEqual(expect.arrayContaining(['SUBMITTED', 'APPROVED', 'PUBLISHED']));

  // Anyone reads the published accounts, with the corrected figure.
  // The test database holds many published accounts, so she searches for the department by name.
  const visitor = await browser.newPage();
  await visitor.goto(`/?q=${encodeURIComponent(review.departmentName)}`);
  await visitor.getByRole('link', { name: review.departmentName }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: `${review.departmentName} 2021 年度部门决算` })).toBeVisible();
  await expect(visitor.getByRole('navigation', { name: '位置' })).toContainText(review.districtName);
  // A public page's amount cells carry the cell key in their id: c-{table}-{row}-{column}.
  await expect(visitor.locator(`#c-${RECEPTIONS_BUDGET.replaceAll(':', '-')}`)).toHaveText('1.60');

  // The district consolidation holds the published accounts: the figure, and the department behind it.
  await reviewer.goto('/review?year=2021');
  await reviewer.getByRole('link', { name: '2021 年度全区汇总' }).click();
  await expect(reviewer.getByText('汇总 1 个部门（审核通过及已公开）')).toBeVisible();
  await expect(cell(reviewer, RECEPTIONS_BUDGET)).toHaveText('1.60');
  await cell(reviewer, RECEPTIONS_BUDGET).click();
  await expect(reviewer.getByRole('table', { name: '各部门数额' }).getByRole('row').filter({ hasText: review.departmentName })).toContainText('1.60');
});

test('publishing a correction replaces the cached public page, with its correction on record', async ({ browser }) => {
  const review = createReviewCase('correction');
  const path = review.publicPath ?? '';
  expect(path).toMatch(/^\/2021\/[a-z0-9-]+\/[a-z0-9-]+$/);
  const receptions = (page: Page) => page.locator(`#c-${RECEPTIONS_BUDGET.replaceAll(':', '-')}`);

  // Twice, so that the second visit is the kept page.
  const visitor = await browser.newPage();
  for (let i = 0; i < 2; i += 1) {
    const response = await visitor.goto(path);
    if (i === 1) expect(response?.headers()['x-nextjs-cache']).toBe('HIT');
    await expect(receptions(visitor)).toHaveText('0.60');
  }
  await expect(visitor.getByRole('heading', { name: '更正记录' })).toHaveCount(0);

  const reviewer = await signInNewContext(browser, review.reviewer, review.password);
  await reviewer.goto(`/review/${review.finalAccountsId}`);
  await decide(reviewer, '公开', '已公开');

  await visitor.goto(path);
  await expect(receptions(visitor)).toHaveText('1.60');
  const corrections = visitor.getByRole('region', { name: '更正记录' });
  await expect(corrections.getByRole('listitem')).toHaveText([/公开第 1 版（首次公开）/, /公开第 5 版（更正原因：公务接待费预算数按批复更正为 1\.60 万元）/]);
});
