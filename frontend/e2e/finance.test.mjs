// End-to-end (issue 14): the province approves Văn Lâm's budget, Văn Lâm allocates a research topic from two sources,
// a tranche is requested, approved by another person (four-eyes) and paid, and the topic's funding statement and the
// reconciliation page agree to the đồng. Then (issue 12) the ordering unit cancels a contracted research topic with a
// reason, and the obligations page shows its obligation withdrawn, nothing left to fund.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, expectAccessible, login, screenshot, settled, startBackendAndBrowser, openPopup } from './support/browser.mjs';
import { apiSession } from './support/api.mjs';
import { contractedTopic, eventually } from './support/topics.mjs';

const VAN_LAM_OFFICER = 'taichinh.vanlam@hungyen.demo';
const PROVINCE_OFFICER = 'taichinh@hungyen.demo';
const PROVINCE_SECOND = 'ketoan@hungyen.demo';
const VAN_LAM = 'Liên đoàn Lao động huyện Văn Lâm';
// The demo has Văn Lâm's 2024 and 2025 budgets; the walk drafts next year's (drafted at the year's end, as is usual).
const year = new Date().getFullYear() + 1;
const topic = 'Đề tài: Ứng dụng cảm biến IoT giám sát vi khí hậu nơi làm việc tại phân xưởng điện tử';
// Odd amounts, so that a rounding anywhere would show: two sources, 75.000.000 ₫ in all.
const STATE_PART = 45_000_001n;
const UNION_PART = 29_999_999n;
const ADVANCE = 33_333_333n;
const voucher = `PC-${year}-VL-${String(Date.now()).slice(-4)}`;

let backend;
let browser;
let budgetId;
let sources;

/** 45000001n → "45.000.001 ₫", the way the SPA writes VND. */
const dong = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
/** "45.000.001 ₫" → 45000001n. */
const parse = (text) => BigInt(text.replace(/[^\d-]/g, '') || '0');

before(async () => {
  [backend, browser] = await startBackendAndBrowser();
  // Arrangement through the API: Văn Lâm's officer drafts the budget and submits it to the province.
  const officer = await apiSession(backend.baseUrl, VAN_LAM_OFFICER);
  const all = await officer.get('/api/v1/finance/sources');
  const vanLam = all.filter((s) => s.unitName === VAN_LAM);
  sources = {
    state: vanLam.find((s) => s.kind === 'StateBudget'),
    union: vanLam.find((s) => s.kind === 'UnionFunds'),
  };
  assert.ok(sources.state && sources.union, 'Văn Lâm has a state-budget and a union-funds source in the demo');
  const draft = await officer.post('/api/v1/finance/budgets', {
    unitId: sources.state.unitId, year, note: `Dự toán kinh phí KH,CN&ĐMST năm ${year}`,
    lines: [
      { purpose: 'ResearchTopics', sourceId: sources.state.id, amount: 150_000_000 },
      { purpose: 'ResearchTopics', sourceId: sources.union.id, amount: 80_000_000 },
      { purpose: 'Training', sourceId: sources.union.id, amount: 40_000_000 },
    ],
  });
  budgetId = draft.id;
  await officer.post(`/api/v1/finance/budgets/${budgetId}/submit`, {}, { 'if-match': `"${draft.version}"` });
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

async function signedIn(email, { phone = false } = {}) {
  const context = await browser.newContext({
    locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
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

/** Today in the province, as the date pickers take it (DD/MM/YYYY). */
function today() {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date()).map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year}`;
}

/** The row of a table whose cells read all of `texts`. */
const row = (scope, ...texts) => texts.reduce((rows, text) => rows.filter({ hasText: text }), scope.locator('.ant-table-tbody tr.ant-table-row'));

/** The text of a row's cell by column (0-based). */
const cell = async (r, n) => (await r.locator('td').nth(n).innerText()).trim();

/** How many pixels the page is wider than the screen. */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('finance: from budget to payment, agreeing to the đồng', () => {
  test('the province approves Văn Lâm’s budget, a topic is funded from two sources, a tranche is paid under four-eyes, and the statement and reconciliation agree', async () => {
    // 1. The province's finance officer finds Văn Lâm's submitted budget and approves it.
    const province = await signedIn(PROVINCE_OFFICER);
    await province.goto(`${backend.baseUrl}/finance/budgets`);
    const budgetRow = row(province.locator('main'), VAN_LAM, String(year), 'Đã trình');
    await budgetRow.getByRole('link', { name: VAN_LAM }).click();
    await province.getByTestId('budget-grid').waitFor();
    assert.equal(await province.getByTestId('budget-status').innerText(), 'Đã trình');
    await province.getByTestId('approve-budget').click();
    await province.getByTestId('budget-status').getByText('Đã duyệt', { exact: true }).waitFor();
    await province.context().close();

    // 2. Văn Lâm's officer allocates the topic from two sources, watching what each line keeps.
    const officer = await signedIn(VAN_LAM_OFFICER);
    await officer.goto(`${backend.baseUrl}/finance/budgets/${budgetId}`);
    await officer.getByTestId('save-allocation').waitFor();
    await settled(officer);
    const form = officer.getByTestId('allocation-form');
    const purpose = form.getByRole('combobox', { name: 'Mục đích' });
    await purpose.click();
    await openPopup(officer).getByTitle('Đề tài nghiên cứu').click();
    await form.getByTestId('allocation-label').fill(topic);
    await officer.getByTestId('part-StateBudget').fill(String(STATE_PART));
    await officer.getByTestId('part-UnionFunds').fill(String(UNION_PART));
    await officer.getByTestId('after-StateBudget').getByText(dong(150_000_000n - STATE_PART), { exact: true }).waitFor();
    await officer.getByTestId('after-UnionFunds').getByText(dong(80_000_000n - UNION_PART), { exact: true }).waitFor();
    await screenshot(officer, 'finance-01-allocation-form');
    await officer.getByTestId('save-allocation').click();
    await officer.getByTestId('allocation-remaining').getByText(dong(STATE_PART + UNION_PART), { exact: true }).waitFor();
    const allocationUrl = officer.url();
    assert.match(allocationUrl, /\/finance\/allocations\/[0-9a-f-]{36}$/);

    // 3. The same officer requests an advance; being its requester, they cannot approve it.
    await officer.getByTestId('tranche-amount').fill(String(ADVANCE));
    await officer.getByTestId('request-tranche').click();
    const tranches = officer.locator('.ant-card').filter({ hasText: 'Các đợt giải ngân' });
    await row(tranches, 'Chờ duyệt', dong(ADVANCE)).waitFor();
    await officer.getByTestId('allocation-remaining').getByText(dong(STATE_PART + UNION_PART - ADVANCE), { exact: true }).waitFor();
    await settled(officer);
    assert.equal(await officer.getByTestId('approve-tranche').count(), 0, 'the requester is not offered the approval (four-eyes)');

    // 4. A second person of the province approves it.
    const second = await signedIn(PROVINCE_SECOND);
    await second.goto(allocationUrl);
    await second.getByTestId('approve-tranche').click();
    await row(second.locator('.ant-card').filter({ hasText: 'Các đợt giải ngân' }), 'Đã duyệt', dong(ADVANCE)).waitFor();
    await second.context().close();

    // 5. Văn Lâm pays it against a voucher.
    await officer.reload();
    await officer.getByTestId('voucher').fill(voucher);
    const paidOn = officer.getByLabel('Ngày chi', { exact: true });
    await paidOn.click();
    await paidOn.fill(today());
    await paidOn.press('Enter');
    await officer.getByTestId('pay-tranche').click();
    const paidRow = row(tranches, 'Đã chi', dong(ADVANCE), voucher);
    await paidRow.waitFor();
    await screenshot(officer, 'finance-02-allocation-paid');
    await expectAccessible(officer, 'the allocation with its paid tranche');

    // 6. The topic's funding statement: every đồng by source.
    await officer.getByTestId('topic-statement-link').click();
    const bySource = officer.getByTestId('statement-sources');
    await row(bySource, sources.state.name).waitFor();
    await row(bySource, sources.union.name).waitFor();
    await settled(officer);
    assert.equal(await officer.getByTestId('statement-allocated').innerText(), dong(STATE_PART + UNION_PART));
    assert.equal(await officer.getByTestId('statement-paid').innerText(), dong(ADVANCE));
    assert.equal(await officer.getByTestId('statement-remaining').innerText(), dong(STATE_PART + UNION_PART - ADVANCE));
    // Columns: source, allocated, not requested, requested, paid, spent, returned.
    const statement = {};
    for (const [key, s] of Object.entries(sources)) {
      const r = row(bySource, s.name);
      statement[key] = { allocated: parse(await cell(r, 1)), notRequested: parse(await cell(r, 2)), paid: parse(await cell(r, 4)) };
    }
    assert.equal(statement.state.allocated, STATE_PART);
    assert.equal(statement.union.allocated, UNION_PART);
    assert.equal(statement.state.paid + statement.union.paid, ADVANCE, 'the paid shares add up to the tranche exactly');
    for (const s of Object.values(statement)) assert.equal(s.notRequested + s.paid, s.allocated, 'every đồng of a source is either paid or not yet requested');
    await screenshot(officer, 'finance-03-topic-statement');
    await expectAccessible(officer, 'the topic funding statement');

    // 7. The reconciliation: no drift, and Văn Lâm's year shows the same allocation per source as the statement.
    await officer.goto(`${backend.baseUrl}/finance/reconciliation`);
    await officer.getByTestId('no-drift').waitFor();
    const books = officer.locator('main');
    // Columns: unit, year, source, approved, allocated, unallocated.
    for (const [key, approved] of [['state', 150_000_000n], ['union', 120_000_000n]]) {
      const r = row(books, VAN_LAM, sources[key].name).filter({ has: officer.locator('td', { hasText: new RegExp(`^${year}$`) }) });
      await r.waitFor();
      assert.equal(await cell(r, 3), dong(approved), `${sources[key].name}: the approved budget`);
      assert.equal(await cell(r, 4), dong(statement[key].allocated), `${sources[key].name}: allocated agrees with the statement`);
      assert.equal(parse(await cell(r, 5)), approved - statement[key].allocated, `${sources[key].name}: approved = allocated + unallocated`);
    }
    const [debits, credits] = (await books.locator('.ant-descriptions-item-content').first().innerText()).split('/').map(parse);
    assert.equal(debits, credits, 'total debits equal total credits');
    await screenshot(officer, 'finance-04-reconciliation');
    await expectAccessible(officer, 'the reconciliation');
    await officer.context().close();
  });

  test('at 360 px the allocation and the statement fit the screen', async () => {
    const phone = await signedIn(VAN_LAM_OFFICER, { phone: true });
    await phone.goto(`${backend.baseUrl}/finance/budgets/${budgetId}`);
    const allocated = phone.getByRole('link', { name: topic });
    await allocated.waitFor();
    await settled(phone);
    assert.ok((await overflow(phone)) <= 1, 'the budget with its allocation form does not scroll sideways at 360 px');
    await screenshot(phone, 'finance-05-budget-360');
    await allocated.click();
    await phone.getByTestId('allocation-ledger').locator('tr.ant-table-row').first().waitFor();
    await settled(phone);
    assert.ok((await overflow(phone)) <= 1, 'the allocation does not scroll sideways at 360 px');
    await screenshot(phone, 'finance-06-allocation-360');
    await phone.getByTestId('topic-statement-link').click();
    await row(phone.getByTestId('statement-sources'), sources.state.name).waitFor();
    await settled(phone);
    assert.ok((await overflow(phone)) <= 1, 'the statement does not scroll sideways at 360 px');
    await screenshot(phone, 'finance-07-statement-360');
    await phone.context().close();
  });

  test('the ordering unit cancels a contracted topic with a reason and its obligation shows withdrawn, nothing left to fund', async () => {
    const started = Date.now();
    const run = String(Date.now()).slice(-6);
    const title = `Giảm tiếng ồn tại xưởng dệt ${run}`;
    const contractNumber = `HĐ-${run}`;
    const reason = 'Đơn vị chủ trì giải thể, không thể thực hiện đề tài';
    // Arrangement through the API: a topic selected by a council and contracted for 100.000.000 ₫ from two sources.
    const topic = await contractedTopic(backend.baseUrl, {
      title, contractNumber, tag: `huy${run}`,
      budget: [{ source: 'UnionFunds', amount: 60_000_000 }, { source: 'StateBudget', amount: 40_000_000 }],
    });
    const finance = await apiSession(backend.baseUrl, PROVINCE_OFFICER);
    const obligationOf = async () =>
      (await finance.get('/api/v1/finance/obligations?sourceKind=ResearchTopic')).find((o) => o.recordId === topic.id);
    await eventually(obligationOf, 'TopicFundingCommitted to reach Finance');

    // 1. The province's finance officer sees the topic among the obligations still to be funded.
    const officer = await signedIn(PROVINCE_OFFICER);
    await officer.goto(`${backend.baseUrl}/finance/obligations`);
    const obligations = officer.locator('main');
    const target = `Đề tài: ${title} (${contractNumber})`;
    const open = row(obligations, target);
    await open.waitFor();
    assert.equal(await cell(open, 6), dong(100_000_000n), 'the whole contracted budget is still to be funded');
    assert.equal(await open.getByText('Chờ cấp', { exact: true }).count(), 1);

    // 2. The Policy-Law Board (the ordering unit) cancels the topic with a reason.
    const province = await signedIn('cspl@hungyen.demo');
    await province.goto(`${backend.baseUrl}/participation/topics/${topic.id}`);
    await province.getByTestId('cancel-topic').click();
    await province.getByTestId('step-reason').fill(reason);
    await province.getByTestId('step-ok').click();
    const detail = province.getByTestId('topic-detail');
    await detail.getByText('Đã hủy', { exact: true }).first().waitFor();
    await detail.getByText(reason).first().waitFor();
    assert.equal(await province.getByTestId('cancel-topic').count(), 0, 'a cancelled topic offers no further step');
    await screenshot(province, 'finance-08-topic-cancelled');
    await province.context().close();

    // 3. Once TopicFundingWithdrawn has reached Finance, the topic leaves "to be funded" and shows withdrawn with its reason.
    await eventually(async () => (await obligationOf())?.state === 'Withdrawn', 'TopicFundingWithdrawn to reach Finance');
    await officer.reload();
    await obligations.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await settled(officer);
    assert.equal(await row(obligations, target).count(), 0, 'a withdrawn obligation is no longer among those to be funded');
    await officer.getByRole('checkbox', { name: 'Chỉ nghĩa vụ chưa đủ kinh phí' }).uncheck();
    const withdrawn = row(obligations, target);
    await withdrawn.getByTestId('obligation-withdrawn').waitFor();
    await settled(officer);
    const [y, m, d] = (await finance.get('/api/v1/finance/obligations?sourceKind=ResearchTopic')).find((o) => o.recordId === topic.id).withdrawnOn.split('-');
    const status = withdrawn.getByTestId('obligation-withdrawn');
    assert.equal(await status.locator('.ant-tag').innerText(), 'Đã rút');
    assert.ok((await status.innerText()).endsWith(`Rút ngày ${d}/${m}/${y}: ${reason}`), 'the withdrawal shows its date and the cancellation reason');
    assert.equal(await cell(withdrawn, 4), dong(100_000_000n), 'what was committed stays on record');
    assert.equal(await cell(withdrawn, 6), dong(0n), 'nothing is left to fund');
    assert.equal(await withdrawn.getByText('Chờ cấp', { exact: true }).count(), 0);
    await screenshot(officer, 'finance-09-obligation-withdrawn');
    await expectAccessible(officer, 'the obligations with a withdrawn one');
    await officer.context().close();
    console.log(`topic cancel walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
