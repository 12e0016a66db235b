import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { resultsDir, startBackend } from './backend.mjs';

export const screenshotsDir = join(resultsDir, 'screenshots');

/**
 * Runs in every page before the app: counts the API requests in flight (the app asks through fetch), so that
 * `settled` can wait for the data a check is about, not for a guess at how long it takes; and records what the
 * Content-Security-Policy refused (issue #16: the SPA runs under it with no inline script), which
 * `expectAccessible` reports on every page it checks.
 */
const TRACK_FETCHES = () => {
  window.__e2eCspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__e2eCspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile ?? ''}:${e.lineNumber ?? ''})`));
  let inFlight = 0;
  const original = window.fetch.bind(window);
  window.fetch = (...args) => {
    inFlight++;
    return original(...args).finally(() => inFlight--);
  };
  Object.defineProperty(window, '__e2eFetchesInFlight', { get: () => inFlight });
};

/**
 * How long an action or a wait may take before the test fails, the same in every file. The suites share two cores
 * with the backend they drive and with the other suites, so a screen that answers in 1 s alone can take 15 s or more
 * in CI; a test still fails when what it waits for never comes. `E2E_TIMEOUT_MS` overrides it.
 */
const ACTION_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

export async function launchBrowser() {
  mkdirSync(screenshotsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  // Every context (and so every page) of the tests tracks its fetches and waits as long as the others.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await context.addInitScript(TRACK_FETCHES);
    return context;
  };
  browser.newPage = async (options) => (await browser.newContext(options)).newPage();
  return browser;
}

/**
 * Waits until the page shows its data: no API request in flight, no AntD spinner, skeleton or loading overlay left
 * (and their fade-out over), all of it true for five animation frames in a row, so that a query started by the
 * render that the previous answer caused is waited for too. The check runs once a frame (Playwright's `raf` polling)
 * and counts the quiet frames in the page; it must return a plain boolean: Playwright takes any truthy value,
 * a Promise included, as done (this helper once returned a Promise and so never waited).
 */
export async function settled(page) {
  await page.waitForFunction(
    (token) => {
      const quiet =
        (window.__e2eFetchesInFlight ?? 0) === 0 &&
        !document.querySelector(
          // spinners, skeletons, and select popups still open (a popup on its way out, whose leave animation may
          // never report its end in a headless page, no longer counts: axe leaves popups out, see expectAccessible)
          '.ant-spin-spinning, .ant-spin-blur, .ant-skeleton, .ant-select-loading, ' +
            '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]), ' +
            '.ant-tree-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])',
        );
      const state = window.__e2eSettled?.token === token ? window.__e2eSettled : (window.__e2eSettled = { token, frames: 0 });
      state.frames = quiet ? state.frames + 1 : 0;
      return state.frames >= 5;
    },
    `${Date.now()}-${Math.random()}`,
    { polling: 'raf' },
  );
}

/**
 * The select or tree-select popup that is open and done opening. A click on an option while the popup is still in
 * its opening motion is lost (CI saw the admin's unit pick fail so), and a popup on its way out is not the open one.
 */
export const openPopup = (page) =>
  page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]):not([class*="-appear"]):not([class*="-enter"])',
  );

/** A full-page picture; `fullPage: false` for dialogs, whose fixed overlay a full-page capture misplaces. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await settled(page);
  // A page left scrolled puts the sticky header in the middle of a full-page capture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage });
}

/** Fails when axe finds a serious or critical WCAG 2.1 A/AA violation on the current page, or the CSP refused something there. */
export async function expectAccessible(page, label) {
  await settled(page);
  // Select popups are left out: a closed one can linger mid-animation (half transparent) after the choice was made.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('.ant-select-dropdown')
    .exclude('.ant-tree-select-dropdown')
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`)
    .join('\n  ');
  assert.equal(bad.length, 0, `axe found serious/critical violations on ${label}:\n  ${report}`);
  const refused = await page.evaluate(() => window.__e2eCspViolations ?? []);
  assert.deepEqual(refused, [], `the Content-Security-Policy refused something on ${label}`);
}

export const DEMO_PASSWORD = 'Demo@2025!';

export async function login(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('navigation', { name: /^(Điều hướng chính|Main navigation)$/ }).waitFor();
}

/**
 * Starts the backend and Chromium side by side for a test file. When either fails to start, the other is
 * stopped before the error is rethrown: a browser left running would keep the test process alive forever.
 */
export async function startBackendAndBrowser() {
  const [backend, browser] = await Promise.allSettled([startBackend(), launchBrowser()]);
  if (backend.status === 'fulfilled' && browser.status === 'fulfilled') return [backend.value, browser.value];
  if (browser.status === 'fulfilled') await browser.value.close().catch(() => {});
  if (backend.status === 'fulfilled') await backend.value.stop().catch(() => {});
  throw backend.status === 'rejected' ? backend.reason : browser.reason;
}
