// End-to-end: a course's way from proposal to nomination against the real backend and demo seed — the partner
// (doitac@hungyen.demo) confirms the proposed demo course and schedules two sessions, one first refused for a room
// clash with another of its courses; the coordinator (tuyengiao@hungyen.demo) then opens it for nomination.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

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
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
};

/** A day counted from today in Vietnam, as dd/MM/yyyy (the seed dates its sessions the same way). */
const vnDay = (days) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');

async function fillSession(page, { topic, day, start, end, room }) {
  const dialog = page.getByRole('dialog');
  if (topic) await dialog.getByTestId('session-topic').fill(topic);
  if (day) {
    const field = dialog.getByLabel('Ngày', { exact: true });
    await field.click();
    await field.fill(day);
    await field.press('Enter');
  }
  await dialog.getByTestId('session-start').fill(start);
  await dialog.getByTestId('session-end').fill(end);
  if (room) await dialog.getByTestId('session-room').fill(room);
  await page.getByTestId('session-save').click();
}

describe('course lifecycle against the real backend', () => {
  test('the partner confirms and schedules the demo course (a clash refused), the coordinator opens it', async () => {
    const partner = await newPage();
    let courseUrl;
    try {
      const { page } = partner;
      await login(page, backend.baseUrl, 'doitac@hungyen.demo');
      await page.goto(`${backend.baseUrl}/training/workspace`);
      await page.getByRole('heading', { level: 1, name: /Trường Đại học Sư phạm Kỹ thuật Hưng Yên/ }).waitFor();
      await settled(page);
      await screenshot(page, '60-partner-workspace');
      await expectAccessible(page, 'partner workspace');

      await page.getByTestId('workspace-confirm-SPKT-SK-01').click();
      await page.getByTestId('workspace-schedule-SPKT-SK-01').click();
      await page.getByTestId('session-add').waitFor();
      assert.equal(await page.getByTestId('course-status').innerText(), 'Đối tác đã xác nhận');
      courseUrl = page.url();
      assert.match(await page.getByTestId('course-steps').innerText(), /Ngô Văn Đối tác/);

      await page.getByTestId('session-add').click();
      await fillSession(page, { topic: 'Khai giảng và tổng quan', day: vnDay(20), start: '08:00', end: '11:00', room: 'Phòng B1-204' });
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('week-view').getByText('Khai giảng và tổng quan').waitFor();

      // The same room as the open demo course's first session (SPKT-DMST-03, in 14 days, 08:00–11:30).
      await page.getByTestId('session-add').click();
      await fillSession(page, { topic: 'Viết sáng kiến', day: vnDay(14), start: '09:00', end: '10:30', room: 'Phòng A2-301' });
      const clash = page.getByTestId('session-clash');
      await clash.waitFor();
      const clashText = await clash.innerText();
      assert.match(clashText, /SPKT-DMST-03/);
      assert.match(clashText, /08:00–11:30/);
      await screenshot(page, '61-session-clash', { fullPage: false });
      await fillSession(page, { start: '13:30', end: '16:30' });
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('week-view').getByText('Viết sáng kiến').waitFor();
      await settled(page);
      await screenshot(page, '62-course-week-view');
      await expectAccessible(page, 'course detail with its week');
    } finally {
      await partner.context.close();
    }

    const coordinator = await newPage();
    try {
      const { page } = coordinator;
      await login(page, backend.baseUrl, 'tuyengiao@hungyen.demo');
      await page.goto(`${backend.baseUrl}/training/courses`);
      await page.getByTestId('course-table').getByRole('link', { name: 'SPKT-SK-01' }).waitFor();
      await settled(page);
      await screenshot(page, '63-course-catalogue');
      await expectAccessible(page, 'course catalogue');
      await page.getByTestId('course-table').getByRole('link', { name: 'SPKT-SK-01' }).click();
      await page.waitForURL(courseUrl);
      await page.getByTestId('course-open').click();
      await page.getByTestId('course-status').getByText('Đang mở cử học viên').waitFor();
      assert.match(await page.getByTestId('course-steps').innerText(), /Lê Thị Tuyên giáo/);
      await settled(page);
      await screenshot(page, '64-course-opened');
    } finally {
      await coordinator.context.close();
    }

    const phone = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const { page } = phone;
      await page.goto(`${backend.baseUrl}/login`);
      await page.getByLabel('Email').fill('doitac@hungyen.demo');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Mở menu' }).waitFor();
      await page.goto(courseUrl);
      await page.getByTestId('week-view').waitFor();
      await settled(page);
      await screenshot(page, '65-course-phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `no horizontal scroll at 360 px (overflow ${overflow}px)`);
    } finally {
      await phone.context.close();
    }
  });
});
