import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { resultsDir, startBackend } from './backend.mjs';

export const screenshotsDir = join(resultsDir, 'screenshots');

export async function launchBrowser() {
  mkdirSync(screenshotsDir, { recursive: true });
  return chromium.launch({
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
}

/** Waits until no AntD spinner or loading overlay is left (and their fade-out is over). */
export async function settled(page) {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        // spinners, skeletons, and select popups still open or fading out
        '.ant-spin-spinning, .ant-spin-blur, .ant-skeleton, .ant-select-loading, .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-tree-select-dropdown:not(.ant-select-dropdown-hidden)',
      ),
    undefined,
    { polling: 100 },
  );
}

/** A full-page picture; `fullPage: false` for dialogs, whose fixed overlay a full-page capture misplaces. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await settled(page);
  // A page left scrolled puts the sticky header in the middle of a full-page capture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage });
}

/** Fails when axe finds a serious or critical WCAG 2.1 A/AA violation on the current page. */
export async function expectAccessible(page, label) {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`)
    .join('\n  ');
  assert.equal(bad.length, 0, `axe found serious/critical violations on ${label}:\n  ${report}`);
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
