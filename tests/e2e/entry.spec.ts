// The accountant's entry area through the UI, each test on a draft of its own (entry-fixtures.ts):
// a figure changed in 支出决算表 moves its totals and the check panel, is saved and read back
// (after a reload, and with SQL); a block pasted from a spreadsheet fills cells and a block onto
// computed cells is refused; a refused entry stays in its cell; the warning explained, 上报
// submits and the page becomes read-only; 添加科目 brings a 项 with its 款 and 类; a stale save
// keeps her edits, and leaving with unsaved edits asks first; 开始填报 opens the next year; the
// entry workbook goes out to Excel and comes back as one previewed, stored change.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadWorkbook } from '../../lib/import/workbook-bytes';
import { createDraftDepartment, storedAmount, storedExplanations, storedStatus, type DraftDepartment } from './entry-fixtures';

const T3 = '2021 年度支出决算表（表 3）';

async function openDraft(page: Page, draft: DraftDepartment) {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(draft.email);
  await page.getByLabel('密码').fill(draft.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/entry$/);
  await page.getByRole('link', { name: `填报 ${draft.departmentName} 2021 年度决算` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${draft.departmentName} 2021 年度部门决算` })).toBeVisible();
  await expect(page.getByText('状态：填报中')).toBeVisible();
}

async function openTable3(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: /表3 支出决算表/ }).click();
  const grid = page.getByRole('grid', { name: T3 });
  await expect(grid).toBeVisible();
  return grid;
}

/** A cell of the grid by its address, "expenditure:2010350:basic". */
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

/** Pastes text as Excel puts it on the clipboard, into the focused cell. */
async function paste(page: Page, text: string) {
  await page.evaluate(async (value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+V');
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a figure changed in 支出决算表 updates its totals and the check panel, is saved, and is stored', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  const panel = page.getByRole('complementary', { name: '审核结果' });
  await expect(panel.getByText('强制性问题 0 个')).toBeVisible();
  await openTable3(page);
  await expect(cell(page, 'expenditure:total:basic')).toHaveText('288.90');

  // 2010350 事业运行 基本支出 214.65 → 215.65, typed over the figure.
  await cell(page, 'expenditure:2010350:basic').click();
  await page.keyboard.type('215.65');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'expenditure:2010350:basic')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:2010350:total')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:20103:basic')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:201:total')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:total:basic')).toHaveText('289.90');
  await expect(cell(page, 'expenditure:total:total')).toHaveText('2,883.93');
  // Enter moved down a line, to the class 208 (computed, shown but not typed in).
  await expect(cell(page, 'expenditure:208:basic')).toBeFocused();
  // 表3 no longer agrees with 表1: blocking findings under 表1, and their link shows 表1's cell.
  await expect(panel.getByText('强制性问题 2 个')).toBeVisible();
  const finding = panel.getByRole('region', { name: '表1 收入支出决算总表' }).getByRole('listitem')
    .filter({ hasText: '表1 第31行「一般公共服务支出」 214.65 ≠ 表3 201 一般公共服务支出 本年支出合计 215.65，差 1.00' });
  await finding.getByRole('button', { name: '查看相关单元格' }).click();
  await expect(page.getByRole('tab', { name: /表1 收入支出决算总表/ })).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'incomeExpenditureSummary:201:expenditure')).toBeFocused();
  await expect(cell(page, 'incomeExpenditureSummary:201:expenditure')).toHaveClass(/highlighted/);
  await openTable3(page);
  await expect(cell(page, 'expenditure:201:total')).toHaveClass(/highlighted/);

  // A computed cell takes no typing.
  await cell(page, 'expenditure:total:basic').click();
  await page.keyboard.type('1');
  await expect(page.locator('#expenditure-message')).toContainText('由系统根据其他单元格计算');
  await expect(cell(page, 'expenditure:total:basic')).toHaveText('289.90');

  await page.getByRole('button', { name: '保存（1）' }).click();
  await expect(page.getByText(/已保存（/)).toBeVisible();
  await expect(page.getByText('版本 2')).toBeVisible();
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2010350', 'basic')).toEqual(['215.65']);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', 'total', 'basic')).toEqual(['289.90']);

  await page.reload();
  await openTable3(page);
  await expect(cell(page, 'expenditure:2010350:basic')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:total:total')).toHaveText('2,883.93');
});

test('a pasted block fills cells from the active one; refused blocks and entries change nothing', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  await openTable3(page);
  const status = page.locator('#expenditure-message');

  // Downwards from 2010350 the next line is the class 208, which the system computes.
  await cell(page, 'expenditure:2010350:basic').click();
  await paste(page, '1\r\n2\r\n');
  await expect(status).toContainText('第 2 行第 1 个数落在「208 社会保障和就业支出 基本支出」，该单元格由系统计算，不能粘贴；未粘贴任何数字');
  await expect(cell(page, 'expenditure:2010350:basic')).toHaveText('214.65');

  // Two lines of 基本支出 and 项目支出 for 2101102 and 2101103, as copied from Excel.
  await cell(page, 'expenditure:2101102:basic').click();
  await paste(page, '10.58\t1\r\n15.46\t2\r\n');
  await expect(status).toHaveText('已粘贴 4 个数');
  await expect(cell(page, 'expenditure:2101102:basic')).toHaveText('10.58');
  await expect(cell(page, 'expenditure:2101102:project')).toHaveText('1.00');
  await expect(cell(page, 'expenditure:2101103:project')).toHaveText('2.00');
  await expect(cell(page, 'expenditure:21011:basic')).toHaveText('26.81');
  await expect(cell(page, 'expenditure:21011:project')).toHaveText('3.00');
  await expect(cell(page, 'expenditure:total:project')).toHaveText('2,597.03');

  // A value with a thousands separator is refused at the cell, kept there and never saved.
  await cell(page, 'expenditure:2101199:basic').click();
  await page.keyboard.type('1,000');
  await page.keyboard.press('Enter');
  const refused = cell(page, 'expenditure:2101199:basic');
  await expect(refused).toHaveText('1,000');
  await expect(refused).toHaveAttribute('aria-invalid', 'true');
  await refused.click();
  await expect(status).toContainText('去掉千位分隔符，写成 "1000"');
  await expect(page.getByText('1 个单元格输入有误，不会保存')).toBeVisible();

  // Escape leaves a cell as it was; Delete clears it.
  await cell(page, 'expenditure:2101102:project').click();
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(cell(page, 'expenditure:2101102:project')).toHaveText('1.00');
  await page.keyboard.press('Delete');
  await expect(cell(page, 'expenditure:2101102:project')).toHaveText('');
  await expect(cell(page, 'expenditure:21011:project')).toHaveText('2.00');

  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByText(/已保存（/)).toBeVisible();
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101102', 'basic')).toEqual(['10.58']);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101102', 'project')).toEqual([]);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101103', 'project')).toEqual(['2.00']);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101199', 'basic')).toEqual(['0.77']);
});

test('with its one warning explained, the accounts are submitted and become read-only', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  const panel = page.getByRole('complementary', { name: '审核结果' });
  await expect(panel.getByText('强制性问题 0 个')).toBeVisible();
  await expect(panel.getByText('提示性问题 1 个（1 个未说明）')).toBeVisible();
  const submit = page.getByRole('button', { name: '上报', exact: true });
  await expect(submit).toBeDisabled();
  await expect(page.getByRole('list', { name: '暂不能上报的原因' })).toHaveText('有 1 个提示性问题须填写出错说明');

  const warning = panel.getByRole('listitem').filter({ hasText: '各项目自评表执行数之和 2,594.02 ≠ 表5 合计行 项目支出 2,594.03' });
  const reason = '项目自评表执行数按项目分别舍位至 0.01 万元后相加，与表5 项目支出相差 0.01 万元，属舍位误差。';
  await warning.getByLabel('出错说明').fill(reason);
  await warning.getByRole('button', { name: '保存说明' }).click();
  await expect(warning.getByText(`出错说明：${reason}`)).toBeVisible();
  await expect(panel.getByText('提示性问题 1 个', { exact: true })).toBeVisible();
  expect(await storedExplanations(draft.finalAccountsId)).toEqual([{ rule: 'performance.projects', text: reason }]);

  await expect(submit).toBeEnabled();
  // A section field holding text that is not an amount holds 上报 back, though nothing is unsaved.
  await page.getByRole('tab', { name: '三公经费' }).click();
  const agency = page.getByLabel('机关运行经费支出');
  await agency.fill('25.88万');
  await expect(submit).toBeDisabled();
  await expect(page.getByText('有 1 处填写有误或尚未填完')).toBeVisible();
  await agency.fill('25.88');
  await expect(submit).toBeEnabled();
  await submit.click();
  await page.getByRole('button', { name: '确认上报' }).click();
  await expect(page.getByText('状态：已上报')).toBeVisible();
  await expect(page.getByText('已上报，等待区财政局审核')).toBeVisible();
  await expect(page.getByRole('button', { name: /保存/ })).toHaveCount(0);
  expect(await storedStatus(draft.finalAccountsId)).toEqual({ status: 'SUBMITTED', version: 2 });

  // After a reload the page stays read-only: typing changes nothing.
  await page.reload();
  await expect(page.getByText('状态：已上报')).toBeVisible();
  const grid = await openTable3(page);
  await expect(grid).toHaveAttribute('aria-readonly', 'true');
  await cell(page, 'expenditure:2010350:basic').click();
  await page.keyboard.type('1');
  await expect(cell(page, 'expenditure:2010350:basic')).toHaveText('214.65');
  await page.getByRole('link', { name: '← 我的部门决算' }).click();
  await expect(page.getByRole('link', { name: `查看 ${draft.departmentName} 2021 年度决算` })).toBeVisible();
});

test('添加科目 lists a 项 with its 款 and 类, which add up its figures, and an empty 项 can be removed', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  await page.getByRole('tab', { name: /表8 政府性基金预算财政拨款收入支出决算表/ }).click();
  await expect(page.getByRole('grid', { name: '2021 年度政府性基金预算财政拨款收入支出决算表（表 8）' })).toBeVisible();
  await expect(cell(page, 'governmentFund:2010350:income')).toHaveCount(0);

  await page.getByRole('button', { name: '添加科目' }).click();
  await page.getByRole('combobox', { name: '添加科目（项）' }).fill('事业运行');
  await page.getByRole('option', { name: /2010350 事业运行/ }).click();
  await expect(page.getByRole('row', { name: /^201 一般公共服务支出/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^20103 政府办公厅（室）及相关机构事务/ })).toBeVisible();
  // The new 项's first figure is ready for typing.
  await expect(cell(page, 'governmentFund:2010350:openingBalance')).toBeFocused();

  await cell(page, 'governmentFund:2010350:income').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'governmentFund:201:income')).toHaveText('5.00');
  await expect(cell(page, 'governmentFund:total:income')).toHaveText('5.00');
  await expect(page.getByRole('button', { name: '删除科目 2010350' })).toHaveCount(0);

  await cell(page, 'governmentFund:2010350:income').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 'governmentFund:total:income')).toHaveText('');
  await page.getByRole('button', { name: '删除科目 2010350' }).click();
  await expect(cell(page, 'governmentFund:201:income')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
});

test('a save over someone else\'s newer save is refused, keeping her edits; leaving with unsaved edits asks first', async ({ page, context }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  await openTable3(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await openTable3(other);

  await cell(other, 'expenditure:2101102:basic').click();
  await other.keyboard.type('9.60');
  await other.keyboard.press('Enter');
  await other.getByRole('button', { name: '保存（1）' }).click();
  await expect(other.getByText(/已保存（/)).toBeVisible();

  await cell(page, 'expenditure:2101103:basic').click();
  await page.keyboard.type('16.50');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '保存（1）' }).click();
  await expect(page.getByText('保存失败：该决算已被他人修改')).toBeVisible();
  await expect(page.getByText('您在本页的修改仍然保留，没有被覆盖')).toBeVisible();
  await expect(cell(page, 'expenditure:2101103:basic')).toHaveText('16.50');
  await expect(page.getByRole('button', { name: '保存（1）' })).toBeEnabled();
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101103', 'basic')).toEqual(['16.46']);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2101102', 'basic')).toEqual(['9.60']);

  // Following a link away asks; dismissed, she stays with her edit.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('本页有尚未保存的修改，离开后将丢失。确定离开吗？');
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: '← 我的部门决算' }).click();
  await expect(page).toHaveURL(/\/entry\/[0-9a-f-]{36}$/);
  await expect(cell(page, 'expenditure:2101103:basic')).toHaveText('16.50');

  // So does the browser's Back button; dismissed, she stays with her edit; accepted, she leaves.
  let asked = 0;
  page.on('dialog', (dialog) => {
    asked += 1;
    void (asked === 1 ? dialog.dismiss() : dialog.accept());
  });
  await page.evaluate(() => window.history.back());
  await expect.poll(() => asked).toBe(1);
  await expect(page).toHaveURL(/\/entry\/[0-9a-f-]{36}$/);
  await expect(cell(page, 'expenditure:2101103:basic')).toHaveText('16.50');
  await page.evaluate(() => window.history.back());
  await expect.poll(() => asked).toBe(2);
  await expect(page).toHaveURL(/\/entry$/);
});

test('开始填报 starts the next year as a draft of its template and opens it', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  await page.getByRole('link', { name: '← 我的部门决算' }).click();
  await page.getByRole('button', { name: `开始填报 ${draft.departmentName} 2022 年度决算` }).click();
  await expect(page).toHaveURL(/\/entry\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: `${draft.departmentName} 2022 年度部门决算` })).toBeVisible();
  await expect(page.getByText('状态：填报中')).toBeVisible();
  await expect(page.getByText(/报表格式：湖北省武汉市区级部门决算公开格式（2022 年度/)).toBeVisible();
  await page.getByRole('tab', { name: /表3 支出决算表/ }).click();
  await expect(page.getByRole('grid', { name: '2022 年度支出决算表（表 3）' })).toBeVisible();

  await page.getByRole('link', { name: '← 我的部门决算' }).click();
  await expect(page.getByRole('link', { name: `填报 ${draft.departmentName} 2022 年度决算` })).toBeVisible();
  await expect(page.getByRole('button', { name: `开始填报 ${draft.departmentName} 2022 年度决算` })).toHaveCount(0);
});

test('the entry workbook: downloaded from the page, a figure changed in it, previewed cell by cell, imported and stored; text in a number cell is refused by sheet and cell', async ({ page }) => {
  const draft = createDraftDepartment();
  await openDraft(page, draft);
  const panel = page.getByRole('region', { name: '填报工作簿' });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: '下载填报工作簿（Excel）' }).click()]);
  const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));

  // As an accountant would in Excel: first a word where a figure belongs, then the figure.
  const workbook = await loadWorkbook(bytes);
  const sheet = workbook.getWorksheet('表3 支出决算表');
  if (!sheet) throw new Error('the workbook has no sheet 表3 支出决算表');
  expect(sheet.getCell('D9').value).toBe(214.65);
  const saved = async (name: string) => {
    const path = test.info().outputPath(name);
    await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return path;
  };
  sheet.getCell('D9').value = '二百一十五';
  await panel.getByLabel('导入已填写的工作簿').setInputFiles(await saved('text.xlsx'));
  await panel.getByRole('button', { name: '预览' }).click();
  await expect(panel.getByRole('alert')).toContainText('表3 支出决算表!D9：不是数字');
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2010350', 'basic')).toEqual(['214.65']);

  sheet.getCell('D9').value = 215.65;
  await panel.getByLabel('导入已填写的工作簿').setInputFiles(await saved('edited.xlsx'));
  await panel.getByRole('button', { name: '预览' }).click();
  const diff = panel.getByRole('table', { name: /将导入 1 个单元格的修改/ });
  await expect(diff.getByRole('row').nth(1).getByRole('cell')).toHaveText(['表3 支出决算表', 'D9', '214.65', '215.65']);
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', '2010350', 'basic')).toEqual(['214.65']);

  await panel.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => storedAmount(draft.finalAccountsId, 'expenditure', '2010350', 'basic')).toEqual(['215.65']);
  // The page, reloaded, shows the imported figure and the totals it moves.
  await expect(page.getByText('版本 2')).toBeVisible();
  await openTable3(page);
  await expect(cell(page, 'expenditure:2010350:basic')).toHaveText('215.65');
  await expect(cell(page, 'expenditure:total:total')).toHaveText('2,883.93');
  expect(await storedAmount(draft.finalAccountsId, 'expenditure', 'total', 'basic')).toEqual(['289.90']);
  expect(await storedStatus(draft.finalAccountsId)).toEqual({ status: 'DRAFT', version: 2 });
});
