// End-to-end: member and worker counts of a unit, as of a day, against the real backend and demo seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const UNIT = 'CĐCS Cơ quan UBND huyện Văn Lâm';

/** Types a dd/MM/yyyy day into an AntD date picker and leaves the field, which commits it. */
async function fillDate(scope, label, value) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

describe('unit headcounts against the real backend', () => {
  test('a Văn Lâm unit officer reads a grassroots union as of a day and records its figures; the district total follows', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    try {
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/units?q=ubnd+van+lam`);
      await page.getByRole('table').getByRole('link', { name: UNIT }).click();
      await page.getByRole('heading', { level: 1, name: UNIT }).waitFor();
      const card = page.getByTestId('headcount-card');
      await card.getByRole('heading', { name: 'Đoàn viên & người lao động' }).waitFor();

      // Today: the seeded figures of 30/06/2025; the history lists the three seeded days, newest first.
      await card.getByText('Số liệu ngày 30/06/2025').waitFor();
      const history = card.getByTestId('headcount-history');
      // The history is its own request: wait for its rows, not the empty table shown while it loads.
      await history.locator('tbody tr td:first-child').filter({ hasText: '31/12/2023' }).waitFor();
      const days = await history.locator('tbody tr td:first-child').allInnerTexts();
      assert.deepEqual(days, ['30/06/2025', '31/12/2024', '31/12/2023']);
      await settled(page);
      await screenshot(page, '90-unit-headcount-card');
      await expectAccessible(page, 'unit detail with headcount card');

      // As of a day in 2024: the end-of-2023 figures hold.
      await fillDate(card, 'Tính đến ngày', '30/06/2024');
      await card.getByText('Số liệu ngày 31/12/2023').waitFor();

      // Record figures for 30/09/2025: more members than workers is refused on the members field, then corrected.
      await card.getByTestId('record-headcount').click();
      const dialog = page.getByRole('dialog', { name: 'Cập nhật số đoàn viên và người lao động' });
      await fillDate(dialog, 'Ngày số liệu', '30/09/2025');
      await dialog.getByLabel('Đoàn viên').fill('95');
      await dialog.getByLabel('Người lao động').fill('90');
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/headcounts/2025-09-30')),
        dialog.getByRole('button', { name: 'Lưu' }).click(),
      ]);
      assert.equal(refused.status(), 409);
      await dialog.getByText('Số đoàn viên không được lớn hơn số người lao động (đoàn viên là một phần người lao động).').first().waitFor();
      await screenshot(page, '91-unit-headcount-refused', { fullPage: false });
      await dialog.getByLabel('Người lao động').fill('104');
      await dialog.getByLabel('Ghi chú').fill('Rà soát quý III/2025');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/headcounts/2025-09-30')),
        dialog.getByRole('button', { name: 'Lưu' }).click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      await page.getByText('Đã lưu số liệu.').waitFor();
      await history.getByText('30/09/2025').waitFor();
      await history.getByText('Rà soát quý III/2025').waitFor();

      // As of 01/10/2025 the new figures hold.
      await fillDate(card, 'Tính đến ngày', '01/10/2025');
      await card.getByText('Số liệu ngày 30/09/2025').waitFor();
      assert.equal(await card.getByTestId('headcount-unit-members').innerText(), '95');
      assert.equal(await card.getByTestId('headcount-unit-workers').innerText(), '104');

      // The district: no figures of its own, the total of its three grassroots unions (today, so the new record counts).
      await page.getByTestId('unit-detail').getByRole('link', { name: 'Liên đoàn Lao động huyện Văn Lâm' }).click();
      await page.getByRole('heading', { level: 1, name: 'Liên đoàn Lao động huyện Văn Lâm' }).waitFor();
      const districtCard = page.getByTestId('headcount-card');
      const total = districtCard.getByTestId('headcount-total');
      await total.getByText('Tổng hợp từ 3 đơn vị').waitFor();
      assert.equal(await districtCard.getByTestId('headcount-unit').count(), 0, 'an upper-level union without figures of its own shows only its total');
      await settled(page);
      await screenshot(page, '92-unit-headcount-district');
    } finally {
      await context.close();
    }
  });
});
