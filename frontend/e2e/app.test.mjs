// End-to-end: the built SPA served by the real backend (fresh SQLite, demo seed), driven in Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, startBackendAndBrowser, login, screenshot } from './support/browser.mjs';

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


describe('SPA against the real backend', () => {
  test('login page is in Vietnamese, accessible, and explains a wrong password', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${backend.baseUrl}/login`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      await screenshot(page, '01-login-vi');
      await expectAccessible(page, 'login page');

      await page.getByLabel('Email').fill('khong.ton.tai@hungyen.demo');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const error = page.getByTestId('login-error');
      await error.waitFor();
      assert.match(await error.innerText(), /Email hoặc mật khẩu không đúng/);
      await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.disabled);
      await screenshot(page, '02-login-wrong-password');
    } finally {
      await context.close();
    }
  });

  test('each district officer sees only their own subtree', async () => {
    const vanLam = await newPage();
    const myHao = await newPage();
    try {
      await Promise.all([
        login(vanLam.page, backend.baseUrl, 'canbo.vanlam@hungyen.demo'),
        login(myHao.page, backend.baseUrl, 'canbo.myhao@hungyen.demo'),
      ]);
      await screenshot(vanLam.page, '03-shell-home-vanlam');
      await expectAccessible(vanLam.page, 'shell (home)');

      for (const [{ page }, own, other, label] of [
        [vanLam, 'VANLAM', 'MYHAO', 'vanlam'],
        [myHao, 'MYHAO', 'VANLAM', 'myhao'],
      ]) {
        await page.goto(`${backend.baseUrl}/organization/units?pageSize=100&sort=code`);
        const table = page.getByRole('table');
        await table.getByRole('cell', { name: own, exact: true }).waitFor();
        const codes = await table.locator('tbody tr td:first-child').allInnerTexts();
        assert.ok(codes.includes(own), `${label} should see ${own}; saw ${codes.join(', ')}`);
        assert.ok(!codes.includes(other), `${label} must not see ${other}; saw ${codes.join(', ')}`);
        assert.ok(!codes.includes('HY'), `${label} must not see the province root`);
        await screenshot(page, `04-unit-list-${label}`);

        // Searching for the other district's code finds nothing.
        await page.goto(`${backend.baseUrl}/organization/units?q=${other}`);
        await page.getByText('Không tìm thấy kết quả phù hợp.').waitFor();
      }

      // The scope picker offers only the officer's own units.
      const { page } = vanLam;
      await page.goto(`${backend.baseUrl}/organization/tree`);
      await page.getByTestId('unit-tree').waitFor();
      const treeText = await page.getByTestId('unit-tree').innerText();
      assert.match(treeText, /Văn Lâm/);
      assert.doesNotMatch(treeText, /Mỹ Hào/);
      await screenshot(page, '05-unit-tree-vanlam');
      await expectAccessible(page, 'organization tree');

      // A unit of the other district cannot be opened by URL either.
      const otherId = await myHao.page.evaluate(async () => {
        const link = document.querySelector('a[href*="/organization/units/"]');
        return link?.getAttribute('href')?.split('/').pop()?.split('?')[0];
      });
      if (otherId) {
        await page.goto(`${backend.baseUrl}/organization/units/${otherId}`);
        await page.getByText(/Không tìm thấy, hoặc nội dung nằm ngoài phạm vi/).waitFor();
      }
    } finally {
      await vanLam.context.close();
      await myHao.context.close();
    }
  });

  test('unit detail and edit screens work and are accessible', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'admin@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/units?q=van%20lam`);
      await page.getByRole('link', { name: /Văn Lâm/ }).first().click();
      await page.getByTestId('unit-detail').waitFor();
      await screenshot(page, '06-unit-detail');
      await expectAccessible(page, 'unit detail');

      await page.getByTestId('edit-unit').click();
      const phone = page.getByLabel('Điện thoại');
      await phone.waitFor();
      await expectAccessible(page, 'unit edit form');
      const newPhone = `0221 38${String(Date.now()).slice(-5)}`;
      await phone.fill(newPhone);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('unit-detail').waitFor();
      assert.match(await page.getByTestId('unit-detail').innerText(), new RegExp(newPhone));
      await screenshot(page, '07-unit-after-edit');

      // Create a grassroots union under Văn Lâm through the same form pattern.
      await page.goto(`${backend.baseUrl}/organization/units/new`);
      const parent = page.getByLabel('Đơn vị cấp trên');
      await parent.click();
      await parent.fill('van lam');
      // The picker filters the whole unit tree (loaded on first open): on a loaded CI machine this took over 15 s once.
      await page.locator('.ant-select-tree-title', { hasText: /^Liên đoàn Lao động huyện Văn Lâm/ }).click({ timeout: 45_000 });
      await page.getByLabel('Loại').click();
      await page.locator('.ant-select-item-option', { hasText: 'Công đoàn cơ sở' }).click();
      const code = `VANLAM-E2E${String(Date.now()).slice(-6)}`;
      await page.getByLabel('Mã').fill(code);
      await page.getByLabel('Tên đơn vị').fill('CĐCS Công ty TNHH Kiểm thử Đầu cuối');
      await expectAccessible(page, 'unit create form');
      await page.getByRole('button', { name: 'Tạo mới' }).click();
      await page.getByTestId('unit-detail').waitFor();
      assert.match(await page.getByTestId('unit-detail').innerText(), new RegExp(code));
      await screenshot(page, '08-unit-created');
    } finally {
      await context.close();
    }
  });

  test('switching to English changes the labels and is remembered', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Organization & Policy' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.reload();
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      await nav.getByRole('link', { name: 'Organization & Policy' }).click();
      await page.getByRole('heading', { name: 'Union units' }).waitFor();
      await page.getByRole('table').getByRole('link').first().waitFor();
      await page.getByRole('columnheader', { name: 'Unit name' }).waitFor();
      await screenshot(page, '09-unit-list-en');
      await expectAccessible(page, 'unit list (English)');
    } finally {
      await context.close();
    }
  });

  test('an empty table is readable: its "no data" text passes WCAG contrast', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'admin@hungyen.demo');
      // An official without training: the history table answers with its empty text.
      await page.goto(`${backend.baseUrl}/organization/officials`);
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByTestId('official-trainings').locator('.ant-table-placeholder .ant-table-cell').filter({ hasText: /\S/ }).waitFor();
      await expectAccessible(page, 'official detail with an empty training history');
    } finally {
      await context.close();
    }
  });

  test('the Policy-Law Board finds the unions without a focal official and assigns one', async () => {
    const { context, page } = await newPage();
    const sections = () => page.getByRole('navigation', { name: 'Các mục của phân hệ Tổ chức' });
    const openCoverage = async (expectedUncovered) => {
      await sections().getByRole('link', { name: 'Cán bộ đầu mối', exact: true }).click();
      await page.getByTestId('coverage-table').locator('tbody tr').first().waitFor();
      // A report seen before shows from the cache while it is fetched again: wait for the fresh one.
      if (expectedUncovered !== undefined) {
        await page.getByTestId('coverage-uncovered').getByText(String(expectedUncovered), { exact: true }).waitFor();
        await page.getByTestId('coverage-table').locator('[data-testid="coverage-missing"]').nth(expectedUncovered).waitFor({ state: 'detached' });
      }
      const rows = page.getByTestId('coverage-table').locator('tbody tr');
      const missing = await rows.evaluateAll((trs) => trs.map((tr) => !!tr.querySelector('[data-testid="coverage-missing"]')));
      return { rows, missing, share: await page.getByTestId('coverage-share').innerText() };
    };
    try {
      await login(page, backend.baseUrl, 'cspl@hungyen.demo');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổ chức & Chính sách' }).click();

      // The officials of the province, with the focal officials tagged.
      await sections().getByRole('link', { name: 'Cán bộ', exact: true }).click();
      await page.getByRole('table').getByTestId('focal-tag').first().waitFor();
      await screenshot(page, '13-official-list');
      await expectAccessible(page, 'official list');

      const before = await openCoverage();
      const uncovered = before.missing.filter(Boolean).length;
      assert.ok(uncovered >= 1, 'the demo data has upper-level unions without a focal official');
      // Those without one come first.
      assert.deepEqual(before.missing, [...Array(uncovered).fill(true), ...Array(before.missing.length - uncovered).fill(false)]);
      assert.match(before.share, /\n\d+(,\d)?%$/);
      await screenshot(page, '14-focal-coverage');
      await expectAccessible(page, 'focal official coverage');

      // Assign one on the first union without a focal official, from its unit detail page.
      const unitLink = before.rows.first().getByRole('link').first();
      const unitName = await unitLink.innerText();
      await unitLink.click();
      const card = page.getByTestId('focal-official-card');
      await card.getByText('Chưa có', { exact: true }).waitFor();
      await screenshot(page, '15-unit-without-focal-official');
      await expectAccessible(page, 'unit detail with the focal official card');

      await card.getByTestId('assign-focal').click();
      const dialog = page.getByRole('dialog', { name: 'Phân công cán bộ đầu mối KH,CN&ĐMST' });
      await dialog.waitFor();
      const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      assert.equal(await dialog.getByLabel('Ngày bắt đầu').inputValue(), today);
      await dialog.getByLabel('Cán bộ', { exact: true }).click();
      const option = page.locator('.ant-select-item-option').first();
      await option.waitFor();
      const chosen = (await option.innerText()).split(' – ')[0].trim();
      await option.click();
      await screenshot(page, '16-assign-focal-official', { fullPage: false });
      await expectAccessible(page, 'assign focal official dialog');
      await dialog.getByRole('button', { name: 'Phân công', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const current = card.getByTestId('focal-current');
      await current.getByText(chosen).waitFor();
      assert.match(await current.innerText(), new RegExp(`Từ ngày ${today}`));
      assert.match(await card.getByTestId('focal-history').innerText(), new RegExp(`${today} – nay`));
      await screenshot(page, '17-unit-with-focal-official');

      // The report counts it: one fewer without, and the union now shows its focal official.
      const after = await openCoverage(uncovered - 1);
      assert.equal(after.missing.filter(Boolean).length, uncovered - 1);
      assert.notEqual(after.share, before.share);
      const row = after.rows.filter({ has: page.getByRole('link', { name: unitName, exact: true }) });
      await row.getByRole('link', { name: chosen }).waitFor();
      await screenshot(page, '18-focal-coverage-after');

      // The official's page carries the tag; its form (qualifications) is accessible too.
      await row.getByRole('link', { name: chosen }).click();
      const detail = page.getByTestId('official-detail');
      await detail.waitFor();
      await page.getByRole('heading', { level: 1, name: chosen }).waitFor();
      await page.getByTestId('focal-tag').waitFor();
      await screenshot(page, '19-official-detail');
      await expectAccessible(page, 'official detail');
      await page.getByTestId('edit-official').click();
      await page.getByLabel('Lý luận chính trị').waitFor();
      await expectAccessible(page, 'official edit form');
      await screenshot(page, '20-official-edit');
    } finally {
      await context.close();
    }
  });

  test('fits a 360 px wide phone', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await page.goto(`${backend.baseUrl}/login`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await screenshot(page, '10-phone-login');
      await page.getByLabel('Email').fill('canbo.myhao@hungyen.demo');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Mở menu' }).waitFor();
      await page.goto(`${backend.baseUrl}/organization/units`);
      await page.getByRole('table').waitFor();
      await page.getByRole('table').getByRole('link').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
      await screenshot(page, '11-phone-unit-list');
      await page.getByRole('button', { name: 'Mở menu' }).click();
      await page.getByRole('dialog').getByRole('link', { name: 'Tổ chức & Chính sách' }).waitFor();
      // Let the drawer finish sliding in before the picture.
      await page.waitForFunction(() => document.querySelector('.ant-drawer-content-wrapper')?.getBoundingClientRect().left === 0);
      await screenshot(page, '12-phone-menu');
      await expectAccessible(page, 'phone navigation drawer');
    } finally {
      await context.close();
    }
  });
});
