// Every public page type, on a desktop (1366 px) and a phone (390 px), once what it loads has
// settled, passes axe with every rule it runs by default (WCAG 2.1 A and AA, best practices): home,
// home with a search and filters, a district, a department's accounts (the longest page), its
// charts, a department across the years, and a page that is not found. Each page is in Chinese,
// and every wide table's scrolling frame can be reached by keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = [
  ['home', '/'],
  ['home with search and filters', '/?q=%E5%A4%A7%E6%95%B0%E6%8D%AE&year=2021&district=qiaokou'],
  ['district', '/2021/qiaokou'],
  ['department (Hubei)', '/2021/qiaokou/big-data-center'],
  ['department (Shanghai)', '/2024/putuo/finance-bureau'],
  ['department charts', '/2021/qiaokou/big-data-center/charts'],
  ['year-on-year', '/departments/qiaokou/big-data-center'],
  ['not found', '/2021/qiaokou/no-such-department'],
] as const;

const WIDTHS = [[1366, 900], [390, 844]] as const;

for (const [width, height] of WIDTHS) {
  for (const [name, path] of PAGES) {
    test(`${name} at ${width} px: no axe violation`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height });
      // Settled: what loads lazily (the charts' drawings) is checked too.
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(name === 'not found' ? 404 : 200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      // Named by rule and element, so a failure says where to look.
      expect(violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} in all` : ''}`)).toEqual([]);
    });
  }
}

test('at 320 px the department page does not scroll sideways; its wide tables scroll in their own frames', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/2021/qiaokou/big-data-center');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const frame = page.locator('#incomeExpenditureSummary [tabindex="0"]').first();
  await frame.focus();
  await expect(frame).toBeFocused();
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});
