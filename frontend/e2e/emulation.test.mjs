// End-to-end (issue 13): the Văn Lâm federation registers for the province's "Tham mưu giỏi – Phục vụ tốt" movement of
// 2025 (the demo has no registration for it yet), self-scores with a recognised initiative as evidence, the province's
// Policy-Law Board reviews with a reason and closes the year, and the cluster's final ranking shows Văn Lâm; then the
// demo worker who authored a recognised initiative is proposed for the base-level title "Lao động tiên tiến" 2025 with
// that initiative linked, every rule passes live, the province's emulation council votes it through (one member on the
// council page), the province decides it, honours it at an event, and the
// certificate's verification link (the address its QR code prints) says "valid" with her name on a 360 px phone.
// A second walk downloads an emulation council's minutes and a decision as .docx and changes the decisions an honouring
// event honours before its day, watching the honour list follow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, login, screenshot, settled, startBackendAndBrowser, openPopup } from './support/browser.mjs';
import { apiSession, readZipEntry } from './support/api.mjs';
import { decidedCommendations } from './support/commendations.mjs';
import { provinceDay } from './support/topics.mjs';
import { readFileSync } from 'node:fs';

const MOVEMENT = 'Tham mưu giỏi – Phục vụ tốt';
const YEAR = 2025;
const VAN_LAM = 'Liên đoàn Lao động huyện Văn Lâm';
const WORKER = 'Đặng Thị Đoàn viên';
const INITIATIVE = 'Cảm biến quang báo đứt sợi tự dừng máy dệt';
const run = String(Date.now()).slice(-5);
const decisionNumber = `${run}/QĐ-LĐLĐ`;
const eventName = `Lễ tôn vinh "Lao động sáng tạo" ${run}`;

let backend;
let browser;

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

async function signedIn(email, { phone = false } = {}) {
  const context = await browser.newContext({
    locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true,
    ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
  });
  const page = await context.newPage();
  if (!phone) {
    await login(page, backend.baseUrl, email);
    return page;
  }
  // On a phone the main navigation sits behind the menu button.
  await page.goto(`${backend.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Mở menu' }).waitFor();
  return page;
}

/** The open dropdown of an AntD select. */

/** Opens an AntD select, types to narrow it and picks the option that reads `text`. */
async function pick(page, select, text, search = text) {
  await settled(page);
  await select.click();
  await page.keyboard.type(search);
  await openPopup(page).locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  // A multiple select stays open after a pick: close it, and wait until no list is left on screen (nor fading out).
  await page.keyboard.press('Escape');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.ant-select-dropdown')].every((d) => !d.checkVisibility({ opacityProperty: true, visibilityProperty: true })));
  await settled(page);
}

/** An AntD number or date input by its test id, whether the id lands on the input or on its wrapper. */
const inputOf = (page, id) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** Today in the province as the date pickers write it (DD/MM/YYYY). */
function today() {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

async function fillDate(page, input) {
  await input.click();
  await input.fill(today());
  // Tab, not Enter: Enter in the picker also submits the form around it.
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
  await settled(page);
}

describe('emulation, commendation and honouring', () => {
  test('Văn Lâm registers, self-scores with evidence, the province reviews and closes, the ranking shows; a worker is proposed, decided, honoured and her certificate verifies on a phone', async () => {
    // 1. The Văn Lâm officer registers the district federation for the movement's year 2025.
    const officer = await signedIn('canbo.vanlam@hungyen.demo');
    await officer.goto(`${backend.baseUrl}/participation/emulation/registrations/new`);
    await officer.getByTestId('save-registration').waitFor();
    await pick(officer, officer.getByRole('combobox', { name: 'Phong trào', exact: true }), MOVEMENT, 'Tham mưu');
    await pick(officer, officer.getByRole('combobox', { name: 'Đơn vị', exact: true }), `${VAN_LAM} (VANLAM)`, 'Văn Lâm');
    await inputOf(officer, 'registration-year').fill(String(YEAR));
    await officer.getByTestId('registration-targets').fill('100% cán bộ công đoàn chuyên trách đạt "Tham mưu giỏi – Phục vụ tốt"');
    await officer.getByTestId('registration-titles').fill('Cờ thi đua của LĐLĐ tỉnh');
    await screenshot(officer, 'emulation-01-registration');
    await officer.getByTestId('save-registration').click();
    await officer.getByRole('heading', { name: `${VAN_LAM} – ${MOVEMENT} ${YEAR}` }).waitFor();
    const registrationUrl = officer.url();

    // 2. It self-scores every criterion; the first one with a recognised initiative of its subtree as evidence.
    await officer.getByTestId('save-self-score').waitFor();
    for (const [n, points] of [36, 35, 18].entries()) await inputOf(officer, `self-points-${n}`).fill(String(points));
    await pick(officer, officer.getByRole('combobox', { name: 'Chọn sáng kiến đã được công nhận 1', exact: true }), INITIATIVE, 'đứt sợi');
    await officer.getByTestId('save-self-score').click();
    await officer.getByText('Đã tự chấm', { exact: true }).first().waitFor();
    await officer.getByText(`${INITIATIVE} (GCN 01/2024/CN-LH)`).first().waitFor();
    await screenshot(officer, 'emulation-02-self-scored');

    // 3. The province's Policy-Law Board reviews: one score lowered, with the reason.
    const province = await signedIn('cspl@hungyen.demo');
    await province.goto(registrationUrl);
    await province.getByTestId('save-review').waitFor();
    await inputOf(province, 'review-points-1').fill('32');
    await province.getByTestId('review-comment-1').fill('Chưa có kết quả khảo sát của quý IV');
    await province.getByTestId('save-review').click();
    await province.getByText('Đã thẩm định', { exact: true }).first().waitFor();
    await province.getByText('Chưa có kết quả khảo sát của quý IV').first().waitFor();

    // 4. It closes the movement's year 2025 from the movement's page.
    await province.goto(`${backend.baseUrl}/participation/emulation/movements`);
    await province.getByRole('link', { name: MOVEMENT }).first().click();
    await province.getByRole('heading', { name: MOVEMENT }).waitFor();
    await settled(province);
    await province.getByRole('spinbutton', { name: 'Năm' }).fill(String(YEAR));
    await province.getByTestId('close-year').click();
    await province.locator('.ant-popconfirm .ant-btn-primary').click();
    await province.getByText('Năm đã khoá sổ').waitFor();
    await province.locator('.ant-descriptions').getByText(String(YEAR), { exact: true }).waitFor();

    // 5. The ranking of 2025 is final; Văn Lâm leads its cluster with the reviewed total (36 + 32 + 18).
    await province.getByTestId('movement-ranking-link').click();
    await province.getByTestId('ranking-status').getByText('Kết quả chính thức').waitFor();
    const row = province.getByTestId('ranking-cluster').getByRole('row').filter({ hasText: VAN_LAM });
    await row.waitFor();
    assert.match(await row.innerText(), /^1\s+Liên đoàn Lao động huyện Văn Lâm\s+86\b/);
    await screenshot(province, 'emulation-03-ranking');
    await expectAccessible(province, 'ranking');

    // 6. The officer proposes the worker who authored a recognised initiative for "Lao động tiên tiến" 2025; the rules
    //    run live and pass (registered for emulation in 2025, not proposed twice).
    await officer.goto(`${backend.baseUrl}/participation/commendations/new`);
    await officer.getByTestId('save-proposal').waitFor();
    await pick(officer, officer.getByRole('combobox', { name: 'Đơn vị đề nghị', exact: true }), `${VAN_LAM} (VANLAM)`, 'Văn Lâm');
    await inputOf(officer, 'proposal-year').fill(String(YEAR));
    await pick(officer, officer.getByRole('combobox', { name: 'Hình thức khen thưởng', exact: true }), 'Danh hiệu "Lao động tiên tiến"', 'tiên tiến');
    await officer.getByTestId('proposal-achievements').fill('Tác giả sáng kiến cảm biến quang báo đứt sợi, hoàn thành tốt nhiệm vụ năm 2025.');
    await officer.getByTestId('add-person').click();
    await pick(officer, officer.getByRole('combobox', { name: 'Cá nhân 1', exact: true }), WORKER, 'Đoàn viên');
    await pick(officer, officer.getByRole('combobox', { name: 'Sáng kiến làm minh chứng 1', exact: true }), INITIATIVE, 'đứt sợi');
    const panel = officer.getByTestId('eligibility-panel');
    await panel.getByText('Tất cả đối tượng đạt các tiêu chuẩn').waitFor();
    for (const rule of ['not_proposed_twice', 'registered_for_emulation'])
      assert.equal(await panel.getByTestId(`rules-0-${rule}`).innerText(), 'Đạt', `${rule} passes`);
    await screenshot(officer, 'emulation-04-proposal-checks');
    await officer.getByTestId('save-proposal').click();
    await officer.getByTestId('submit-proposal').click();
    await officer.getByText('Đã trình', { exact: true }).first().waitFor();
    const proposalUrl = officer.url();

    // 7. The province's emulation council (Hội đồng Thi đua – Khen thưởng) votes on it before any decision: four province
    //    officials with council-member accounts (arranged through the API); three vote through the API, the fourth on
    //    the council page; the secretary closes it. A simple majority of all members passes it.
    const proposalId = proposalUrl.split('/').pop();
    const admin = await apiSession(backend.baseUrl, 'admin@hungyen.demo');
    const root = (await admin.get('/api/v1/organization/units?q=HY&pageSize=200')).items.find((u) => u.code === 'HY').id;
    const tag = Math.random().toString(36).slice(2, 8);
    const members = [];
    for (const [n, role] of ['Chair', 'ViceChair', 'Secretary', 'Expert'].entries()) {
      const email = `tdkt.${tag}.${n}@hungyen.demo`;
      const fullName = `Ủy viên thi đua ${tag} ${n + 1}`;
      const official = await admin.post('/api/v1/organization/officials', { unitId: root, fullName, position: 'Ủy viên Hội đồng', email, politicalTheory: 'Elementary', researchMethodsTrained: false });
      await admin.post('/api/v1/admin/users', { email, fullName, password: DEMO_PASSWORD, grants: [{ role: 'council-member', unitId: root }] });
      members.push({ email, role, officialId: official.id });
    }
    const policyLaw = await apiSession(backend.baseUrl, 'cspl@hungyen.demo');
    const council = await policyLaw.post('/api/v1/participation/councils', {
      name: `Hội đồng Thi đua – Khen thưởng LĐLĐ tỉnh năm ${YEAR}`, itemKind: 'Commendation', itemIds: [proposalId],
      members: members.map((m) => ({ officialId: m.officialId, role: m.role })),
    });
    for (const m of members.slice(0, 3))
      await (await apiSession(backend.baseUrl, m.email)).put(`/api/v1/participation/councils/${council.id}/items/${proposalId}/vote`, { agree: true });
    const voter = await signedIn(members[3].email);
    await voter.goto(`${backend.baseUrl}/participation/councils/${council.id}`);
    const item = voter.getByTestId(`council-item-${proposalId}`);
    await item.getByTestId('vote-form').waitFor();
    await item.getByLabel('Đồng ý', { exact: true }).check();
    await item.getByTestId('vote-submit').click();
    await voter.getByTestId('vote-confirm').click();
    await item.getByTestId('council-votes').waitFor();
    await screenshot(voter, 'emulation-05-council-vote');
    await expectAccessible(voter, 'commendation council vote');
    await (await apiSession(backend.baseUrl, members[2].email)).post(`/api/v1/participation/councils/${council.id}/close`, {
      decisionNumber: `01/BB-HĐTĐKT-${tag}`, decisionDate: new Date().toISOString().slice(0, 10),
    });

    // 8. The province sees the passed vote on the proposal and decides it with a numbered decision.
    await province.goto(proposalUrl);
    await province.getByTestId('council-vote').getByText('Biểu quyết đạt').waitFor();
    await province.getByTestId('approve-proposal').waitFor();
    await province.getByTestId('decision-number').fill(decisionNumber);
    await fillDate(province, inputOf(province, 'decision-date'));
    await province.getByTestId('approve-proposal').click();
    await province.getByText('Đã khen thưởng', { exact: true }).first().waitFor();
    await province.getByText(decisionNumber).first().waitFor();

    // 9. It honours the decision at an event; the honouree's certificate links to its public check.
    await province.goto(`${backend.baseUrl}/participation/honouring-events/new`);
    await province.getByTestId('save-honouring-event').waitFor();
    await pick(province, province.getByRole('combobox', { name: 'Đơn vị tổ chức', exact: true }), 'Liên đoàn Lao động tỉnh Hưng Yên (HY)', 'Hưng Yên');
    await province.getByTestId('honouring-name').fill(eventName);
    await fillDate(province, inputOf(province, 'honouring-date'));
    await province.getByTestId('honouring-venue').fill('Hội trường Liên đoàn Lao động tỉnh Hưng Yên');
    await province.getByTestId('honouring-decisions').getByText(decisionNumber).click();
    await screenshot(province, 'emulation-05-honouring-form');
    await province.getByTestId('save-honouring-event').click();
    await province.getByRole('heading', { name: eventName }).waitFor();
    const honourees = province.getByTestId('honourees');
    await honourees.getByText(WORKER).waitFor();
    const verify = honourees.getByRole('link', { name: new RegExp(`Kiểm tra trực tuyến: ${WORKER}$`) });
    const verifyUrl = await verify.getAttribute('href');
    assert.match(verifyUrl, /\/verify\/khen-thuong\/[A-Za-z0-9_-]+$/);
    await screenshot(province, 'emulation-06-honoured');

    // 10. Anyone scanning the QR code on a phone sees the certificate valid, with the honouree's name.
    const phone = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${backend.baseUrl}${new URL(verifyUrl).pathname}`);
    const valid = page.getByTestId('verify-valid');
    await valid.getByText('Giấy chứng nhận hợp lệ').waitFor();
    await page.getByText(WORKER).first().waitFor();
    await page.getByText('Danh hiệu "Lao động tiên tiến"').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scrolling at 360 px (${width})`);
    await screenshot(page, 'emulation-07-verify-phone-360');
    await expectAccessible(page, 'commendation certificate verification');

    await phone.close();
    await officer.context().close();
    await province.context().close();
  });

  test('the emulation council’s minutes and a decision download as .docx, and an honouring event’s decisions are changed before its day', async () => {
    const started = Date.now();
    const tag = `gk${String(Date.now()).slice(-6)}`;
    const [first, second] = [`Nguyễn Văn Tôn ${tag}`, `Lê Thị Vinh ${tag}`];
    // Arrangement through the API: two Giấy khen voted through by one council and decided; an event in two weeks honours the first.
    const { root, councilId, proposals } = await decidedCommendations(backend.baseUrl, { tag, names: [first, second] });
    const policyLaw = await apiSession(backend.baseUrl, 'cspl@hungyen.demo');
    const event = await policyLaw.post('/api/v1/participation/commendations/honouring-events', {
      unitId: root, name: `Lễ tôn vinh ${tag}`, heldOn: provinceDay(14), venue: 'Hội trường LĐLĐ tỉnh Hưng Yên', decisionIds: [proposals[0].id],
    }, { 'idempotency-key': `event-${tag}` });
    const province = await signedIn('cspl@hungyen.demo');

    /** Clicks a download button and answers the file's name and bytes. */
    const download = async (button) => {
      await button.waitFor();
      await settled(province);
      const [file] = await Promise.all([province.waitForEvent('download'), button.click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const isDocx = (file) => file.bytes.length > 1000 && file.bytes.subarray(0, 2).toString('latin1') === 'PK' && readZipEntry(file.bytes, 'word/document.xml') !== undefined;

    // 1. The council's screen: the minutes of the closed emulation council (.docx, BIÊN BẢN).
    await province.goto(`${backend.baseUrl}/participation/councils/${councilId}`);
    const minutes = await download(province.getByTestId('download-decision'));
    assert.match(minutes.name, /^bien-ban-hoi-dong-thi-dua-khen-thuong-.+\.docx$/);
    assert.ok(isDocx(minutes), 'the minutes are a non-empty .docx (a zip with word/document.xml)');

    // 2. The proposal's screen: its decision (.docx).
    await province.goto(`${backend.baseUrl}/participation/commendations/${proposals[0].id}`);
    const decision = await download(province.getByTestId('download-decision'));
    assert.match(decision.name, /^quyet-dinh-khen-thuong-.+\.docx$/);
    assert.ok(isDocx(decision), 'the decision is a non-empty .docx');

    // 3. The event, two weeks ahead, honours the first decision; its decisions are swapped for the second's.
    await province.goto(`${backend.baseUrl}/participation/honouring-events/${event.id}`);
    const honourees = province.getByTestId('honourees');
    await honourees.getByText(first).waitFor();
    await province.getByTestId('edit-honouring-event').click();
    const decisions = province.getByTestId('edit-honouring-decisions');
    await decisions.getByText(proposals[1].decisionNumber).waitFor();
    await decisions.getByText(proposals[0].decisionNumber).click();
    await decisions.getByText(proposals[1].decisionNumber).click();
    await screenshot(province, 'emulation-08-honouring-edit', { fullPage: false });
    await province.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await honourees.getByText(second).waitFor();
    await settled(province);
    assert.equal(await honourees.getByText(first).count(), 0, 'the left-out decision takes its honouree off the list');
    await screenshot(province, 'emulation-09-honouring-edited');

    // 4. The printable honour list follows: the second honouree, not the first.
    const list = await download(province.getByTestId('download-honour-list'));
    assert.match(list.name, /\.xlsx$/);
    const strings = (readZipEntry(list.bytes, 'xl/sharedStrings.xml') ?? readZipEntry(list.bytes, 'xl/worksheets/sheet1.xml')).toString('utf8');
    assert.ok(strings.includes(second), 'the honour list names the added decision’s honouree');
    assert.ok(!strings.includes(first), 'the honour list no longer names the left-out decision’s honouree');
    await province.context().close();

    // 5. The same event on a 360 px phone: the honouree's name reads whole and its "Thu hồi" button is in view, with no sideways page scroll.
    const small = await signedIn('cspl@hungyen.demo', { phone: true });
    await small.goto(`${backend.baseUrl}/participation/honouring-events/${event.id}`);
    const onPhone = small.getByTestId('honourees');
    await onPhone.getByText(second).waitFor();
    await settled(small);
    await screenshot(small, 'emulation-10-honourees-phone-360');
    const pageWidth = await small.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 360, `no sideways page scroll at 360 px (${pageWidth})`);
    // The name's cell wraps the whole name (no ellipsis) and nothing in it runs past its edge.
    const cell = onPhone.locator('td').filter({ hasText: second });
    assert.equal(await cell.count(), 1, 'one cell holds the honouree on a phone');
    const fits = await cell.evaluate((td) => !td.classList.contains('ant-table-cell-ellipsis') && td.scrollWidth <= td.clientWidth
      && td.getBoundingClientRect().right <= window.innerWidth);
    assert.ok(fits, 'the honouree’s name is not cut off at 360 px');
    const revoke = onPhone.getByRole('button', { name: 'Thu hồi' });
    const box = await revoke.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `the "Thu hồi" button is fully in view at 360 px (${JSON.stringify(box)})`);
    await revoke.click();
    await small.getByRole('textbox', { name: 'Lý do thu hồi' }).waitFor();
    await small.context().close();
    console.log(`honouring edit walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
