// End-to-end: the public certificate verification page and the calendar feeds page at phone width (360 px).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, startBackendAndBrowser, login, screenshot } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const phone = async (width = 360) => {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width, height: 740 },
  });
  return { context, page: await context.newPage() };
};

describe('certificates and calendar feeds', () => {
  test('the verification page works without signing in and says when a code is unknown', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${backend.baseUrl}/verify/khong-co-ma-nay-0123456789`);
      await page.getByText('Không tìm thấy giấy chứng nhận').waitFor();
      assert.equal(new URL(page.url()).pathname, '/verify/khong-co-ma-nay-0123456789', 'no redirect to the login page');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `no horizontal scrolling at 360 px (${width})`);
      await screenshot(page, 'certificates-01-verify-not-found-360');
      await expectAccessible(page, 'certificate verification (not found)');

      await page.getByTitle('English').click();
      await page.getByText('Certificate not found').waitFor();
    } finally {
      await context.close();
    }
  });

  test('a member finds their calendar feed URLs, and the feed answers as iCalendar', async () => {
    // Signed in on a desktop-wide window (the login helper waits for the side navigation), then narrowed to a phone.
    const { context, page } = await phone(1280);
    try {
      await login(page, backend.baseUrl, 'doanvien@hungyen.demo');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${backend.baseUrl}/training/calendar`);
      const mine = page.getByRole('textbox', { name: 'Các khóa học của tôi' });
      await mine.waitFor();
      const url = await mine.inputValue();
      assert.match(url, /\/api\/v1\/training\/calendar\/[A-Za-z0-9_-]{43}\/me\.ics$/);
      await screenshot(page, 'certificates-02-calendar-feeds-360');
      await expectAccessible(page, 'calendar feeds');

      const feed = await context.request.get(url);
      assert.equal(feed.status(), 200);
      assert.match(feed.headers()['content-type'], /^text\/calendar; charset=utf-8/);
      assert.match(await feed.text(), /^BEGIN:VCALENDAR/);
    } finally {
      await context.close();
    }
  });
});
