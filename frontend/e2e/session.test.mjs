// End-to-end: the session as a browser keeps it (ADR 0012) — the refresh token is an HttpOnly cookie no script
// can read, a reload signs back in through it, a sign-out ends it, and only a session the server ended is "expired".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, startBackendAndBrowser } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const EXPIRED = 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';
const nav = (page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return { context, page: await context.newPage() };
}

describe('the session in a real browser', () => {
  test('a first visit, a reload and a sign-out: the token stays out of reach and nothing says "expired"', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${backend.baseUrl}/organization/units`);
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      assert.match(page.url(), /\/login\?redirectTo=/);
      assert.equal(await page.getByText(EXPIRED).count(), 0, 'a first visit is not an expired session');

      await login(page, backend.baseUrl, 'admin@hungyen.demo');
      const cookies = await context.cookies();
      const refresh = cookies.find((c) => c.path.startsWith('/api/v1/auth'));
      assert.ok(refresh, `a refresh cookie on the auth path (got ${cookies.map((c) => `${c.name}@${c.path}`).join(', ')})`);
      assert.equal(refresh.httpOnly, true);
      assert.equal(refresh.sameSite, 'Strict');
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      assert.doesNotMatch(stored, /eyJ|refresh/i, `no token in localStorage: ${stored}`);

      // A reload has no access token in memory: the cookie signs the tab back in.
      await page.reload();
      await nav(page).waitFor();

      await page.getByTestId('user-menu').click();
      // The menu item's own click, not a click at its position: the dropdown opens with an animation, and on a loaded
      // CI machine a pointer click landed during it once and the sign-out never came (this test timed out below).
      await page.getByRole('menuitem', { name: /Đăng xuất/ }).dispatchEvent('click');
      // The sign-out answers, then the app routes to the login page: on a loaded CI machine that took longer than the
      // default 15 s once (the same test passes alone in 5 s), so this one wait is given 45 s.
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 45_000 });
      assert.equal(await page.getByText(EXPIRED).count(), 0, 'a deliberate sign-out is not an expired session');
      // The sign-out revoked the session: a reload stays signed out.
      await page.goto(`${backend.baseUrl}/`);
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      assert.equal(await page.getByText(EXPIRED).count(), 0);
    } finally {
      await context.close();
    }
  });

  test('a session the server no longer honours sends the user to the login page with the "expired" notice', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'admin@hungyen.demo');
      // The session ends on the server's side (here: the cookie is gone, as after a revocation or its expiry).
      await context.clearCookies();
      await page.reload();
      await page.getByText(EXPIRED).waitFor();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
