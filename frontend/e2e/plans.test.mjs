// End-to-end: the provincial plan's cascade against the real backend and demo seed — the Mỹ Hào officer issues
// the town's implementation plan, and the province's compliance view then shows it issued.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

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

const newPage = async (options = {}) => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
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

      // The file removed again from the phone (360 px): its remove button asks first, then the list is empty.
      await page.setViewportSize({ width: 360, height: 800 });
      const files = page.getByTestId('implementation-files');
      await files.scrollIntoViewIfNeeded();
      await settled(page);
      await screenshot(page, '51b-our-implementation-plan-360');
      await files.getByRole('button', { name: 'Xoá tệp ke-hoach-12.pdf' }).click();
      await page.getByTestId('delete-implementation-file-confirm').click();
      await files.getByText('ke-hoach-12.pdf').waitFor({ state: 'detached' });
      await page.getByText('Đã xoá tệp.').waitFor();
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

  test('the provincial officer records a plan with a section, a task and an indicator, edits it, and finds it in the list', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/plans`);
      await page.getByTestId('new-plan').click();
      const number = page.getByRole('textbox', { name: 'Số, ký hiệu' });
      await number.waitFor();
      // The issuing unit (the officer's own) names the issuer.
      await page.waitForFunction(() => document.querySelector('#issuerName')?.value === 'Liên đoàn Lao động tỉnh Hưng Yên');
      await number.fill('77/KH-LĐLĐ');
      await page.getByLabel('Trích yếu').fill('Kế hoạch thúc đẩy sáng kiến trong công nhân lao động năm 2026');
      const setDate = async (label, value) => {
        const field = page.getByLabel(label, { exact: true });
        await field.click();
        await field.fill(value);
        await field.press('Tab');
      };
      await setDate('Ngày ban hành', '05/01/2026');
      await setDate('Hạn ban hành kế hoạch triển khai', '15/02/2026');
      await page.getByLabel('Từ năm').fill('2026');
      await page.getByLabel('Đến năm').fill('2027');
      await page.getByLabel('Thực hiện văn bản').fill('Kế hoạch số 405/KH-LĐLĐ ngày 01/8/2023 của LĐLĐ tỉnh Hưng Yên');

      await page.getByTestId('add-section').click();
      const section = page.getByTestId('plan-section-editor');
      await section.getByLabel('Mục', { exact: true }).fill('II.1');
      await section.getByLabel('Tên mục').fill('Tuyên truyền, nâng cao nhận thức');
      await section.getByTestId('add-task').click();
      const task = section.getByTestId('plan-task-editor');
      await task.getByLabel('Nội dung nhiệm vụ').fill('Phổ biến kế hoạch tới các công đoàn cơ sở');
      await task.getByLabel('Ban chủ trì').fill('Ban Tuyên giáo – Nữ công');
      await task.getByLabel('Thời hạn').fill('Quý I/2026');

      await page.getByTestId('add-indicator').click();
      const indicator = page.getByTestId('plan-indicator-editor');
      await indicator.getByLabel('Mã', { exact: true }).fill('CT01');
      await indicator.getByLabel('Tên chỉ tiêu').fill('Sáng kiến được công nhận');
      await indicator.getByLabel('Mục tiêu').fill('200');
      await indicator.getByLabel('Đơn vị tính').fill('sáng kiến');
      await settled(page);
      await screenshot(page, '54-plan-form');
      await expectAccessible(page, 'plan form');
      await page.getByTestId('save-plan').click();

      await page.getByTestId('plan-heading').getByText('Số: 77/KH-LĐLĐ').waitFor();
      assert.match(await page.getByTestId('plan-section').innerText(), /II\.1\.1[\s\S]*Phổ biến kế hoạch/);
      assert.match(await page.getByTestId('plan-indicators').innerText(), /200 sáng kiến/);

      await page.getByTestId('edit-plan').click();
      const title = page.getByLabel('Trích yếu');
      await title.waitFor();
      await title.fill('Kế hoạch thúc đẩy sáng kiến năm 2026 (sửa đổi)');
      await page.getByTestId('plan-indicator-editor').getByLabel('Mục tiêu').fill('250');
      await page.getByTestId('save-plan').click();
      await page.getByTestId('plan-heading').getByText('Kế hoạch thúc đẩy sáng kiến năm 2026 (sửa đổi)').waitFor();
      assert.match(await page.getByTestId('plan-indicators').innerText(), /250 sáng kiến/);

      await page.goto(`${backend.baseUrl}/organization/plans`);
      const row = page.getByTestId('plan-table').locator('tr', { hasText: '77/KH-LĐLĐ' });
      await row.waitFor();
      assert.match(await row.innerText(), /\(sửa đổi\)/);
    } finally {
      await context.close();
    }
  });

  test('the plan form fits a 360 px wide phone', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      // On a phone the navigation sits behind the menu button.
      await page.goto(`${backend.baseUrl}/login`);
      await page.getByLabel('Email').fill('cspl@hungyen.demo');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Mở menu' }).waitFor();
      await page.goto(`${backend.baseUrl}/organization/plans`);
      await page.getByTestId('plan-table').getByRole('link', { name: '405/KH-LĐLĐ' }).click();
      await page.getByTestId('edit-plan').click();
      await page.getByTestId('plan-section-editor').first().waitFor();
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 362, `the page fits 360 px (scroll width ${width})`);
      // The 405 plan's form is long: a picture of the header and one of a section are what a person looks at.
      await screenshot(page, '55-plan-form-360', { fullPage: false });
      await page.getByTestId('plan-task-editor').first().scrollIntoViewIfNeeded();
      await screenshot(page, '56-plan-form-360-section', { fullPage: false });
      await expectAccessible(page, 'plan form at 360 px');
    } finally {
      await context.close();
    }
  });
});
