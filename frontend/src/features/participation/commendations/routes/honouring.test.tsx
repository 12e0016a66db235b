import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { fireEvent, renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009501';
const ROUTE = `*/api/v1/participation/commendations/honouring-events/${ID}`;

function honouree(order: number, name: string, formName: string, over: Record<string, unknown> = {}) {
  return {
    certificateId: `00000000-0000-4000-8000-00000000960${order}`, order, kind: 'Person', name, formCode: 'LDTT', formName,
    decisionNumber: `2${order}/QĐ-LĐLĐ`, decisionDate: '2025-01-15', certificateNumber: `00${order}/GCN-TV2025`,
    verifyUrl: `http://localhost/verify/khen-thuong/code${order}`, revoked: false, revokedAt: null, revocationReason: null, ...over,
  };
}

function event(over: Record<string, unknown> = {}) {
  return {
    id: ID, unitId: 'u-hy', unitName: 'Liên đoàn Lao động tỉnh Hưng Yên', name: 'Lễ tôn vinh "Lao động sáng tạo" năm 2024', heldOn: '2025-04-28',
    venue: 'Hội trường LĐLĐ tỉnh', createdBy: 'Ban Chính sách – Pháp luật',
    decisions: [
      { proposalId: 'p1', formCode: 'LDTT', formName: 'Danh hiệu "Lao động tiên tiến"', decisionNumber: '21/QĐ-LĐLĐ', decisionDate: '2025-01-15', honourees: 1 },
      { proposalId: 'p2', formCode: 'GK-LDLD', formName: 'Giấy khen của Liên đoàn Lao động tỉnh', decisionNumber: '22/QĐ-LĐLĐ', decisionDate: '2025-01-15', honourees: 1 },
    ],
    honourees: [
      honouree(1, 'Nguyễn Thị Lan', 'Danh hiệu "Lao động tiên tiến"'),
      honouree(2, 'Trần Văn Sáng', 'Giấy khen của Liên đoàn Lao động tỉnh'),
    ],
    canManage: true, version: 4, createdAt: '2025-04-28T02:00:00Z', updatedAt: '2025-04-28T02:00:00Z', ...over,
  };
}

describe('an honouring event (#13)', { timeout: 40_000 }, () => {
  it('lists its honourees with their certificates and revokes one with a reason and the event\'s ETag', async () => {
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    let current = event();
    server.use(
      http.get(ROUTE, () => HttpResponse.json(current)),
      http.post(`${ROUTE}/certificates/:certificateId/revoke`, async ({ request }) => {
        sent.push({ ifMatch: request.headers.get('If-Match'), body: await request.json() });
        current = event({ version: 5, honourees: [current.honourees[0], { ...current.honourees[1], revoked: true, revokedAt: '2025-05-01T00:00:00Z' }] });
        return HttpResponse.json(current);
      }),
    );
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    const app = renderApp(`/participation/honouring-events/${ID}`);
    const table = await screen.findByTestId('honourees', {}, { timeout: 20_000 });
    expect(within(table).getByText('Nguyễn Thị Lan')).toBeInTheDocument();
    expect(within(table).getByText('Trần Văn Sáng')).toBeInTheDocument();
    expect(screen.getByTestId('download-honour-list')).toHaveTextContent('Tải danh sách tôn vinh (.xlsx)');
    expect(screen.getByTestId('download-certificate-1')).toBeInTheDocument();
    // The certificate's public check, the address its QR code prints, opens from the event's page.
    expect(screen.getByTestId('verify-certificate-1')).toHaveAttribute('href', 'http://localhost/verify/khen-thuong/code1');
    expect(screen.getByTestId('verify-certificate-1')).toHaveAccessibleName('001/GCN-TV2025 – Kiểm tra trực tuyến: Nguyễn Thị Lan');

    await app.user.click(screen.getByTestId('revoke-certificate-2'));
    await app.user.type(await screen.findByLabelText('Lý do thu hồi'), 'Quyết định bị hủy');
    await app.user.click(screen.getByRole('button', { name: 'Xác nhận thu hồi' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ ifMatch: '"4"', body: { reason: 'Quyết định bị hủy' } });
    expect(await within(table).findByText('Đã thu hồi')).toBeInTheDocument();
    expect(screen.queryByTestId('revoke-certificate-2')).not.toBeInTheDocument();
  });

  it('edits an event to come under its ETag and deletes it after a confirm dialog; a held one offers neither', async () => {
    const puts: { ifMatch: string | null; body: unknown }[] = [];
    const deletes: (string | null)[] = [];
    let current = event({ heldOn: '2099-05-19', held: false });
    server.use(
      http.get(ROUTE, () => HttpResponse.json(current)),
      http.get('*/api/v1/participation/commendations/honourable-decisions', () => HttpResponse.json([])),
      http.put(ROUTE, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        puts.push({ ifMatch: request.headers.get('If-Match'), body });
        current = event({ ...body, held: false, version: 5 });
        return HttpResponse.json(current);
      }),
      http.delete(ROUTE, ({ request }) => {
        deletes.push(request.headers.get('If-Match'));
        return new HttpResponse(null, { status: 204 });
      }),
      http.get('*/api/v1/participation/commendations/honouring-events', () => HttpResponse.json({ items: [], page: 1, pageSize: 20, total: 0 })),
    );
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    const app = renderApp(`/participation/honouring-events/${ID}`);
    await app.user.click(await screen.findByTestId('edit-honouring-event', {}, { timeout: 20_000 }));
    const venue = await screen.findByTestId('edit-honouring-venue');
    await app.user.clear(venue);
    await app.user.type(venue, 'Nhà văn hóa lao động tỉnh');
    await app.user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ ifMatch: '"4"', body: { name: 'Lễ tôn vinh "Lao động sáng tạo" năm 2024', heldOn: '2099-05-19', venue: 'Nhà văn hóa lao động tỉnh', decisionIds: ['p1', 'p2'] } });
    expect(await screen.findByText('Nhà văn hóa lao động tỉnh')).toBeInTheDocument();

    // Deleting asks first, then sends the new version.
    await app.user.click(screen.getByTestId('delete-honouring-event'));
    expect(await screen.findByText('Xóa lễ tôn vinh này?')).toBeInTheDocument();
    expect(deletes).toHaveLength(0);
    await app.user.click(screen.getAllByRole('button', { name: 'Xóa lễ tôn vinh' }).at(-1)!);
    await waitFor(() => expect(deletes).toEqual(['"5"']));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/participation/honouring-events'));
    app.unmount();

    current = event({ held: true });
    renderApp(`/participation/honouring-events/${ID}`);
    expect(await screen.findByText(/Lễ tôn vinh đã diễn ra/, {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('edit-honouring-event')).not.toBeInTheDocument();
    expect(screen.queryByTestId('delete-honouring-event')).not.toBeInTheDocument();
  });

  it('holds an event for decisions picked from the unit\'s list, and shows the rule the server names', async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(
      http.get('*/api/v1/participation/commendations/honourable-decisions', () =>
        HttpResponse.json([
          {
            proposalId: 'p1', decisionNumber: '21/QĐ-LĐLĐ', decisionDate: '2025-01-15', year: 2024, formCode: 'LDTT', formName: 'Danh hiệu "Lao động tiên tiến"',
            proposingUnitId: 'u-vl', proposingUnitName: 'LĐLĐ huyện Văn Lâm', honourees: 1, names: 'Nguyễn Thị Lan',
          },
        ]),
      ),
      http.post('*/api/v1/participation/commendations/honouring-events', async ({ request }) => {
        bodies.push((await request.json()) as Record<string, unknown>);
        return problem(409, { code: 'decision_already_honoured', detail: 'Quyết định 21/QĐ-LĐLĐ đã được tôn vinh tại một lễ tôn vinh khác.' });
      }),
    );
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'VANLAM');
    const app = renderApp('/participation/honouring-events/new');
    const unit = await screen.findByRole('combobox', { name: 'Đơn vị tổ chức' }, { timeout: 20_000 });
    fireEvent.mouseDown(unit);
    await app.user.click(await screen.findByTitle('Liên đoàn Lao động huyện Văn Lâm (VANLAM)', {}, { timeout: 20_000 }));
    await app.user.click(await screen.findByRole('checkbox', { name: /21\/QĐ-LĐLĐ/ }));
    await app.user.type(screen.getByTestId('honouring-name'), 'Lễ tôn vinh 2024');
    await app.user.type(screen.getByTestId('honouring-venue'), 'Hội trường');
    const date = screen.getByLabelText('Ngày tổ chức');
    await app.user.click(date);
    await app.user.type(date, '28/04/2025{Tab}');
    await app.user.click(screen.getByTestId('save-honouring-event'));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ name: 'Lễ tôn vinh 2024', venue: 'Hội trường', heldOn: '2025-04-28', decisionIds: ['p1'] });
    expect(await screen.findByText('Quyết định 21/QĐ-LĐLĐ đã được tôn vinh tại một lễ tôn vinh khác.')).toBeInTheDocument();
  });
});

describe('the public check of a commendation certificate', { timeout: 40_000 }, () => {
  it('shows, without signing in, only what the certificate prints, and a revoked one as revoked', async () => {
    server.use(
      http.get('*/api/v1/participation/commendations/certificates/verify/:code', ({ params }) =>
        params.code === 'unknown'
          ? problem(404, { code: 'not_found' })
          : HttpResponse.json({
              number: '001/GCN-TV2025', holderName: 'Nguyễn Thị Lan', formName: 'Danh hiệu "Lao động tiên tiến"', decisionNumber: '21/QĐ-LĐLĐ',
              decisionDate: '2025-01-15', issuingUnitName: 'Liên đoàn Lao động tỉnh Hưng Yên', eventName: 'Lễ tôn vinh 2024', heldOn: '2025-04-28',
              status: params.code === 'revoked' ? 'Revoked' : 'Valid', revokedOn: params.code === 'revoked' ? '2025-05-01' : null,
            }),
      ),
    );
    const app = renderApp('/verify/khen-thuong/valid');
    expect(await screen.findByTestId('verify-valid', {}, { timeout: 20_000 })).toHaveTextContent('Giấy chứng nhận hợp lệ');
    expect(screen.getByText('Nguyễn Thị Lan')).toBeInTheDocument();
    expect(screen.getByText('Số 21/QĐ-LĐLĐ ngày 15/01/2025')).toBeInTheDocument();
    expect(screen.getByText('Liên đoàn Lao động tỉnh Hưng Yên')).toBeInTheDocument();
    app.unmount();
    renderApp('/verify/khen-thuong/revoked');
    expect(await screen.findByTestId('verify-revoked', {}, { timeout: 20_000 })).toHaveTextContent('Giấy chứng nhận đã bị thu hồi');
    expect(screen.getByText('Thu hồi ngày 01/05/2025')).toBeInTheDocument();
  });
});
