import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const SOURCE_ID = '0193a000-0000-7000-8000-0000000051a1';

const detail = (received: number, receipts: unknown[]) => ({
  source: {
    id: SOURCE_ID, unitId: '0193a000-0000-7000-8000-000000000002', unitName: 'Liên đoàn Lao động huyện Văn Lâm', kind: 'Sponsor',
    name: 'Tài trợ xã hội hoá', programmeReference: null, sponsorName: 'Công ty CP Công nghệ Như Quỳnh', sponsorTaxCode: '0900554196', note: null, version: 1,
  },
  sponsor: {
    pledged: 30000000, received, outstanding: 30000000 - received, allocated: 19500000, allocatedBeyondReceived: Math.max(0, 19500000 - received),
    pledges: [{ id: 'p1', amount: 30000000, pledgedOn: '2024-02-01', note: 'Hợp đồng tài trợ', recordedBy: 'Lý Văn Tài vụ', recordedAtUtc: '2024-02-01T02:00:00Z' }],
    receipts,
  },
});
const receipt = (id: string, amount: number, on: string, voucher: string, extra: Record<string, unknown> = {}) => ({
  id, amount, receivedOn: on, voucherNumber: voucher, note: null, reversesReceiptId: null, reversedByReceiptId: null,
  recordedBy: 'Lý Văn Tài vụ', recordedAtUtc: `${on}T02:00:00Z`, corrections: [], uncorrected: amount, canCorrect: false, ...extra,
});

describe('sponsor source page', { timeout: 60_000 }, () => {
  it('shows pledged, received and outstanding in đồng and records a receipt under an Idempotency-Key', async () => {
    const posts: { body: unknown; key: string | null }[] = [];
    let current = detail(20000000, [receipt('r1', 10000000, '2024-03-15', 'PT-2024-VANLAM-01'), receipt('r2', 10000000, '2025-02-20', 'PT-2025-VANLAM-01')]);
    server.use(
      http.get(`*/api/v1/finance/sources/${SOURCE_ID}`, () => HttpResponse.json(current)),
      http.post(`*/api/v1/finance/sources/${SOURCE_ID}/receipts`, async ({ request }) => {
        posts.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
        current = detail(25000000, [...current.sponsor.receipts, receipt('r3', 5000000, '2025-03-05', 'PT-09')]);
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/sources/${SOURCE_ID}`);
    const funds = await screen.findByTestId('sponsor-funds', {}, { timeout: 20_000 });
    expect(funds).toHaveTextContent('Cam kết30.000.000 ₫');
    expect(funds).toHaveTextContent('Đã nhận20.000.000 ₫');
    expect(funds).toHaveTextContent('Chưa nhận10.000.000 ₫');
    expect(screen.queryByTestId('beyond-received')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('sponsor-receipts')).getByText('PT-2025-VANLAM-01')).toBeInTheDocument();
    expect(within(screen.getByTestId('sponsor-receipts')).getByText('20/02/2025')).toBeInTheDocument();

    const form = screen.getByTestId('receipt-form');
    await app.user.type(within(form).getByLabelText('Số tiền thực nhận'), '5000000');
    const day = within(form).getByLabelText('Ngày nhận');
    await app.user.click(day);
    await app.user.type(day, '05/03/2025{Enter}');
    await app.user.type(within(form).getByLabelText('Số phiếu thu'), 'PT-09');
    await app.user.click(within(form).getByRole('button', { name: 'Ghi nhận khoản thu' }));

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ amount: 5000000, receivedOn: '2025-03-05', voucherNumber: 'PT-09' });
    expect(posts[0]!.key).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('sponsor-funds')).toHaveTextContent('Đã nhận25.000.000 ₫'));
    expect(screen.getByTestId('sponsor-funds')).toHaveTextContent('Chưa nhận5.000.000 ₫');
  });

  it('says so when a receipt would exceed the pledge, and flags allocations beyond what was received', async () => {
    server.use(
      http.get(`*/api/v1/finance/sources/${SOURCE_ID}`, () => HttpResponse.json(detail(10000000, [receipt('r1', 10000000, '2024-03-15', 'PT-1')]))),
      http.post(`*/api/v1/finance/sources/${SOURCE_ID}/receipts`, () =>
        problem(409, { code: 'sponsor_receipt_exceeds_pledge', title: 'Khoản thực nhận vượt số tiền nhà tài trợ đã cam kết.',
          detail: 'Số cam kết chưa nhận chỉ còn 20.000.000 đồng; hãy ghi nhận cam kết bổ sung của nhà tài trợ trước.', outstanding: 20000000 })),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/sources/${SOURCE_ID}`);
    expect(await screen.findByTestId('beyond-received', {}, { timeout: 20_000 })).toHaveTextContent('9.500.000 ₫');

    const form = screen.getByTestId('receipt-form');
    await app.user.type(within(form).getByLabelText('Số tiền thực nhận'), '25000000');
    const day = within(form).getByLabelText('Ngày nhận');
    await app.user.click(day);
    await app.user.type(day, '05/03/2025{Enter}');
    await app.user.type(within(form).getByLabelText('Số phiếu thu'), 'PT-2');
    await app.user.click(within(form).getByRole('button', { name: 'Ghi nhận khoản thu' }));
    expect(await screen.findByText(/chỉ còn 20\.000\.000 đồng/)).toBeInTheDocument();
  });

  it('shows a reader the figures without the forms', async () => {
    server.use(http.get(`*/api/v1/finance/sources/${SOURCE_ID}`, () => HttpResponse.json(detail(20000000, []))));
    signInWithPermissions(['finance.read'], 'VANLAM');
    renderApp(`/finance/sources/${SOURCE_ID}`);
    expect(await screen.findByTestId('sponsor-funds', {}, { timeout: 20_000 })).toHaveTextContent('Chưa nhận10.000.000 ₫');
    expect(screen.queryByTestId('receipt-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pledge-form')).not.toBeInTheDocument();
  });

  it("corrects a closed year's receipt in part into the next open year, listing each part under the receipt (Điều 27)", async () => {
    const posts: { body: unknown; key: string | null }[] = [];
    const correction = (id: string, amount: number, sequence: number) => ({
      id, transactionId: `${id}-tx`, sequence, year: 2025, amount, reason: 'Phiếu thu ghi thừa', correctedBy: 'Lý Văn Tài vụ', correctedAtUtc: '2025-03-01T02:00:00Z',
    });
    let current = detail(8000000, [receipt('r1', 10000000, '2024-03-15', 'PT-2024-01',
      { corrections: [correction('c1', 2000000, 1)], uncorrected: 8000000, canCorrect: true })]);
    server.use(
      http.get(`*/api/v1/finance/sources/${SOURCE_ID}`, () => HttpResponse.json(current)),
      http.post(`*/api/v1/finance/sources/${SOURCE_ID}/receipts/r1/corrections`, async ({ request }) => {
        posts.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
        current = detail(5000000, [receipt('r1', 10000000, '2024-03-15', 'PT-2024-01',
          { corrections: [correction('c1', 2000000, 1), correction('c2', 3000000, 2)], uncorrected: 5000000, canCorrect: true })]);
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'VANLAM');
    const app = renderApp(`/finance/sources/${SOURCE_ID}`);
    const receipts = await screen.findByTestId('sponsor-receipts', {}, { timeout: 20_000 });
    expect(within(receipts).getByTestId('receipt-correction')).toHaveTextContent('Điều chỉnh 2.000.000 ₫ sang năm 2025');
    expect(within(receipts).queryByRole('button', { name: 'Đảo bút toán' })).not.toBeInTheDocument();

    await app.user.click(within(receipts).getByTestId('correct-receipt'));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Điều chỉnh sang năm sau' });
    await app.user.type(within(dialog).getByLabelText('Số tiền điều chỉnh'), '8.000.001');
    await app.user.type(within(dialog).getByLabelText('Lý do'), 'Phiếu thu ghi thừa');
    expect(submit).toBeDisabled();
    await app.user.clear(within(dialog).getByLabelText('Số tiền điều chỉnh'));
    await app.user.type(within(dialog).getByLabelText('Số tiền điều chỉnh'), '3.000.000');
    await app.user.click(submit);

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ reason: 'Phiếu thu ghi thừa', amount: 3000000 });
    expect(posts[0]!.key).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId('sponsor-receipts')).getAllByTestId('receipt-correction')).toHaveLength(2));
    expect(screen.getByTestId('sponsor-funds')).toHaveTextContent('Đã nhận5.000.000 ₫');
  });
});
