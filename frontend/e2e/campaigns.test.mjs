// End-to-end: awareness campaigns (issue 6) against the real backend and demo seed — the propaganda board starts a
// campaign with Văn Lâm taking part, Văn Lâm's officer reports the reach, the board sees the totals.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, expectAccessible, startBackendAndBrowser, login, screenshot } from './support/browser.mjs';

let backend;
let browser;
let filesDir;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-campaigns-'));
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const newPage = async (options = {}) => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 }, ...options });
  return { context, page: await context.newPage() };
};

/** Types a dd/MM/yyyy day into an AntD date picker and leaves the field, which commits it. */
async function fillDate(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const title = `Tuyên truyền đổi mới sáng tạo trong doanh nghiệp ${String(Date.now()).slice(-5)}`;

describe('awareness campaigns against the real backend', () => {
  let campaignUrl;

  test('the propaganda board starts a campaign with Văn Lâm taking part and adds a material', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'tuyengiao@hungyen.demo');
      await page.goto(`${backend.baseUrl}/training/campaigns`);
      const table = page.getByRole('table');
      await table.getByRole('link', { name: /Lao động sáng tạo/ }).first().waitFor();
      await screenshot(page, '60-campaign-list');
      await expectAccessible(page, 'campaign list');

      await page.getByTestId('new-campaign').click();
      await page.waitForURL(/\/training\/campaigns\/new/);
      await page.getByRole('textbox', { name: 'Tên chiến dịch' }).fill(title);
      await page.getByRole('textbox', { name: 'Mục tiêu' }).fill('Đưa tinh thần đổi mới sáng tạo tới công nhân các doanh nghiệp.');
      await fillDate(page, 'Từ ngày', `01/01/${year}`);
      await fillDate(page, 'Đến ngày', `31/12/${year}`);
      await page.getByRole('checkbox', { name: 'Hội nghị, buổi nói chuyện' }).check();
      await page.getByRole('checkbox', { name: 'Mạng xã hội' }).check();
      await page.getByRole('checkbox', { name: 'Công nhân lao động' }).check();
      const participants = page.getByRole('combobox', { name: 'Đơn vị tham gia' });
      await participants.click();
      await participants.fill('Văn Lâm');
      await page.getByTitle('Liên đoàn Lao động huyện Văn Lâm (VANLAM)').click();
      await page.keyboard.press('Escape');
      await screenshot(page, '61-campaign-form');
      await expectAccessible(page, 'campaign form');
      await page.getByTestId('save-campaign').click();

      const detail = page.getByTestId('campaign-detail');
      await detail.waitFor();
      campaignUrl = page.url();
      assert.match(await detail.innerText(), new RegExp(`01/01/${year} – 31/12/${year}`));
      await page.getByTestId('campaign-participants').getByText('Liên đoàn Lao động huyện Văn Lâm (VANLAM)').waitFor();

      const pdf = join(filesDir, 'to-roi-doi-moi-sang-tao.pdf');
      writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await page.getByTestId('material-upload').locator('input[type=file]').setInputFiles(pdf);
      await page.getByTestId('campaign-materials').getByText('to-roi-doi-moi-sang-tao.pdf').waitFor();
      await screenshot(page, '62-campaign-detail-board');
      await expectAccessible(page, 'campaign detail');
    } finally {
      await context.close();
    }
  });

  test("Văn Lâm's officer reports the reach, and women above the people reached are refused", async () => {
    assert.ok(campaignUrl, 'the campaign was created');
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(campaignUrl);
      await page.getByTestId('campaign-detail').waitFor();
      assert.equal(await page.getByTestId('edit-campaign').count(), 0, 'a district officer does not edit the province campaign');
      await page.getByTestId('report-reach').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Số cuộc tuyên truyền').fill('4');
      await dialog.getByLabel('Số lượt người được tuyên truyền').fill('320');
      await dialog.getByLabel('Trong đó nữ').fill('400');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.getByText('Số nữ không được nhiều hơn số lượt người được tuyên truyền.').waitFor();
      await dialog.getByLabel('Trong đó nữ').fill('180');
      await dialog.getByText('Số nữ không được nhiều hơn số lượt người được tuyên truyền.').waitFor({ state: 'detached' });
      await screenshot(page, '63-reach-form', { fullPage: false });
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/reach-reports/') && r.request().method() === 'PUT'),
        dialog.getByRole('button', { name: 'Lưu' }).click(),
      ]);
      assert.equal(saved.status(), 201);
      const reports = page.getByTestId('reach-reports');
      await reports.getByText('Liên đoàn Lao động huyện Văn Lâm').waitFor();
      assert.match(await reports.innerText(), /320/);
      await screenshot(page, '64-campaign-detail-vanlam');
      await expectAccessible(page, 'campaign detail (district)');
    } finally {
      await context.close();
    }
  });

  test('the board sees the totals by district, also on a 360 px phone', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await page.goto(`${backend.baseUrl}/login`);
      await page.getByLabel('Email').fill('tuyengiao@hungyen.demo');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Mở menu' }).waitFor();
      await page.goto(campaignUrl);
      const totals = page.getByTestId('campaign-totals');
      await totals.waitFor();
      await page.getByTestId('totals-by-unit').getByText('Liên đoàn Lao động huyện Văn Lâm').waitFor();
      const text = await totals.innerText();
      assert.match(text, /320/);
      assert.match(text, /180/);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 362, `the page fits 360 px (scroll width ${width})`);
      await totals.scrollIntoViewIfNeeded();
      await screenshot(page, '65-campaign-totals-phone');
    } finally {
      await context.close();
    }
  });
});
