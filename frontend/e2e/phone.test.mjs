// End-to-end (#16): every persona's main screens at a 360 px phone width — no page scrolls sideways (a wide table
// scrolls inside its own box, never the page). Each persona signs in once and walks its screens; a list's first
// record is opened too, so detail pages are measured as well. All failures are collected and named at the end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, screenshot, settled, startBackendAndBrowser } from './support/browser.mjs';

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

/** Screens per persona; `open: true` also opens the first record linked from the screen's table. */
const walks = [
  {
    email: 'canbo.vanlam@hungyen.demo',
    screens: [
      { path: '/' },
      { path: '/organization/units', open: true },
      { path: '/organization/tree' },
      { path: '/organization/officials', open: true },
      { path: '/organization/focal-officials' },
      { path: '/organization/policies', open: true },
      { path: '/organization/enterprises', open: true },
      { path: '/organization/enterprises/aggregates' },
      { path: '/organization/plans', open: true },
      { path: '/organization/reports', open: true },
      { path: '/training/courses', open: true },
      { path: '/training/campaigns', open: true },
      { path: '/training/calendar' },
      { path: '/participation/initiatives', open: true },
      { path: '/participation/emulation/movements', open: true },
      { path: '/participation/emulation/registrations', open: true },
      { path: '/participation/emulation/ranking' },
    ],
  },
  {
    email: 'tuyengiao@hungyen.demo',
    screens: [{ path: '/training/partners', open: true }, { path: '/training/courses/new' }],
  },
  {
    email: 'taichinh@hungyen.demo',
    screens: [{ path: '/finance/budgets', open: true }, { path: '/finance/obligations' }, { path: '/finance/reconciliation' }],
  },
  { email: 'hoidong@hungyen.demo', screens: [{ path: '/participation/councils', open: true }] },
  { email: 'doitac@hungyen.demo', screens: [{ path: '/' }, { path: '/training/workspace' }] },
  { email: 'doanvien@hungyen.demo', screens: [{ path: '/' }, { path: '/training/my' }, { path: '/participation/my-initiatives' }] },
  {
    email: 'admin@hungyen.demo',
    screens: [{ path: '/admin/users' }, { path: '/admin/clients' }, { path: '/admin/webhooks' }, { path: '/admin/audit' }],
  },
  { email: 'lanhdao@hungyen.demo', screens: [{ path: '/' }, { path: '/participation/commendations', open: true }] },
  {
    email: 'cspl@hungyen.demo',
    screens: [{ path: '/' }, { path: '/participation/research-calls', open: true }, { path: '/participation/topics', open: true }],
  },
  { email: 'ketoan@hungyen.demo', screens: [{ path: '/' }, { path: '/finance/overview' }, { path: '/finance/sources', open: true }] },
  { email: 'taichinh.vanlam@hungyen.demo', screens: [{ path: '/' }, { path: '/finance/budgets', open: true }] },
  { email: 'taichinh.myhao@hungyen.demo', screens: [{ path: '/finance/obligations' }] },
  { email: 'daumoi.vanlam@hungyen.demo', screens: [{ path: '/' }, { path: '/participation/topics', open: true }] },
  { email: 'canbo.myhao@hungyen.demo', screens: [{ path: '/' }, { path: '/organization/reports', open: true }] },
  // The integrator account is meant for systems, but it can sign in like any account: its home must fit too.
  { email: 'tichhop@hungyen.demo', screens: [{ path: '/' }] },
];

/** How many pixels the page is wider than the screen, and the widest elements that stick out (for the message). */
async function overflowOf(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const name = (el) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].slice(0, 2).join('.')}`;
    // The app's header may not be cut off either (#16: "the header is cut"): a clipping box hides it from the page's
    // width, so every visible element of the header must lie within the screen.
    const cut = [...document.querySelectorAll('header *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && (r.right > width + 1 || r.left < -1);
      })
      .slice(0, 4)
      .map(name);
    const over = Math.max(document.documentElement.scrollWidth - width, cut.length > 0 ? 2 : 0);
    if (over <= 1) return { over, culprits: [] };
    if (cut.length > 0) return { over, culprits: cut.map((c) => `header ${c}`) };
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(style.overflowX) && p !== document.body && p !== document.documentElement) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
      .slice(0, 4)
      .map(name);
    return { over, culprits };
  });
}

/**
 * Table cells squeezed to a word a line (#16: "the course catalogue wraps titles one syllable per line"): a cell of three
 * words or more whose text takes as many lines as it has words. Lines are counted from the text's own boxes.
 */
async function squeezedCellsOf(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main .ant-table-tbody > tr > td')]
      // Tags, buttons and spaced items stack on purpose, and a field's placeholder is not text: only running text is measured.
      // (AntD's hidden measuring row has no height: it is not shown.)
      .filter((td) => td.getBoundingClientRect().width > 0 && td.getBoundingClientRect().height > 1)
      .filter((td) => !td.querySelector('.ant-tag, .ant-btn, .ant-space, .ant-select, input, textarea'))
      .map((td) => {
        const text = td.innerText.trim();
        const words = text.split(/\s+/).filter(Boolean).length;
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        return { text, words, lines, width: Math.round(td.getBoundingClientRect().width) };
      })
      .filter((c) => c.words >= 3 && c.lines >= c.words)
      .slice(0, 3)
      .map((c) => `"${c.text.slice(0, 40)}" in ${c.lines} lines, ${c.width} px wide`),
  );
}

describe('every persona at 360 px', () => {
  for (const walk of walks) {
    test(`${walk.email}: no screen scrolls sideways`, async () => {
      const context = await browser.newContext({
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const failures = [];
      const measure = async (label) => {
        await settled(page);
        const { over, culprits } = await overflowOf(page);
        // A module's tabs are one row on a phone (#16: wrapped, they took about 200 px above every screen).
        const tabs = await page.locator('nav[data-testid$="-tabs"]').evaluateAll((navs) => navs.map((n) => Math.round(n.getBoundingClientRect().height)));
        if (tabs.some((h) => h > 64)) failures.push(`${label}: the module tabs take ${Math.max(...tabs)} px (one row is about 46 px)`);
        const squeezed = await squeezedCellsOf(page);
        if (squeezed.length > 0) failures.push(`${label}: table text squeezed to a word a line (${squeezed.join('; ')})`);
        if (over > 1) {
          failures.push(`${label}: ${over}px too wide (${culprits.join(', ')})`);
          await screenshot(page, `phone-${walk.email.split('@')[0]}-${label.replace(/[^a-z0-9]+/gi, '-')}`, { fullPage: false });
        }
      };
      try {
        await page.goto(`${backend.baseUrl}/login`);
        await page.getByLabel('Email').fill(walk.email);
        await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByRole('button', { name: 'Mở menu' }).waitFor();
        for (const screen of walk.screens) {
          await page.goto(`${backend.baseUrl}${screen.path}`);
          await page.locator('main h1, main [role="heading"][aria-level="1"]').first().waitFor();
          await measure(screen.path);
          if (screen.open) {
            const first = page.locator('main .ant-table-tbody a[href]').first();
            if ((await first.count()) === 0) continue;
            await first.click();
            await page.waitForURL((url) => url.pathname !== screen.path);
            await page.locator('main h1, main [role="heading"][aria-level="1"]').first().waitFor();
            await measure(`${screen.path} → first record`);
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, [], `screens wider than a 360 px phone:\n  ${failures.join('\n  ')}`);
    });
  }
});
