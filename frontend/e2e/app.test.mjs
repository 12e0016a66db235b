// End-to-end: the built SPA served by the real backend (fresh SQLite, demo seed), driven in Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBackend } from './support/backend.mjs';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, login, screenshot } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const newPage = async (options = {}) => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  context.setDefaultTimeout(15_000);
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
      await page.locator('.ant-select-tree-title', { hasText: /^Liên đoàn Lao động huyện Văn Lâm/ }).click();
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
