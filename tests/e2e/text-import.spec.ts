// The finance bureau imports published texts (/review/import), on a district of its own under a
// real district's name (text-import-fixtures.ts): the reviewer of 武汉市硚口区 chooses three files
// at once, sees each read in turn, then three cards: the seed text (its department renamed, so new
// in the district) ready to import as the 2021 record, 社会工作部's refused as another district's,
// the damaged copy refused as incomplete by its lines; she names the new department's address and
// imports the one; what was stored is read back with SQL (department, published accounts and
// revision, every figure of the seed's transcription, audit rows, nothing of the refused two), and
// the public page shows it. A second test: 财政局's text, with one problem, is imported into
// 上海市普陀区 only once the reviewer has ticked that she checked it.
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInNewContext } from './sign-in-context';
import {
  auditsBy, createPutuoImport, createQiaokouImport, storedAccounts, storedCells, storedDepartments, storedRevisions,
} from './text-import-fixtures';

/** 决算审核 → 导入已公开的决算, as the reviewer finds it. */
async function openImport(page: Page) {
  await page.getByRole('navigation', { name: '账户' }).getByRole('link', { name: '决算审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '决算审核' })).toBeVisible();
  await page.getByRole('link', { name: '导入已公开的决算' }).click();
  await expect(page).toHaveURL(/\/review\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: '导入已公开的决算' })).toBeVisible();
}

// The set-up writes each test's texts to a temporary directory of its own.
const directories: string[] = [];
test.afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** One document's card, by its title: the file name while it is read, then "<department> <year> 年度". */
const card = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });

/** The value a card's facts list gives for a term (报表格式, 本年收入合计, …). */
const fact = (row: Locator, term: string) => row.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

test('three texts at once: the one of the district imported as its published 2021 record, another district\'s and the damaged copy refused', async ({ browser }) => {
  test.setTimeout(120_000);
  const bureau = createQiaokouImport();
  directories.push(dirname(bureau.files.seed));
  const names = { seed: basename(bureau.files.seed), socialWork: basename(bureau.files.socialWork), damaged: basename(bureau.files.damaged) };
  const titles = { seed: `${bureau.departmentName} 2021 年度`, socialWork: '中共上海市普陀区委社会工作部 2024 年度', damaged: '上海市普陀区财政局 2024 年度' };

  const page = await signInNewContext(browser, bureau.reviewer, bureau.password);
  await openImport(page);
  const input = page.getByLabel('选择武汉市硚口区的公开文本（.txt，可多选）');

  // Each preview is held at the network until its progress has been seen, so that the test sees
  // every step however fast the server reads; the page itself runs unchanged.
  const held: (() => void)[] = [];
  let holding = true;
  await page.route('**/review/import', async (route) => {
    if (holding && route.request().method() === 'POST') await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
  });

  await input.setInputFiles([bureau.files.seed, bureau.files.socialWork, bureau.files.damaged]);
  const progress = page.getByRole('status').filter({ hasText: '正在读取' });
  const order = [names.seed, names.socialWork, names.damaged];
  for (const [i, name] of order.entries()) {
    await expect(progress).toHaveText(`正在读取第 ${i + 1} / 3 份：${name}`);
    await expect(progress.getByRole('progressbar', { name: '正在读取进度' })).toHaveAttribute('value', String(i));
    await expect(input).toBeDisabled();
    // The files not yet read wait, under their file names.
    for (const waiting of order.slice(i)) await expect(card(page, waiting)).toContainText('正在读取…');
    await expect.poll(() => held.length).toBe(1);
    held.shift()?.();
  }
  holding = false;
  await expect(progress).toHaveCount(0);
  await expect(input).toBeEnabled();
  await page.unroute('**/review/import');
  await expect(page.getByText('共 3 份。')).toBeVisible();

  // The seed text: hubei-2021, the year, the district it prints, its totals; ready as a new department's record.
  const seed = card(page, titles.seed);
  await expect(seed.getByRole('heading', { level: 2 })).toHaveText(titles.seed);
  await expect(seed).toContainText(names.seed);
  await expect(fact(seed, '报表格式')).toHaveText('湖北省武汉市区级部门决算公开格式（2021 年度）（UTF-8）');
  await expect(fact(seed, '所属地区')).toHaveText('武汉市硚口区');
  await expect(fact(seed, '本年收入合计')).toHaveText('2,882.93 万元');
  await expect(fact(seed, '本年支出合计')).toHaveText('2,882.93 万元');
  await expect(seed.getByText('将导入（预览，尚未保存）')).toBeVisible();
  await expect(seed.getByRole('checkbox', { name: `导入 ${titles.seed}` })).toBeChecked();
  await expect(seed.getByLabel('导入到部门')).toHaveValue('new');
  await expect(seed.getByLabel('导入到部门').locator('option:checked')).toHaveText(`新建部门「${bureau.departmentName}」`);
  await expect(seed.getByRole('radio', { name: /^已公开的决算/ })).toBeChecked();
  await expect(seed.getByRole('group', { name: '不能导入' })).toHaveCount(0);

  // 社会工作部's text: Shanghai's, not this district's.
  const socialWork = card(page, titles.socialWork);
  await expect(socialWork).toContainText(names.socialWork);
  await expect(socialWork.getByRole('group', { name: '不能导入' })).toHaveText('不能导入：这是上海市普陀区的决算，不属于武汉市硚口区，不能导入本区');
  await expect(socialWork.getByRole('checkbox', { name: `导入 ${titles.socialWork}` })).toBeDisabled();
  await expect(socialWork.getByRole('checkbox', { name: `导入 ${titles.socialWork}` })).not.toBeChecked();
  await expect(socialWork.getByLabel('导入到部门')).toHaveCount(0); // refused whatever she chooses: no choices offered

  // The damaged copy: incomplete at lines 167 and 293, whatever district it is of.
  const damaged = card(page, titles.damaged);
  await expect(damaged).toContainText(names.damaged);
  const damage = '文本不完整（第 167 行、第 293 行：缺表或表被截断），不能导入；请取得完整的公开文本后重新导入';
  await expect(damaged.getByRole('group', { name: '不能导入' }).getByRole('listitem')).toHaveText([damage, '这是上海市普陀区的决算，不属于武汉市硚口区，不能导入本区']);
  await expect(damaged.getByText(damage, { exact: true })).toHaveCount(1);
  await expect(damaged.getByText('不能导入，原因见下', { exact: true })).toBeVisible();
  await expect(damaged.getByText('未能读入或须核对之处（2）')).toBeVisible();
  await expect(damaged.getByRole('listitem').filter({ hasText: /^第 167 行：缺少「支出决算表」/ })).toHaveCount(1);
  await expect(damaged.getByRole('listitem').filter({ hasText: /^第 293 行：「财政拨款“三公”经费支出决算表」不完整/ })).toHaveCount(1);
  await expect(damaged.getByRole('checkbox', { name: /已对照原文核对/ })).toHaveCount(0);
  await expect(damaged.getByRole('checkbox', { name: `导入 ${titles.damaged}` })).toBeDisabled();
  await expect(damaged.getByLabel('导入到部门')).toHaveCount(0);

  // She names the new department's address, keeps 已公开的决算, and imports the one.
  await seed.getByLabel('网址名（选填）').fill(bureau.departmentSlug);
  const importButton = page.getByRole('button', { name: /^导入选中的 \d+ 份$/ });
  await expect(importButton).toHaveText('导入选中的 1 份');
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(seed.getByRole('status')).toHaveText('已导入为已公开的决算（新建了部门）。在 2021 年度审核列表中查看');
  await expect(seed.getByRole('link', { name: '在 2021 年度审核列表中查看' })).toHaveAttribute('href', '/review?year=2021');
  await expect(page.getByText('共 3 份，已导入 1 份。')).toBeVisible();
  await expect(importButton).toHaveText('导入选中的 0 份');
  await expect(importButton).toBeDisabled();

  // Stored: the one department with its address name, its accounts published as version 1.
  const departments = await storedDepartments(bureau.districtId);
  expect(departments.map((d) => [d.name, d.slug])).toEqual([[bureau.departmentName, bureau.departmentSlug]]);
  const accounts = await storedAccounts(bureau.districtId);
  expect(accounts).toMatchObject([{ departmentId: departments[0]?.id, fiscalYear: 2021, status: 'PUBLISHED', version: 1, level: 'DEPARTMENT' }]);
  const id = accounts[0]?.id ?? '';
  expect(await storedRevisions(id)).toEqual([{ version: 1, status: 'PUBLISHED', departmentName: bureau.departmentName, districtName: '武汉市硚口区' }]);
  // Every figure of the seed's transcription, and no other.
  const cells = await storedCells(id);
  expect(Object.keys(bureau.cells).length).toBeGreaterThan(100); // 170 non-blank cells in the seed
  expect(cells).toEqual(bureau.cells);
  // Her audit rows: the department made, the accounts made from the uploaded file and published; nothing of the refused two.
  expect(await auditsBy(bureau.reviewerId)).toEqual([
    { action: 'department.create', entity: 'Department', entityId: departments[0]?.id, finalAccountsId: null, sourceFile: names.seed, sourceProblems: '[]' },
    { action: 'finalAccounts.create', entity: 'FinalAccounts', entityId: id, finalAccountsId: id, sourceFile: names.seed, sourceProblems: '[]' },
    { action: 'finalAccounts.publish', entity: 'FinalAccounts', entityId: id, finalAccountsId: id, sourceFile: null, sourceProblems: null },
  ]);

  // Anyone reads it at its address.
  const visitor = await browser.newPage();
  await visitor.goto(`/2021/${bureau.districtSlug}/${bureau.departmentSlug}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`${bureau.departmentName} 2021 年度部门决算`);
  await expect(visitor.locator('#c-incomeExpenditureSummary-incomeTotal-income')).toHaveText('2,882.93');
});

test('a text with a problem to check is imported only once the reviewer has ticked that she checked it', async ({ browser }) => {
  test.setTimeout(90_000);
  const bureau = createPutuoImport();
  directories.push(dirname(bureau.files.financeBureau));
  const title = '上海市普陀区财政局 2024 年度';
  const page = await signInNewContext(browser, bureau.reviewer, bureau.password);
  await openImport(page);
  await page.getByLabel('选择上海市普陀区的公开文本（.txt，可多选）').setInputFiles(bureau.files.financeBureau);

  const row = card(page, title);
  await expect(fact(row, '报表格式')).toHaveText('上海市区级部门决算公开格式（2024 年度）（UTF-8）');
  await expect(row.getByText('未能读入或须核对之处（1）')).toBeVisible();
  await expect(row.getByRole('listitem').filter({ hasText: /^第 353 行：/ })).toHaveCount(1);
  await expect(row.getByText('请先对照原文核对 1 处未能读入或须核对之处，并勾选确认')).toBeVisible();
  await expect(row.getByRole('radio', { name: /^已公开的决算/ })).toBeChecked();
  const importButton = page.getByRole('button', { name: /^导入选中的 \d+ 份$/ });
  await expect(importButton).toHaveText('导入选中的 0 份');
  await expect(importButton).toBeDisabled();
  expect(await storedDepartments(bureau.districtId)).toEqual([]);

  await row.getByRole('checkbox', { name: '已对照原文核对以上 1 处，按读出的数字导入' }).check();
  await expect(row.getByRole('checkbox', { name: `导入 ${title}` })).toBeChecked();
  await expect(importButton).toHaveText('导入选中的 1 份');
  await importButton.click();
  await expect(row.getByRole('status')).toHaveText('已导入为已公开的决算（新建了部门）。在 2024 年度审核列表中查看');

  const departments = await storedDepartments(bureau.districtId);
  expect(departments).toMatchObject([{ name: '上海市普陀区财政局', slug: expect.stringMatching(/^d-[0-9a-f]{8}$/) }]);
  const accounts = await storedAccounts(bureau.districtId);
  expect(accounts).toMatchObject([{ departmentId: departments[0]?.id, fiscalYear: 2024, status: 'PUBLISHED', version: 1 }]);
  const audits = await auditsBy(bureau.reviewerId);
  expect(audits.map((a) => a.action)).toEqual(['department.create', 'finalAccounts.create', 'finalAccounts.publish']);
  // The one problem she acknowledged is on record with the accounts.
  expect(audits[1]).toMatchObject({ finalAccountsId: accounts[0]?.id, sourceFile: basename(bureau.files.financeBureau), sourceProblems: expect.stringMatching(/^\[\{"line": 353, "reason": "「财政拨款“三公”经费支出决算表」 合计行/) });
});
