import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { changeLanguage } from '@/lib/i18n';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const ALLOCATION_ID = '0193a000-0000-7000-8000-0000000a1101';
const TRANCHE_ID = '0193a000-0000-7000-8000-0000000a1102';
const PAID_TX = '0193a000-0000-7000-8000-0000000a1103';
const CORRECTION_TX = '0193a000-0000-7000-8000-0000000a1104';
const SOURCE_ID = '0193a000-0000-7000-8000-0000000a1105';

const entry = (id: string, tx: string, year: number, account: string, debit: number, credit: number, event: string, memo: string,
  extra: Record<string, unknown> = {}) => ({
  id, transactionId: tx, year, account, accountId: ALLOCATION_ID, sourceId: SOURCE_ID, sourceName: 'KPCĐ Văn Lâm', debit, credit, event,
  documentId: TRANCHE_ID, reversesTransactionId: null, memo, postedAtUtc: `${year}-05-01T02:00:00Z`, postedBy: 'Lý Văn Tài vụ',
  reversedByTransactionId: null, reversedInYear: null, canCorrect: false, uncorrected: null, reversedBy: [], ...extra,
});

const paid = (corrected: boolean) => [
  entry('e1', PAID_TX, 2024, 'Disbursed', 8000000, 0, 'TranchePaid', 'Chi theo chứng từ PC-2024-01',
    corrected ? { reversedByTransactionId: CORRECTION_TX, reversedInYear: 2025, uncorrected: 0 } : { canCorrect: true, uncorrected: 8000000 }),
  entry('e2', PAID_TX, 2024, 'Payable', 0, 8000000, 'TranchePaid', 'Chi theo chứng từ PC-2024-01',
    corrected ? { reversedByTransactionId: CORRECTION_TX, reversedInYear: 2025, uncorrected: 0 } : { canCorrect: true, uncorrected: 8000000 }),
];
const correcting = [
  entry('e3', CORRECTION_TX, 2025, 'Source', 8000000, 0, 'ClosedYearCorrected', 'Điều chỉnh bút toán năm 2024 (chi theo chứng từ PC-2024-01): Chi nhầm đề tài',
    { reversesTransactionId: PAID_TX }),
  entry('e4', CORRECTION_TX, 2025, 'Disbursed', 0, 8000000, 'ClosedYearCorrected', 'Điều chỉnh bút toán năm 2024 (chi theo chứng từ PC-2024-01): Chi nhầm đề tài',
    { reversesTransactionId: PAID_TX }),
];

const PART_TX = ['0193a000-0000-7000-8000-0000000a1108', '0193a000-0000-7000-8000-0000000a1109'] as const;
const part = (i: 0 | 1, amount: number) => ({ transactionId: PART_TX[i], year: 2025, event: 'ClosedYearCorrected', amount });
/** The payment of 8 million with 3 million corrected into 2025 (and, with both parts, 5 million more: nothing left). */
const partlyCorrected = (bothParts: boolean) => {
  const links = bothParts ? [part(0, 3000000), part(1, 5000000)] : [part(0, 3000000)];
  const state = { reversedByTransactionId: PART_TX[0], reversedInYear: 2025, reversedBy: links, uncorrected: bothParts ? 0 : 5000000, canCorrect: !bothParts };
  return [
    entry('e1', PAID_TX, 2024, 'Disbursed', 8000000, 0, 'TranchePaid', 'Chi theo chứng từ PC-2024-01', state),
    entry('e2', PAID_TX, 2024, 'Payable', 0, 8000000, 'TranchePaid', 'Chi theo chứng từ PC-2024-01', state),
  ];
};

const allocation = (corrected: boolean) => ({
  id: ALLOCATION_ID, unitId: '0193a000-0000-7000-8000-000000000002', unitName: 'Liên đoàn Lao động huyện Văn Lâm', year: 2024,
  budgetId: '0193a000-0000-7000-8000-0000000a1106', purpose: 'ResearchTopics', targetKind: 'Other', targetId: null, targetLabel: 'Đề tài ứng dụng 2024',
  obligationId: null, status: 'Open', amount: 20000000, remaining: 12000000, requested: 0, paid: corrected ? 0 : 8000000, spent: 0,
  returnedUnspent: 0, returnedUnrequested: 0, settlementNote: null, settledBy: null, settledAtUtc: null,
  parts: [{ sourceId: SOURCE_ID, sourceName: 'KPCĐ Văn Lâm', sourceKind: 'UnionFunds', budgetLineId: '0193a000-0000-7000-8000-0000000a1107', amount: 20000000, returned: 0 }],
  tranches: [], ledger: corrected ? [...paid(true), ...correcting] : paid(false), createdBy: 'Lý Văn Tài vụ', canManage: true, version: 3,
});

describe('closed year correction dialog', { timeout: 60_000 }, () => {
  it('picks a closed year’s payment, needs a reason, sends it under an Idempotency-Key and shows the reference on both entries', async () => {
    const posts: { body: unknown; key: string | null }[] = [];
    let current = allocation(false);
    server.use(
      http.get(`*/api/v1/finance/allocations/${ALLOCATION_ID}`, () => HttpResponse.json(current)),
      http.post(`*/api/v1/finance/allocations/${ALLOCATION_ID}/corrections`, async ({ request }) => {
        posts.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
        current = allocation(true);
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    await app.user.click(await screen.findByTestId('correct-closed-year', {}, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Điều chỉnh sang năm sau' });
    expect(submit).toBeDisabled();

    await app.user.click(within(dialog).getByRole('combobox'));
    await app.user.click(await screen.findByText('2024 · Chi theo chứng từ PC-2024-01 · 8.000.000 ₫'));
    expect(submit).toBeDisabled();
    await app.user.type(within(dialog).getByLabelText('Lý do'), 'Chi nhầm đề tài');
    expect(submit).toBeEnabled();
    await app.user.click(submit);

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ transactionId: PAID_TX, reason: 'Chi nhầm đề tài' });
    expect(posts[0]!.key).toBeTruthy();
    const ledger = await screen.findByTestId('allocation-ledger');
    await waitFor(() => expect(within(ledger).getAllByTestId('corrected-tag')).toHaveLength(2));
    expect(within(ledger).getAllByTestId('corrected-tag')[0]).toHaveTextContent('Đã điều chỉnh sang năm 2025');
    expect(within(ledger).getAllByTestId('corrects-tag')[0]).toHaveTextContent('Điều chỉnh bút toán năm 2024');
    expect(screen.queryByTestId('correct-closed-year')).not.toBeInTheDocument();
  });

  it('says which year to open when the unit has no open year after the closed one', async () => {
    server.use(
      http.get(`*/api/v1/finance/allocations/${ALLOCATION_ID}`, () => HttpResponse.json(allocation(false))),
      http.post(`*/api/v1/finance/allocations/${ALLOCATION_ID}/corrections`, () =>
        problem(409, { code: 'correction_no_open_year', title: 'Năm tài chính 2024 đã khoá sổ và đơn vị chưa có năm tài chính nào đang mở sau năm đó: hãy mở năm tài chính 2025 để ghi điều chỉnh.',
          detail: 'Năm tài chính 2024 đã khoá sổ và đơn vị chưa có năm tài chính nào đang mở sau năm đó: hãy mở năm tài chính 2025 để ghi điều chỉnh.' })),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    await app.user.click(await screen.findByTestId('correct-closed-year', {}, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await app.user.click(within(dialog).getByRole('combobox'));
    await app.user.click(await screen.findByText('2024 · Chi theo chứng từ PC-2024-01 · 8.000.000 ₫'));
    await app.user.type(within(dialog).getByLabelText('Lý do'), 'Chi nhầm');
    await app.user.click(within(dialog).getByRole('button', { name: 'Điều chỉnh sang năm sau' }));
    expect((await screen.findAllByText(/hãy mở năm tài chính 2025/)).length).toBeGreaterThan(0);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
  it('corrects a part: the amount typed is sent, never more than what is still uncorrected (Điều 27 khoản 1 điểm c)', async () => {
    const posts: unknown[] = [];
    server.use(
      http.get(`*/api/v1/finance/allocations/${ALLOCATION_ID}`, () => HttpResponse.json(allocation(false))),
      http.post(`*/api/v1/finance/allocations/${ALLOCATION_ID}/corrections`, async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json(allocation(false), { status: 201 });
      }),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    await app.user.click(await screen.findByTestId('correct-closed-year', {}, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await app.user.click(within(dialog).getByRole('combobox'));
    await app.user.click(await screen.findByText('2024 · Chi theo chứng từ PC-2024-01 · 8.000.000 ₫'));
    await app.user.type(within(dialog).getByLabelText('Lý do'), 'Chi thừa');
    const submit = within(dialog).getByRole('button', { name: 'Điều chỉnh sang năm sau' });
    await app.user.type(within(dialog).getByLabelText('Số tiền điều chỉnh'), '8.000.001');
    expect(submit).toBeDisabled();
    await app.user.clear(within(dialog).getByLabelText('Số tiền điều chỉnh'));
    await app.user.type(within(dialog).getByLabelText('Số tiền điều chỉnh'), '3.000.000');
    expect(submit).toBeEnabled();
    await app.user.click(submit);
    await waitFor(() => expect(posts).toEqual([{ transactionId: PAID_TX, reason: 'Chi thừa', amount: 3000000 }]));
  });
});

describe('a payment corrected in parts', { timeout: 60_000 }, () => {
  const serve = (bothParts: boolean) =>
    server.use(http.get(`*/api/v1/finance/allocations/${ALLOCATION_ID}`, () => HttpResponse.json({ ...allocation(false), ledger: partlyCorrected(bothParts) })));

  it('notes in the picker what is still uncorrected, from the message catalog in Vietnamese', async () => {
    serve(false);
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    await app.user.click(await screen.findByTestId('correct-closed-year', {}, { timeout: 20_000 }));
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('combobox'));
    expect(await screen.findByText('2024 · Chi theo chứng từ PC-2024-01 · 8.000.000 ₫ (còn 5.000.000 ₫ chưa điều chỉnh)')).toBeInTheDocument();
  });

  it('notes it in English when the user reads English', async () => {
    await changeLanguage('en');
    serve(false);
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    await app.user.click(await screen.findByTestId('correct-closed-year', {}, { timeout: 20_000 }));
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('combobox'));
    expect(await screen.findByText('2024 · Chi theo chứng từ PC-2024-01 · 8.000.000 ₫ (5.000.000 ₫ still uncorrected)')).toBeInTheDocument();
  });

  it('lists every part on the corrected entries of the ledger, with its amount and year, not only the first', async () => {
    serve(true);
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    renderApp(`/finance/allocations/${ALLOCATION_ID}`);
    const ledger = await screen.findByTestId('allocation-ledger', {}, { timeout: 20_000 });
    const parts = await within(ledger).findAllByTestId('correction-part');
    expect(parts.map((p) => p.textContent)).toEqual([
      'Điều chỉnh 3.000.000 ₫ sang năm 2025', 'Điều chỉnh 5.000.000 ₫ sang năm 2025',
      'Điều chỉnh 3.000.000 ₫ sang năm 2025', 'Điều chỉnh 5.000.000 ₫ sang năm 2025',
    ]);
    expect(within(ledger).getAllByTestId('corrected-tag')[0]).toHaveTextContent('Đã điều chỉnh sang năm 2025');
  });
});
