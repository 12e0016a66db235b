// End-to-end: a unit fills in and submits its annual report; the Policy-Law Board sees it in the synthesis and
// downloads the spreadsheet. Against the real backend and demo seed (this year's period: Văn Lâm not started).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

const VAN_LAM = 'Liên đoàn Lao động huyện Văn Lâm';

let backend;
let browser;
let filesDir;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-reports-'));
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const newPage = async () => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  return { context, page: await context.newPage() };
};

const year = new Date().getFullYear();

describe('annual reports against the real backend', () => {
  test('Văn Lâm submits its report; the Policy-Law Board sees it on time in the synthesis and downloads the .xlsx', async () => {
    // 1. The Văn Lâm unit officer opens this year's report of the district from the reports home.
    const officer = await newPage();
    try {
      const { page } = officer;
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/reports`);
      const periods = page.getByTestId('periods');
      const current = periods.getByRole('row').filter({ hasText: `năm ${year}` });
      await current.waitFor();
      assert.match(await current.innerText(), /Còn \d+ ngày/);
      await screenshot(page, '60-reports-home');
      await current.getByTestId('own-report').click();
      await page.waitForURL(/\/organization\/reports\/[^/]+\/units\/[^/]+$/);
      const header = page.getByTestId('report-header');
      await header.waitFor();
      assert.match(await header.innerText(), new RegExp(VAN_LAM));
      assert.match(await header.getByTestId('report-state').innerText(), /Chưa làm/);
      await settled(page);

      // Every number: the pre-filled ones stay as the system gave them, the empty ones are typed in.
      const numbers = page.getByRole('spinbutton');
      const count = await numbers.count();
      assert.ok(count >= 10, `expected the standard template's number indicators, saw ${count}`);
      const prefilled = new Map();
      for (let i = 0; i < count; i++) {
        const input = numbers.nth(i);
        const value = await input.inputValue();
        if (value) prefilled.set(i, value);
        else await input.fill(String((i + 1) * 3));
      }
      assert.ok(prefilled.size >= 1, 'the system pre-fills at least the focal-official indicator');
      await page.getByRole('spinbutton').last().fill('125000000');
      await page.getByRole('spinbutton').last().press('Tab');
      assert.equal(await page.getByRole('spinbutton').last().inputValue(), '125.000.000');
      await page.getByTestId('text-highlights').fill('Tổ chức 3 cuộc tuyên truyền về đổi mới sáng tạo cho công nhân các khu công nghiệp.');
      await screenshot(page, '61-report-form');
      await expectAccessible(page, 'report form');

      // What the page itself reports, for the failure message (a rare CI-only timeout here).
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.on('console', (m) => (m.type() === 'error' ? pageErrors.push(m.text()) : null));
      await page.getByTestId('submit-report').click();
      const confirm = page.locator('.ant-modal').filter({ hasText: 'Nộp báo cáo lên cấp trên?' });
      await confirm.waitFor();
      // Let the confirm finish its opening animation: a click that lands while it zooms in can be lost.
      await page.waitForFunction(() => !document.querySelector('[class*="zoom-appear"], [class*="zoom-enter"]'));
      // Submitting saves the draft first (PUT), then submits (POST): wait for both, and say which one went wrong.
      const draftSaved = page.waitForResponse(
        (r) => r.request().method() === 'PUT' && /\/api\/v1\/organization\/reports\/periods\/[^/]+\/units\/[^/]+$/.test(r.url()),
        { timeout: 30_000 },
      );
      const submission = page.waitForResponse((r) => /\/api\/v1\/organization\/reports\/[^/]+\/submit$/.test(r.url()), { timeout: 30_000 });
      await confirm.getByRole('button', { name: 'Nộp báo cáo' }).click();
      const draft = await draftSaved.catch(async (e) => {
        const shown = await page.locator('.ant-alert, .ant-message, .ant-modal, .ant-form-item-explain').allInnerTexts();
        throw new Error(`no draft save after confirming (${e.message}); the page shows: ${shown.join(' | ')}; errors: ${pageErrors.join(' | ')}`);
      });
      assert.ok(draft.ok(), `the draft is saved before submitting: ${draft.status()} ${await draft.text()}`);
      const submitted = await submission.catch(async (e) => {
        const alerts = await page.locator('.ant-alert, .ant-message, .ant-modal').allInnerTexts();
        throw new Error(`no submission after the draft was saved (${e.message}); the page shows: ${alerts.join(' | ')}`);
      });
      assert.equal(submitted.status(), 200, await submitted.text());
      await page.waitForFunction(() => document.querySelector('[data-testid=report-header] [data-testid=report-state]')?.textContent?.includes('Đã nộp'));
      for (const [i, value] of prefilled) assert.equal(await numbers.nth(i).inputValue(), value, `pre-filled indicator #${i} kept`);
      assert.equal(await page.getByTestId('submit-report').count(), 0);
      assert.equal(await header.getByTestId('report-late').count(), 0);
      await screenshot(page, '62-report-submitted');
    } finally {
      await officer.context.close();
    }

    // 2. The Policy-Law Board opens the synthesis of the same period.
    const board = await newPage();
    try {
      const { page } = board;
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');

      // The province was told: the bell has the "submitted" notification.
      const bell = page.getByTestId('notification-bell');
      await page.waitForFunction(() => /chưa đọc/.test(document.querySelector('[data-testid=notification-bell]')?.getAttribute('aria-label') ?? ''));
      await bell.click();
      const notice = page.getByTestId('notification').filter({ hasText: `${VAN_LAM} đã nộp báo cáo năm ${year}` });
      await notice.first().waitFor();
      await page.locator('.ant-popover:not([class*="-enter"]):not([class*="-appear"])').waitFor();
      await screenshot(page, '63-notification-bell', { fullPage: false });
      await page.keyboard.press('Escape');

      await page.goto(`${backend.baseUrl}/organization/reports`);
      const current = page.getByTestId('periods').getByRole('row').filter({ hasText: `năm ${year}` });
      await current.getByTestId('open-synthesis').click();
      await page.waitForURL(/\/organization\/reports\/[^/?]+$/);
      await page.getByTestId('synthesis-within').waitFor();
      await settled(page);
      assert.match(await page.getByTestId('synthesis-within').innerText(), /tỉnh Hưng Yên/);
      await screenshot(page, '64-synthesis');
      await expectAccessible(page, 'synthesis dashboard');

      // Văn Lâm is listed as submitted on time, and the on-time count is exactly the units listed as on time.
      const readCount = async (key) => Number((await page.getByTestId(`count-${key}`).innerText()).replace(/\D/g, ''));
      const [onTimeList] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/submissions?') && r.url().includes('timeliness=onTime')),
        (async () => {
          await page.getByTestId('timeliness-filter').click();
          await page.getByTitle('Nộp đúng hạn').click();
        })(),
      ]);
      const onTime = await onTimeList.json();
      assert.equal(await readCount('onTime'), onTime.total);
      const table = page.getByTestId('submissions');
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: VAN_LAM, exact: true }) });
      await row.waitFor();
      assert.match(await row.innerText(), /Đã nộp, chờ duyệt/);
      assert.doesNotMatch(await row.innerText(), /Nộp muộn/);
      assert.equal(
        (await readCount('onTime')) + (await readCount('late')) + (await readCount('notSubmitted')),
        await readCount('expected'),
      );

      // Drilling into Văn Lâm: its own report is counted on time.
      await page.getByTestId('by-unit').getByRole('button', { name: `Xem tổng hợp của ${VAN_LAM}` }).click();
      await page.waitForURL(/unit=/);
      await page.waitForFunction((name) => document.querySelector('[data-testid=synthesis-within]')?.textContent === name, VAN_LAM);
      await settled(page);
      const own = page.getByTestId('by-unit').getByRole('row').filter({ hasText: 'Báo cáo của chính đơn vị' });
      const ownCells = await own.locator('td').allInnerTexts();
      assert.deepEqual(ownCells.slice(1, 5), ['1', '1', '0', '0'], `Văn Lâm's own group: ${ownCells.join(' | ')}`);
      await screenshot(page, '65-synthesis-van-lam');

      // What the units wrote (narrative indicators) reads unit by unit; the search ignores diacritics.
      const narrative = page.getByTestId('narrative-answers');
      const written = narrative.getByTestId('narrative-answer').filter({ hasText: 'Tổ chức 3 cuộc tuyên truyền về đổi mới sáng tạo' });
      await written.waitFor();
      assert.match(await written.innerText(), new RegExp(VAN_LAM));
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/synthesis/answers/highlights') && r.url().includes('q=khu')),
        narrative.getByRole('searchbox', { name: 'Tìm trong nội dung hoặc tên đơn vị' }).fill('khu cong nghiep'),
      ]);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=narrative-answer]').length === 1);
      await narrative.scrollIntoViewIfNeeded();
      await screenshot(page, '65b-synthesis-narrative', { fullPage: false });
      await expectAccessible(page, 'synthesis narrative answers');
      await page.setViewportSize({ width: 360, height: 740 });
      await settled(page);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 362, 'the synthesis fits 360 px');
      await narrative.scrollIntoViewIfNeeded();
      await screenshot(page, '65c-synthesis-narrative-360', { fullPage: false });
      await page.setViewportSize({ width: 1280, height: 720 });

      // The spreadsheet downloads with the bearer token.
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/synthesis.xlsx')),
        page.waitForEvent('download'),
        page.getByTestId('export-xlsx').click(),
      ]);
      assert.equal(response.status(), 200);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const saved = join(filesDir, 'synthesis.xlsx');
      await download.saveAs(saved);
      assert.equal(readFileSync(saved).subarray(0, 2).toString('latin1'), 'PK');

      // The board opens periods: the template editor starts from the standard template.
      await page.goto(`${backend.baseUrl}/organization/reports`);
      await page.getByTestId('new-period').click();
      const editor = page.getByTestId('template-editor');
      await editor.waitFor();
      assert.ok((await editor.getByLabel('Mã').count()) >= 10);
      await screenshot(page, '66-period-create');
      await expectAccessible(page, 'period create');
    } finally {
      await board.context.close();
    }
  });

  test("the board corrects last year's period: the template is fixed since reports came in, the title still changes", async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/reports`);
      const last = page.getByTestId('periods').getByRole('row').filter({ hasText: `năm ${year - 1}` });
      await last.getByRole('link').first().click();
      await page.getByTestId('synthesis-within').waitFor();
      await page.getByTestId('edit-period').click();
      await page.getByTestId('template-locked').waitFor();
      const editor = page.getByTestId('template-editor');
      assert.ok(await editor.getByLabel('Mã').first().isDisabled(), 'the codes are fixed');
      assert.equal(await page.getByTestId('add-indicator').count(), 0);
      await settled(page);
      await screenshot(page, '67-period-edit');
      await expectAccessible(page, 'period edit');

      const title = `Báo cáo kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm ${year - 1} (đã chỉnh)`;
      await page.getByLabel('Tên kỳ báo cáo').fill(title);
      await page.getByTestId('save-period').click();
      await page.waitForURL(/\/organization\/reports\/[^/?]+$/);
      await page.getByText(title).waitFor();
    } finally {
      await context.close();
    }
  });
});
