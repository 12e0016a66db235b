// End-to-end: effective-dated unit history against the real backend and demo seed.
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

const OLD_NAME = 'CĐCS Công ty TNHH Gạch ngói Ân Thi';
const NEW_NAME = 'CĐCS Công ty CP Gạch ngói Ân Thi';
const CODE = 'ANTHI-GACHANTHI';

/** Today in Vietnam as dd/MM/yyyy, the day a change takes effect by default. */
const todayVn = () =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

describe('unit history against the real backend', () => {
  test('an admin renames a grassroots unit from today; the history shows it and the structure of 01/01/2024 keeps the old name', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    try {
      await login(page, backend.baseUrl, 'admin@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/units?q=gach+ngoi`);
      await page.getByRole('table').getByRole('link', { name: OLD_NAME }).click();
      await page.getByRole('heading', { level: 1, name: OLD_NAME }).waitFor();
      await page.getByTestId('unit-versions').getByText('Ghi nhận ban đầu').waitFor();
      await screenshot(page, '60-unit-history-before');

      // Rename, effective today (the default).
      await page.getByTestId('unit-actions').click();
      await page.getByRole('menuitem', { name: 'Đổi tên' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
      assert.equal(await dialog.getByLabel('Ngày có hiệu lực').inputValue(), todayVn());
      await dialog.getByLabel('Tên mới').fill(NEW_NAME);
      await screenshot(page, '61-unit-rename-modal', { fullPage: false });
      const [renamed] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/rename')),
        dialog.getByRole('button', { name: 'Lưu thay đổi' }).click(),
      ]);
      assert.equal(renamed.status(), 200, await renamed.text());
      await page.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();

      // The history tab: the new version from today, the old one closed today.
      const versions = page.getByTestId('unit-versions');
      await versions.getByText('Đổi tên').waitFor();
      const rows = await versions.locator('tbody tr').allInnerTexts();
      assert.equal(rows.length, 2, rows.join('\n'));
      assert.match(rows[0], new RegExp(`${todayVn()}[\\s\\S]*Hiện hành[\\s\\S]*Đổi tên[\\s\\S]*${NEW_NAME}`));
      assert.match(rows[1], new RegExp(`${OLD_NAME}`));
      assert.ok(rows[1].includes(todayVn()), rows[1]);
      await settled(page);
      await screenshot(page, '62-unit-history-after');
      await expectAccessible(page, 'unit detail with history');

      // The change log keeps the audit trail, with who made the change.
      await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
      await page.getByRole('tabpanel').getByText('admin@hungyen.demo').first().waitFor();

      // The structure as it stood on 01/01/2024 still has the old name.
      await page.goto(`${backend.baseUrl}/organization/tree`);
      await page.getByTestId('unit-tree').waitFor();
      await page.getByText('Cơ cấu tại ngày', { exact: true }).click();
      await page.waitForURL(/\/organization\/as-of/);
      const tree = page.getByTestId('as-of-tree');
      await tree.getByText(`${NEW_NAME} (${CODE})`).waitFor();
      const [asOf] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/organization/units/as-of?date=2024-01-01')),
        (async () => {
          const input = page.getByRole('textbox', { name: 'Cơ cấu tại ngày' });
          await input.click();
          await input.fill('01/01/2024');
          await input.press('Enter');
        })(),
      ]);
      assert.equal(asOf.status(), 200);
      await page.waitForURL(/date=2024-01-01/);
      await tree.getByText(`${OLD_NAME} (${CODE})`).waitFor();
      assert.equal(await tree.getByText(`${NEW_NAME} (${CODE})`).count(), 0);
      await page.getByText('Cơ cấu tổ chức như tại ngày 01/01/2024 (chỉ xem).', { exact: false }).waitFor();
      await screenshot(page, '63-unit-structure-as-of-2024');
      await expectAccessible(page, 'structure as of a day');
    } finally {
      await context.close();
    }
  });
});
