// End-to-end: a course's way from proposal to nomination against the real backend and demo seed — the partner
// (doitac@hungyen.demo) confirms the proposed demo course and schedules two sessions, one first refused for a room
// clash with another of its courses; the coordinator (tuyengiao@hungyen.demo) then opens it for nomination.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, startBackendAndBrowser, login, screenshot, settled, openPopup } from './support/browser.mjs';

let backend;
let browser;
/** The demo course the first test confirms, schedules and opens; the second nominates into it. */
let courseUrl;

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
  if (room) {
    // The room offers the partner's venues as it is typed: Tab leaves the field and closes that list.
    await dialog.getByTestId('session-room').fill(room);
    await dialog.getByTestId('session-room').press('Tab');
  }
  await page.getByTestId('session-save').click();
}

describe('course lifecycle against the real backend', () => {
  test('the partner confirms and schedules the demo course (a clash refused), the coordinator opens it', async () => {
    const partner = await newPage();
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
      await page.getByTestId('course-open-ok').click(); // the step is irreversible: confirmed first (#16)
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

  test('Văn Lâm nominates until the waitlist, a withdrawal promotes the next; attendance, certificates that verify, a calendar feed', async () => {
    assert.ok(courseUrl, 'the first test opened the course');
    const district = await newPage();
    try {
      const { page } = district;
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(courseUrl);
      const panel = page.getByTestId('course-participants');
      await panel.waitFor();
      const nominate = async (name) => {
        await panel.getByRole('button', { name: 'Cử cán bộ đi học' }).click();
        const dialog = page.getByRole('dialog', { name: 'Cử cán bộ đi học' });
        await dialog.getByLabel('Cán bộ').click();
        await dialog.getByLabel('Cán bộ').fill(name);
        // The options come from a search of the officials in scope: wait until the search has narrowed them to the
        // one named (Enter takes the active option), then choose it.
        const options = openPopup(page).locator('.ant-select-item-option');
        await page.waitForFunction(
          (expected) => {
            const shown = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]) .ant-select-item-option')];
            return shown.length === 1 && shown[0].textContent.includes(expected);
          },
          name,
          { polling: 100 },
        );
        await options.first().waitFor();
        await dialog.getByLabel('Cán bộ').press('Enter');
        await dialog.getByRole('button', { name: 'Cử đi học' }).and(page.locator(':enabled')).waitFor();
        await dialog.getByRole('button', { name: 'Cử đi học' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await panel.getByRole('row').filter({ hasText: name }).first().waitFor();
      };
      // Capacity 3: the fourth person waits.
      for (const name of ['Phan Văn Kỹ thuật', 'Lương Thị Sáng kiến', 'Trịnh Quốc Cải tiến', 'Mai Thị Công vụ']) await nominate(name);
      const row = (name) => panel.getByRole('row').filter({ hasText: name });
      await row('Mai Thị Công vụ').getByText('Chờ thứ 1').waitFor();
      assert.match(await page.getByTestId('participants-enrolled').innerText(), /3\s*\/\s*3/);
      assert.match(await page.getByTestId('participants-waitlist').innerText(), /1/);
      await settled(page);
      await screenshot(page, '66-nominations-waitlist');
      await expectAccessible(page, 'course with nominations and a waitlist');

      // #16: at 360 px the nominee table scrolls inside its box, a hint says so, and Status and "Rút tên" can be reached.
      const phone = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
      try {
        const small = phone.page;
        // On a phone the main navigation sits behind "Mở menu": sign in as the phone walks do.
        await small.goto(`${backend.baseUrl}/login`);
        await small.getByLabel('Email').fill('canbo.vanlam@hungyen.demo');
        await small.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
        await small.getByRole('button', { name: 'Đăng nhập' }).click();
        await small.getByRole('button', { name: 'Mở menu' }).waitFor();
        await small.goto(courseUrl);
        const nominees = small.getByTestId('course-participants');
        const kyThuat = nominees.getByRole('row').filter({ hasText: 'Phan Văn Kỹ thuật' }).first();
        await kyThuat.waitFor();
        await nominees.getByTestId('participants-scroll-hint').waitFor({ state: 'visible' });
        const withinScreen = async (locator, what) => {
          await locator.scrollIntoViewIfNeeded();
          const box = await locator.boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${what} reachable within the 360 px screen (${JSON.stringify(box)})`);
        };
        await withinScreen(kyThuat.getByText('Đã ghi danh'), 'the status');
        const withdrawButton = nominees.getByRole('button', { name: 'Rút tên Phan Văn Kỹ thuật' });
        await withinScreen(withdrawButton, '"Rút tên"');
        await withdrawButton.click({ trial: true }); // visible, enabled and not covered (by the fixed name column, say)
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `the page does not scroll sideways at 360 px (overflow ${overflow}px)`);
        await settled(small);
        await screenshot(small, '66b-nominations-phone');
      } finally {
        await phone.context.close();
      }

      await panel.getByRole('button', { name: 'Rút tên Phan Văn Kỹ thuật' }).click();
      const withdraw = page.getByRole('dialog', { name: 'Rút tên Phan Văn Kỹ thuật' });
      await withdraw.getByLabel('Lý do').fill('Bận công tác');
      await withdraw.getByRole('button', { name: 'Rút tên' }).click();
      await page.getByText('Mai Thị Công vụ được chuyển từ danh sách chờ vào lớp.').waitFor();
      await row('Mai Thị Công vụ').getByText('Đã ghi danh').waitFor();
      assert.match(await page.getByTestId('participants-waitlist').innerText(), /0/);
      await settled(page);
      await screenshot(page, '67-withdrawal-promotes');
    } finally {
      await district.context.close();
    }

    const coordinator = await newPage();
    let verifyPath;
    try {
      const { page } = coordinator;
      await login(page, backend.baseUrl, 'tuyengiao@hungyen.demo');
      // Attendance of the running course's session already held, in bulk.
      await page.goto(`${backend.baseUrl}/training/courses`);
      await page.getByTestId('course-table').getByRole('link', { name: 'SKHCN-SHTT-04' }).click();
      await page.getByTestId('course-participants').getByRole('link', { name: 'Điểm danh' }).click();
      const sheet = page.getByTestId('attendance-sheet');
      await sheet.waitFor();
      await page.getByRole('button', { name: /^Tất cả có mặt – 1\./ }).click();
      await page.getByRole('button', { name: /^Lưu buổi này – 1\./ }).click();
      await page.getByText('Đã lưu điểm danh.').waitFor();
      await settled(page);
      await screenshot(page, '68-attendance-sheet');
      await expectAccessible(page, 'attendance sheet');

      // The completed course: results computed, certificates issued, one verified without signing in.
      await page.goto(`${backend.baseUrl}/training/courses`);
      await page.getByTestId('course-table').getByRole('link', { name: 'SKHCN-KNS-06' }).click();
      const certificates = page.getByTestId('course-certificates');
      await certificates.getByRole('button', { name: 'Cấp giấy chứng nhận' }).click();
      await page.getByTestId('issue-certificates-ok').click(); // confirmed first (#16)
      await certificates.getByRole('row').filter({ hasText: 'Đặng Thị Đoàn viên' }).first().waitFor();
      assert.equal(await certificates.getByRole('row').count(), 1 + 3, 'three participants completed by the rule, one did not');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        certificates.getByRole('row').filter({ hasText: 'Đặng Thị Đoàn viên' }).getByRole('button', { name: /PDF/ }).click(),
      ]);
      const pdf = await download.path().then((f) => import('node:fs').then((fs) => fs.readFileSync(f)));
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      verifyPath = await certificates.getByRole('row').filter({ hasText: 'Đặng Thị Đoàn viên' }).getByRole('link', { name: 'Tra cứu' }).getAttribute('href');
      await settled(page);
      await screenshot(page, '69-certificates-issued');
    } finally {
      await coordinator.context.close();
    }

    const anonymous = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const { page } = anonymous;
      await page.goto(`${backend.baseUrl}${verifyPath}`);
      await page.getByText('Giấy chứng nhận hợp lệ').waitFor();
      const text = await page.locator('body').innerText();
      assert.match(text, /Đặng Thị Đoàn viên/);
      assert.match(text, /Kỹ năng xây dựng và quản lý nhiệm vụ khoa học cấp cơ sở/);
      assert.doesNotMatch(text, /doanvien@hungyen\.demo/, 'nothing beyond name, course, partner and date');
      await screenshot(page, '70-certificate-verified-phone');
      await expectAccessible(page, 'certificate verification');
    } finally {
      await anonymous.context.close();
    }

    // The partner's calendar feed, as a calendar app fetches it: the opened course's sessions are in it.
    const partner = await newPage();
    try {
      const { page } = partner;
      await login(page, backend.baseUrl, 'doitac@hungyen.demo');
      await page.goto(`${backend.baseUrl}/training/calendar`);
      await page.getByRole('textbox').first().waitFor();
      const urls = await page.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => i.value));
      const partnerFeed = urls.find((u) => /\/partners\/.+\.ics$/.test(u));
      assert.ok(partnerFeed, `a partner feed among ${urls.join(', ')}`);
      await screenshot(page, '71-calendar-feeds');
      // Long lines are folded (RFC 5545 §3.1): unfold before reading.
      const ics = (await (await fetch(partnerFeed)).text()).replace(/\r\n[ \t]/g, '');
      assert.match(ics, /^BEGIN:VCALENDAR/);
      assert.match(ics, /SUMMARY:[^\r\n]*Khai giảng và tổng quan/);
      assert.match(ics, /SEQUENCE:\d+/);
    } finally {
      await partner.context.close();
    }
  });
});
