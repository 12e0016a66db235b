// End-to-end: the provincial plan's cascade against the real backend and demo seed — the Mỹ Hào officer issues
// the town's implementation plan, and the province's compliance view then shows it issued.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

let backend;
let browser;
let filesDir;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-plans-'));
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const newPage = async () => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
};

describe('plan cascade against the real backend', () => {
  test("the Mỹ Hào officer issues the town's implementation plan and the province sees it issued", async () => {
    const officer = await newPage();
    try {
      const { page } = officer;
      await login(page, backend.baseUrl, 'canbo.myhao@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/plans`);
      await page.getByTestId('plan-table').getByRole('link', { name: '405/KH-LĐLĐ' }).click();
      await page.getByTestId('plan-heading').waitFor();
      await settled(page);
      await screenshot(page, '50-plan-detail');
      await expectAccessible(page, 'plan detail');

      await page.getByRole('tab', { name: 'Kế hoạch của đơn vị' }).click();
      await page.getByTestId('implementation-missing').waitFor();
      await page.getByTestId('start-draft').click();
      await page.getByTestId('implementation-detail').waitFor();
      await page.getByRole('textbox', { name: 'Số, ký hiệu' }).fill('12/KH-LĐLĐ');
      const date = page.getByLabel('Ngày ban hành', { exact: true });
      await date.click();
      await date.fill('10/09/2023');
      await date.press('Tab');
      await page.getByTestId('issue-submit').click();
      await page.getByTestId('revision-history').getByText('12/KH-LĐLĐ').waitFor();
      assert.match(await page.getByTestId('implementation-detail').innerText(), /Đã ban hành đúng hạn/);

      const pdfPath = join(filesDir, 'ke-hoach-12.pdf');
      writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await page.getByTestId('implementation-upload').locator('input[type=file]').setInputFiles(pdfPath);
      await page.getByTestId('implementation-files').getByText('ke-hoach-12.pdf').waitFor();
      await settled(page);
      await screenshot(page, '51-our-implementation-plan');
      await expectAccessible(page, 'our implementation plan');
    } finally {
      await officer.context.close();
    }

    const board = await newPage();
    try {
      const { page } = board;
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/plans`);
      await page.getByTestId('plan-table').getByRole('link', { name: '405/KH-LĐLĐ' }).click();
      await page.getByRole('tab', { name: 'Tình hình ban hành' }).click();
      const table = page.getByTestId('compliance-table');
      const row = table.locator('tr', { hasText: 'MYHAO · ' });
      await row.waitFor();
      assert.match(await row.innerText(), /Đã ban hành đúng hạn/);
      assert.match(await row.innerText(), /12\/KH-LĐLĐ/);
      assert.match(await page.getByTestId('total-expected').innerText(), /36/);
      await settled(page);
      await screenshot(page, '52-plan-compliance');
      await expectAccessible(page, 'plan compliance');

      await page.getByTestId('bar-IssuedLate').click();
      await page.waitForURL(/status=IssuedLate/);
      await table.locator('tr', { hasText: 'YENMY · ' }).waitFor();
      await settled(page);
      await screenshot(page, '53-plan-compliance-late');
    } finally {
      await board.context.close();
    }
  });
});
