// End-to-end: the register of encouragement-policy documents (issue 5) against the real backend and demo seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

let backend;
let browser;
let filesDir;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-files-'));
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const newPage = async (options = {}) => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, ...options });
  return { context, page: await context.newPage() };
};

/** Types a dd/MM/yyyy day into an AntD date picker and leaves the field, which commits it. */
async function fillDate(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

describe('policy register against the real backend', () => {
  test('the Policy-Law Board searches, registers a document, attaches a PDF and downloads it', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/policies`);
      const table = page.getByRole('table');
      await table.getByRole('link', { name: '405/KH-LĐLĐ' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Văn bản chính sách' }).getAttribute('aria-current'), 'true');
      await screenshot(page, '30-policy-list');
      await expectAccessible(page, 'policy list');

      // Word search without diacritics, kept in the URL.
      const [searched] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/organization/policies?') && /q=sang(\+|%20)kien/.test(r.url())),
        page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true }).fill('sang kien'),
      ]);
      assert.equal(searched.status(), 200);
      await page.waitForURL(/q=sang(\+|%20)kien/);
      await table.getByRole('link', { name: '58/HD-LĐLĐ' }).waitFor({ state: 'detached' });
      await table.getByRole('link', { name: '112/QĐ-LĐLĐ' }).waitFor();
      await settled(page);
      const numbers = await table.locator('tbody tr td:first-child').allInnerTexts();
      assert.ok(numbers.includes('112/QĐ-LĐLĐ'), `search should find 112/QĐ-LĐLĐ; saw ${numbers.join(', ')}`);
      assert.ok(!numbers.includes('58/HD-LĐLĐ'), `58/HD-LĐLĐ does not match "sang kien"; saw ${numbers.join(', ')}`);
      await screenshot(page, '31-policy-search');

      // "In force on" filter: a day picked in dd/MM/yyyy goes to the URL as yyyy-MM-dd.
      const [filtered] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/organization/policies?') && r.url().includes('effectiveOn=2026-11-01')),
        fillDate(page, 'Còn hiệu lực vào ngày', '01/11/2026'),
      ]);
      assert.equal(filtered.status(), 200);
      await page.waitForURL(/effectiveOn=2026-11-01/);
      await table.getByRole('link', { name: '112/QĐ-LĐLĐ' }).waitFor();

      // Register a new document.
      await page.goto(`${backend.baseUrl}/organization/policies`);
      await page.getByTestId('new-policy').click();
      await page.waitForURL(/\/organization\/policies\/new/);
      const number = `${String(Date.now()).slice(-5)}/QĐ-LĐLĐ`;
      await page.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(number);
      await expectAccessible(page, 'policy form');
      await page.getByRole('textbox', { name: 'Tên văn bản' }).fill('Quy định hỗ trợ kinh phí cho đề tài nghiên cứu của đoàn viên (E2E)');
      await page.getByRole('textbox', { name: 'Cơ quan ban hành' }).fill('LĐLĐ tỉnh Hưng Yên');
      await fillDate(page, 'Ngày ban hành', '15/10/2026');
      await fillDate(page, 'Hiệu lực từ ngày', '01/11/2026');
      await page.getByRole('textbox', { name: 'Phạm vi, đối tượng áp dụng' }).fill('CNVCLĐ toàn tỉnh');
      await page.getByRole('textbox', { name: 'Tóm tắt nội dung' }).fill('Hỗ trợ tối đa 10 triệu đồng cho mỗi đề tài được nghiệm thu.');
      await screenshot(page, '32-policy-form');
      await page.getByRole('button', { name: 'Tạo mới' }).click();
      const detail = page.getByTestId('policy-detail');
      await detail.waitFor();
      const detailText = await detail.innerText();
      assert.match(detailText, /15\/10\/2026/);
      assert.match(detailText, /Từ 01\/11\/2026/);
      assert.match(detailText, /Còn hiệu lực/);

      // A file that only claims to be a PDF is refused with the API's message.
      const fake = join(filesDir, 'gia-mao.pdf');
      writeFileSync(fake, 'this is not a pdf at all');
      await page.getByTestId('policy-upload').locator('input[type=file]').setInputFiles(fake);
      const uploadError = page.getByTestId('upload-error');
      await uploadError.waitFor();
      assert.match(await uploadError.innerText(), /Không tải được tệp lên/);

      // A real (small) PDF is attached and listed.
      const pdfPath = join(filesDir, 'quy-dinh-ho-tro.pdf');
      writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await page.getByTestId('policy-upload').locator('input[type=file]').setInputFiles(pdfPath);
      const attachments = page.getByTestId('policy-attachments');
      await attachments.getByText('quy-dinh-ho-tro.pdf').waitFor();
      await screenshot(page, '33-policy-detail');
      await expectAccessible(page, 'policy detail');

      // The download carries the bearer token: the API answers 200 and the browser saves the file.
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/organization\/policies\/[^/]+\/attachments\/[^/]+$/.test(r.url()) && r.request().method() === 'GET'),
        page.waitForEvent('download'),
        attachments.getByRole('button', { name: 'Tải xuống quy-dinh-ho-tro.pdf' }).click(),
      ]);
      assert.equal(response.status(), 200);
      assert.equal(download.suggestedFilename(), 'quy-dinh-ho-tro.pdf');
      const saved = join(filesDir, 'saved.pdf');
      await download.saveAs(saved);
      assert.match(readFileSync(saved, 'utf8'), /^%PDF-1\.4/);

      // The register shows the new document with its attachment count.
      await page.goto(`${backend.baseUrl}/organization/policies?q=${encodeURIComponent(number)}`);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });
      await row.waitFor();
      assert.match(await row.innerText(), /Còn hiệu lực[\s\S]*1/);
    } finally {
      await context.close();
    }
  });

  test('a unit officer reads the register but gets no manage actions', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/policies`);
      const table = page.getByRole('table');
      await table.getByRole('link').first().waitFor();
      await settled(page);
      assert.equal(await page.getByTestId('new-policy').count(), 0);
      await screenshot(page, '34-policy-list-vanlam');

      await table.getByRole('link').first().click();
      await page.getByTestId('policy-detail').waitFor();
      await settled(page);
      assert.equal(await page.getByTestId('edit-policy').count(), 0);
      assert.equal(await page.getByTestId('policy-upload').count(), 0);
      await screenshot(page, '35-policy-detail-vanlam');
    } finally {
      await context.close();
    }
  });
});
