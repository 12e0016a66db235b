// End-to-end: the KH,CN&ĐMST search (issue 15) from the header box, against the real backend and demo seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, startBackendAndBrowser, login, screenshot } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const newPage = async (options = {}) => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  return { context, page: await context.newPage() };
};

describe('search from the header', () => {
  test('a leader presses "/", types without diacritics, filters by kind and opens a policy (360 px)', async () => {
    // Sign in at desktop width (the login helper waits for the side navigation, a drawer on phones), then use a phone.
    const { context, page } = await newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await login(page, backend.baseUrl, 'lanhdao@hungyen.demo');
      await page.setViewportSize({ width: 360, height: 780 });
      const box = page.getByRole('searchbox', { name: 'Tìm kiếm KH,CN&ĐMST' });
      await box.waitFor();
      await page.locator('main').first().click();
      await page.keyboard.press('/');
      assert.equal(await box.evaluate((el) => el === document.activeElement), true, '"/" focuses the search box');
      await page.keyboard.type('khen thuong sang kien');
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/search\?q=khen\+thuong\+sang\+kien/);
      const hits = page.getByTestId('search-hit');
      await hits.first().waitFor();
      const policy = hits.filter({ hasText: 'Quy chế khen thưởng sáng kiến' });
      assert.equal(await policy.count(), 1);
      const marks = await policy.locator('a mark').allInnerTexts();
      assert.ok(marks.some((m) => m.toLowerCase() === 'khen'), `marks: ${marks}`);
      assert.ok(marks.some((m) => m.toLowerCase() === 'sáng'), `marks: ${marks}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow}px)`);
      await screenshot(page, '90-search-results-360');
      await expectAccessible(page, 'search results');

      await page.getByText(/^Văn bản chính sách \(\d+\)$/).click();
      await page.waitForURL(/kind=policy/);
      await hits.first().waitFor();
      assert.equal(await hits.filter({ hasNotText: 'Văn bản chính sách' }).count(), 0, 'only policies after the filter');

      await policy.getByRole('link').click();
      await page.waitForURL(/\/organization\/policies\/[0-9a-f-]{36}$/);
      await page.getByText('112/QĐ-LĐLĐ').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
