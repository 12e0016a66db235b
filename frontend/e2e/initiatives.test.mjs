// End-to-end (issue 12): a member's initiative with a co-author, sent by the district officer to an evaluation
// council, scored blind by its members, closed by the secretary, recognised with a number, and the decision .docx
// (Decree 30/2020/NĐ-CP layout) downloaded from the council's screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, login, screenshot, settled, startBackendAndBrowser, openPopup } from './support/browser.mjs';
import { apiSession, docxText } from './support/api.mjs';

const LAC_HONG = 'VANLAM-DETMAYLACHONG';
const PASSWORD = `${DEMO_PASSWORD}x`;
const run = String(Date.now()).slice(-5);
const title = `Cảm biến báo đứt sợi cho máy dệt ${run}`;
const decisionNumber = `${run}/QĐ-CĐCS`;
// The five seats Circular 18/2013/TT-BKHCN art. 8 asks for, in the order the forming screen offers them.
const seats = ['Chair', 'ViceChair', 'Secretary', 'Expert', 'UnionRepresentative'].map((role, n) => ({
  role,
  name: `Thành viên Hội đồng ${run} số ${n + 1}`,
  email: `hd.e2e${run}.${n + 1}@hungyen.demo`,
}));
const CONDITIONS = ['NewWithinUnit', 'AppliedInUnit', 'BringsBenefit', 'NotExcluded'];

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
  // Arrangement through the API: five officials of Lạc Hồng, each with a council-member account.
  const admin = await apiSession(backend.baseUrl, 'admin@hungyen.demo');
  const officer = await apiSession(backend.baseUrl, 'canbo.vanlam@hungyen.demo');
  const units = await officer.get(`/api/v1/organization/units?q=${LAC_HONG}&pageSize=200`);
  const unitId = units.items.find((u) => u.code === LAC_HONG).id;
  for (const s of seats) {
    await officer.post('/api/v1/organization/officials', {
      unitId, fullName: s.name, position: 'Kỹ sư', email: s.email, politicalTheory: 'Elementary', researchMethodsTrained: false,
    });
    await admin.post('/api/v1/admin/users', { email: s.email, fullName: s.name, password: PASSWORD, grants: [{ role: 'council-member', unitId }] });
  }
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

async function signedIn(email, password = DEMO_PASSWORD) {
  const context = await browser.newContext({
    locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true,
  });
  const page = await context.newPage();
  await login(page, backend.baseUrl, email, password);
  return page;
}

/** Today in the province, as Decree 30/2020/NĐ-CP writes it: the day with a leading zero below 10, the month only for 1–2. */
function decreeDate() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(new Date()).map((p) => [p.type, Number(p.value)]),
  );
  const month = parts.month <= 2 ? String(parts.month).padStart(2, '0') : String(parts.month);
  return `ngày ${String(parts.day).padStart(2, '0')} tháng ${month} năm ${parts.year}`;
}

/**
 * Picks an official in a seat of the forming screen and waits until the seat shows them. The picker asks the server
 * once typing pauses and shows "loading" until the answer is in, so the options clicked are those of the whole name
 * (a click while an older answer was being replaced picked nobody, or somebody else).
 */
async function seat(page, n, name) {
  const row = page.getByTestId(`council-seat-${n}`);
  await settled(page);
  await row.getByRole('combobox', { name: `Cán bộ ${n + 1}` }).click();
  await page.keyboard.type(name);
  await row.locator('.ant-select-loading').waitFor({ state: 'detached' });
  await openPopup(page).locator('.ant-select-item-option').filter({ hasText: name }).click();
  await row.getByTitle(name).first().waitFor();
}

/** A member's blind score: every condition met, and a vote to recognise. */
async function score(page, councilUrl) {
  await page.goto(councilUrl);
  const form = page.getByTestId('score-form');
  await form.waitFor();
  // The council's data first: a choice clicked before the form has its item is lost, and the form then never sends.
  await settled(page);
  for (const c of CONDITIONS) await form.getByTestId(`score-${c}`).getByText('Đạt', { exact: true }).click();
  await form.getByTestId('score-vote').getByText('Đồng ý công nhận', { exact: true }).click();
  await form.getByTestId('score-submit').click();
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/councils\/[^/]+\/items\/[^/]+\/score$/.test(r.url()));
  await page.getByTestId('score-confirm').click();
  const response = await saved;
  assert.ok(response.ok(), `the score was refused: ${response.status()} ${await response.text()}`);
  // Once a member has scored, the others' scores show.
  await page.getByTestId('council-scores').waitFor();
}

describe('workers’ initiatives and their evaluation council', () => {
  test('a member applies with a co-author, a council scores it blind, the secretary closes it and the decision .docx is printed', async () => {
    // 1. The member fills in the application: two authors whose shares must total exactly 100%.
    const member = await signedIn('doanvien@hungyen.demo');
    await member.goto(`${backend.baseUrl}/participation/initiatives/new`);
    const form = member.getByTestId('initiative-form');
    await form.waitFor();
    await settled(member);
    await form.getByLabel('Tên sáng kiến').fill(title);
    await form.getByLabel('Lĩnh vực áp dụng').fill('Dệt may');
    await form.getByLabel('Loại giải pháp').click();
    await openPopup(member).getByTitle('Giải pháp kỹ thuật').click();
    await form.getByLabel('Vấn đề cần giải quyết').fill('Máy dừng lâu khi đứt sợi vì công nhân không thấy ngay.');
    await form.getByLabel('Tình trạng đã biết').fill('Công nhân đi tuần và nối sợi bằng tay.');
    await form.getByLabel('Nội dung giải pháp').fill('Gắn cảm biến quang báo đứt sợi, đèn và còi tại từng máy.');
    await form.getByLabel('Nơi áp dụng hoặc áp dụng thử').fill('Phân xưởng dệt 2');
    const since = form.getByLabel('Áp dụng từ ngày', { exact: true });
    await since.click();
    await since.fill('01/06/2024');
    await since.press('Tab');
    await form.getByLabel('Số tiền làm lợi mỗi năm (VNĐ)').fill('120000000');
    await form.getByTestId('author-0').getByLabel('Tỷ lệ (%)').fill('60');
    await form.getByTestId('add-author').click();
    await form.getByTestId('author-1').getByLabel('Họ và tên').fill('Lê Văn Đồng Tác Giả');
    await form.getByTestId('author-1').getByLabel('Tỷ lệ (%)').fill('30');
    const total = form.getByTestId('shares-total');
    await total.getByText('cần đúng 100% (còn thiếu 10%)').waitFor();
    await form.getByTestId('author-1').getByLabel('Tỷ lệ (%)').fill('40');
    await total.getByText('Tổng tỷ lệ đóng góp: 100%').waitFor();
    await form.getByTestId('novelty').check();
    await screenshot(member, 'initiative-01-application');
    await form.getByTestId('save-initiative').click();
    await member.getByTestId('initiative-detail').waitFor();
    const initiativeUrl = member.url();
    await member.getByTestId('submit-initiative').click();
    await member.getByTestId('submit-confirm').click();
    await member.getByTestId('initiative-detail').getByText('Đã nộp', { exact: true }).first().waitFor();

    // 2. The district officer forms the council from the initiative: five officials, none of them an author.
    const officer = await signedIn('canbo.vanlam@hungyen.demo');
    await officer.goto(initiativeUrl);
    await officer.getByTestId('form-council').click();
    const councilForm = officer.getByTestId('council-form');
    await councilForm.waitFor();
    await officer.getByTestId('council-name').fill(`Hội đồng sáng kiến CĐCS Dệt may Lạc Hồng ${run}`);
    await officer.getByTestId('council-items').getByText(title).waitFor();
    for (const [n, s] of seats.entries()) await seat(officer, n, s.name);
    assert.equal(await officer.getByTestId('council-warnings').count(), 0, 'a full council without conflicts raises no warning');
    await screenshot(officer, 'initiative-02-council-form');
    await officer.getByTestId('council-submit').click();
    await officer.getByTestId('council-detail').waitFor();
    const councilUrl = officer.url();

    // 3. Four of the five members score (two thirds of 5 is 4); nobody sees the others' scores before scoring.
    const [chair, vice, secretary, expert] = seats;
    for (const s of [chair, vice, expert]) {
      const page = await signedIn(s.email, PASSWORD);
      await page.goto(councilUrl);
      await page.getByTestId('score-form').waitFor();
      assert.equal(await page.getByTestId('council-scores').count(), 0, `${s.name} sees no score before giving theirs`);
      await score(page, councilUrl);
      await page.context().close();
    }

    // 4. The secretary scores last, then closes the council with the decision number.
    const sec = await signedIn(secretary.email, PASSWORD);
    await score(sec, councilUrl);
    await sec.getByTestId('close-number').fill(decisionNumber);
    await sec.getByTestId('close-submit').click();
    await sec.getByTestId('close-confirm').click();
    const download = sec.getByTestId('download-decision');
    await download.waitFor();
    await screenshot(sec, 'initiative-03-council-closed');
    await expectAccessible(sec, 'closed council');
    const [file] = await Promise.all([sec.waitForEvent('download'), download.click()]);
    assert.match(file.suggestedFilename(), /\.docx$/);
    const text = docxText(await file.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p))));
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', decisionNumber, `Hưng Yên, ${decreeDate()}`, 'QUYẾT ĐỊNH', 'Công nhận sáng kiến', 'CHỦ TỊCH'])
      assert.ok(text.includes(expected), `the decision reads "${expected}"`);

    // 5. The member sees the initiative recognised, with the decision's number.
    await member.goto(initiativeUrl);
    const detail = member.getByTestId('initiative-detail');
    await detail.getByText('Được công nhận', { exact: true }).first().waitFor();
    await detail.getByText(decisionNumber).first().waitFor();
    await settled(member);
    await screenshot(member, 'initiative-04-recognised');
    await member.context().close();
    await officer.context().close();
    await sec.context().close();
  });
});
