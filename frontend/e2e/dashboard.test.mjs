// End-to-end: the federation leader's home is the plan dashboard — figures with the plan's targets, a chart, and a
// drill-down by sub-unit into a district — at a laptop's 1366 px and a phone's 360 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, screenshot, settled, startBackendAndBrowser } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

for (const [width, height, tag] of [
  [1366, 900, 'desktop'],
  [360, 780, 'phone'],
]) {
  describe(`leader's dashboard at ${width} px`, () => {
    test('shows the province figures, a chart, and drills a figure down into Văn Lâm', async () => {
      const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width, height }, ...phone });
      const page = await context.newPage();
      try {
        await page.goto(`${backend.baseUrl}/login`);
        await page.getByLabel('Email').fill('lanhdao@hungyen.demo');
        await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByTestId('dashboard').waitFor();
        await page.goto(`${backend.baseUrl}/?year=2025`);
        const dashboard = page.getByTestId('dashboard');
        await dashboard.getByTestId('indicator-organization.officials').waitFor();
        assert.match(await page.getByTestId('dashboard-unit').innerText(), /Hưng Yên · năm 2025/);
        assert.match(await dashboard.innerText(), /405\/KH-LĐLĐ/);
        const officials = Number((await page.getByTestId('indicator-organization.officials').getByTestId('indicator-value').innerText()).replace(/\D/g, ''));
        assert.ok(officials > 0, 'the demo registers officials');
        await settled(page);
        await screenshot(page, `70-dashboard-${tag}`);
        await expectAccessible(page, `dashboard ${tag}`);

        // Drill down: the figure by the units directly below, with the trend chart drawn by recharts.
        await page.getByRole('button', { name: 'Theo đơn vị: Số cán bộ công đoàn của đơn vị' }).click();
        const drill = page.getByTestId('drill-down');
        await drill.getByTestId('breakdown-table').waitFor();
        await drill.locator('.recharts-surface').first().waitFor();
        assert.ok((await drill.locator('.recharts-rectangle').count()) > 0, 'the charts draw bars');
        const total = await drill.getByTestId('breakdown-table').locator('.ant-table-summary').innerText();
        assert.match(total, new RegExp(String(officials).replace(/\B(?=(\d{3})+(?!\d))/g, '.')), 'the rows add up to the figure');
        await settled(page);
        await drill.scrollIntoViewIfNeeded();
        await screenshot(page, `71-dashboard-drill-${tag}`, { fullPage: false });

        await drill.getByTestId('breakdown-table').getByRole('button', { name: 'Liên đoàn Lao động huyện Văn Lâm' }).click();
        await page.getByTestId('dashboard-unit').filter({ hasText: 'Văn Lâm' }).waitFor();
        await drill.getByTestId('breakdown-table').waitFor();
        assert.match(await drill.getByTestId('breakdown-table').innerText(), /bản thân đơn vị/);
        await settled(page);
        await screenshot(page, `72-dashboard-vanlam-${tag}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `no horizontal scroll at ${width} px (overflow ${overflow})`);
      } finally {
        await context.close();
      }
    });
  });
}
