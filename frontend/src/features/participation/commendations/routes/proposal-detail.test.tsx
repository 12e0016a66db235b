import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009301';
const ROUTE = `*/api/v1/participation/commendations/proposals/${ID}`;

/** A CSTĐ cơ sở proposal whose nominee lacks Lao động tiên tiến (the rule of art. 23 as encoded on the server). */
function proposal(over: Record<string, unknown> = {}) {
  return {
    id: ID, unitId: 'u1', unitName: 'LĐLĐ huyện Văn Lâm', year: 2025, formCode: 'CSTDCS', formName: 'Chiến sĩ thi đua cơ sở',
    achievements: 'Cứu máy dệt trong vụ cháy', status: 'Draft', statusName: 'Nháp', proposedBy: 'Cán bộ Văn Lâm', submittedAt: null,
    ruleSetCode: null, decisionNumber: null, decisionDate: null, issuer: null, refusalReason: null, exceptionRequest: null,
    overrideReason: null, overriddenBy: null, decidedBy: null, decidedAt: null, prizeTotal: 0, prizeBasis: '1,0 × mức lương cơ sở',
    nominees: [{ id: 'n1', order: 1, kind: 'Person', officialId: 'o1', unitId: null, name: 'Nguyễn Văn A', initiativeId: null, initiativeTitle: null, prize: null, checks: [] }],
    canEdit: true, canDecide: false, version: 3, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
    ...over,
  };
}

const FAILED_CHECK = { code: 'holds_advanced_worker', name: 'Đạt Lao động tiên tiến', legalBasis: 'Luật 06/2022/QH15 Điều 23', passed: false, detail: 'Chưa có' };

describe('a commendation proposal whose nominee fails a rule (#13)', { timeout: 40_000 }, () => {
  afterEach(() => server.events.removeAllListeners());

  it('is blocked on submit, then goes up with the unit\'s request for an exception', async () => {
    const bodies: unknown[] = [];
    let current = proposal();
    server.use(
      http.get(ROUTE, () => HttpResponse.json(current)),
      http.post(`${ROUTE}/submit`, async ({ request }) => {
        const body = (await request.json()) as { exceptionRequest: string | null };
        bodies.push(body);
        if (!body.exceptionRequest)
          return problem(409, { code: 'commendation_ineligible', detail: 'Có người được đề nghị chưa đạt tiêu chuẩn của hình thức khen thưởng.' });
        current = proposal({ status: 'Submitted', canEdit: false, exceptionRequest: body.exceptionRequest, version: 4 });
        return HttpResponse.json(current);
      }),
    );
    signInWithPermissions(['participation.read', 'participation.commendations.propose'], 'VANLAM');
    const app = renderApp(`/participation/commendations/${ID}`);
    await app.user.click(await screen.findByTestId('submit-proposal', {}, { timeout: 20_000 }));
    const ask = await screen.findByTestId('exception-request');
    const send = within(ask).getByRole('button', { name: 'Trình kèm đề nghị xét ngoại lệ' });
    expect(send).toBeDisabled();
    await app.user.type(within(ask).getByLabelText('Lý do đề nghị xét ngoại lệ'), 'Thành tích đột xuất');
    await app.user.click(send);
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ exceptionRequest: 'Thành tích đột xuất' });
    expect(await screen.findByText('Thành tích đột xuất')).toBeInTheDocument();
    expect(screen.getByText('Đơn vị đề nghị xét ngoại lệ')).toBeInTheDocument();
  });

  it('asks the decider for the reason of the exception before approving, and sends it', async () => {
    const bodies: Record<string, unknown>[] = [];
    let current: Record<string, unknown>;
    const submitted = proposal({
      status: 'Submitted', canEdit: false, canDecide: true, exceptionRequest: 'Thành tích đột xuất',
      nominees: [{ ...proposal().nominees[0], checks: [FAILED_CHECK] }],
    });
    server.use(
      http.get(ROUTE, () => HttpResponse.json(current)),
      http.post(`${ROUTE}/approve`, async ({ request }) => {
        bodies.push((await request.json()) as Record<string, unknown>);
        current = { ...submitted, status: 'Approved', canDecide: false, decisionNumber: '12/QĐ-LĐLĐ', overrideReason: 'Hội đồng thống nhất', overriddenBy: 'Ban Chính sách' };
        return HttpResponse.json(current);
      }),
    );
    current = submitted;
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    const app = renderApp(`/participation/commendations/${ID}`);
    const reason = await screen.findByTestId('override-reason', {}, { timeout: 20_000 });
    expect(screen.getByText(/Chỉ quyết định khen thưởng được khi ghi rõ lý do xét ngoại lệ/)).toBeInTheDocument();
    await app.user.type(screen.getByTestId('decision-number'), '12/QĐ-LĐLĐ');
    await app.user.click(screen.getByTestId('decision-date'));
    await app.user.keyboard('05/12/2026{Enter}');
    // Without the reason the form does not go out.
    await app.user.click(screen.getByTestId('approve-proposal'));
    expect(await screen.findByText('Vui lòng nhập lý do quyết định xét ngoại lệ.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
    await app.user.type(reason, 'Hội đồng thống nhất');
    await app.user.click(screen.getByTestId('approve-proposal'));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ decisionNumber: '12/QĐ-LĐLĐ', overrideReason: 'Hội đồng thống nhất' });
    expect(await screen.findByText(/Hội đồng thống nhất · Ban Chính sách/)).toBeInTheDocument();
  });

  it('shows the emulation council\'s vote on the proposal page, and sends the decider to a council while none has passed it', async () => {
    const vote = {
      councilId: 'c1', councilName: 'Hội đồng TĐKT tỉnh 2025', status: 'Closed', outcome: 'NotRecognised', members: 4, votes: 4, agree: 2, needed: 3,
      shareName: 'quá bán tổng số thành viên Hội đồng', basis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 90', decisionNumber: '03/BB-HĐTĐKT',
      decisionDate: '2026-12-02', passed: false,
    };
    server.use(http.get(ROUTE, () => HttpResponse.json(proposal({ status: 'Submitted', canEdit: false, canDecide: true, councilVote: vote }))));
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    renderApp(`/participation/commendations/${ID}`);
    const card = await screen.findByTestId('council-vote', {}, { timeout: 20_000 });
    expect(within(card).getByText('Biểu quyết không đạt')).toBeInTheDocument();
    expect(within(card).getByTestId('council-vote-tally')).toHaveTextContent('2/4 thành viên đồng ý (cần ít nhất 3)');
    expect(within(card).getByText(/06\/2022\/QH15, Điều 90/)).toBeInTheDocument();
    expect(within(card).getByTestId('form-commendation-council').closest('a')).toHaveAttribute('href', `/participation/councils/new?itemId=${ID}&kind=Commendation`);
  });
});
