import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009401';
const OWN = '00000000-0000-4000-8000-000000009402';
const OTHER = '00000000-0000-4000-8000-000000009403';
const ROUTE = `*/api/v1/participation/councils/${ID}`;

function item(itemId: string, title: string, over: Record<string, unknown> = {}) {
  return {
    itemId, kind: 'Commendation', title, initiative: null, topic: null, outcome: 'Pending', members: 5, votes: 0, agree: null, needed: 3, quorum: 4,
    votedMemberIds: [], conflicts: [], canScore: true, exclusion: null, myScore: null, scoresVisible: false, scores: null, averageScore: null, rating: null,
    proposal: {
      unitName: 'LĐLĐ huyện Văn Lâm', formCode: 'GK-LDLD', formName: 'Giấy khen của Liên đoàn Lao động tỉnh', year: 2025, nominees: title,
      achievements: 'Hoàn thành xuất sắc nhiệm vụ', exceptionRequest: null, shareName: 'quá bán tổng số thành viên Hội đồng',
      basis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 90',
    },
    ...over,
  };
}

/** The province's emulation council with two proposals; the caller sits on it and is the nominee of the first. */
function council(items: unknown[]) {
  return {
    id: ID, unitId: 'u-hy', unitName: 'LĐLĐ tỉnh Hưng Yên', name: 'Hội đồng Thi đua – Khen thưởng năm 2025', itemKind: 'Commendation', status: 'Open',
    unitHeadName: null, formedBy: 'Ban Chính sách', formedAt: '2026-12-01T00:00:00Z', closedBy: null, closedAt: null, decisionNumber: null, decisionDate: null,
    members: [{ id: 'm1', officialId: 'o1', fullName: 'Người Dùng Thử', email: 'x@test', position: null, role: 'Expert', isMe: true }],
    items, myRole: 'Expert', canClose: false, canManage: false, agreementNeeded: 3, decisionBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 90',
    topicJudging: null, version: 2, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
  };
}

describe('a member of the emulation council votes on commendation proposals (#13)', { timeout: 40_000 }, () => {
  afterEach(() => server.events.removeAllListeners());

  it('votes agree or disagree once per proposal, is kept off their own proposal, and sees the others\' votes after voting', async () => {
    const bodies: { itemId: string; body: unknown }[] = [];
    let current = council([
      item(OWN, 'Người Dùng Thử', { canScore: false, exclusion: 'nominee' }),
      item(OTHER, 'Nguyễn Văn B'),
    ]);
    server.use(
      http.get(ROUTE, () => HttpResponse.json(current)),
      http.put(`${ROUTE}/items/:itemId/vote`, async ({ request, params }) => {
        const body = await request.json();
        bodies.push({ itemId: params.itemId as string, body });
        if (params.itemId === OWN) return problem(409, { code: 'coi_nominee_member', detail: 'Người được đề nghị không biểu quyết đề nghị của chính mình.' });
        const mine = { memberId: 'm1', memberName: 'Người Dùng Thử', role: 'Expert', agree: false, comment: 'Chưa tiêu biểu', submittedAt: '2026-12-02T00:00:00Z', findings: [], weighted: null };
        current = council([
          item(OWN, 'Người Dùng Thử', { canScore: false, exclusion: 'nominee' }),
          item(OTHER, 'Nguyễn Văn B', {
            canScore: false, votes: 2, agree: 1, myScore: mine, scoresVisible: true,
            scores: [mine, { ...mine, memberId: 'm2', memberName: 'Trần Thị C', role: 'Chair', agree: true, comment: null }],
          }),
        ]);
        return HttpResponse.json(current);
      }),
    );
    signInWithPermissions(['participation.read'], 'HY');
    const app = renderApp(`/participation/councils/${ID}`);

    // The nominee's own proposal: no vote form, the reason instead.
    const own = await screen.findByTestId(`council-item-${OWN}`, {}, { timeout: 20_000 });
    expect(within(own).queryByTestId('vote-form')).not.toBeInTheDocument();
    expect(within(own).getByText(/hãy khai báo xung đột lợi ích/)).toBeInTheDocument();
    expect(within(own).getByText(/quá bán tổng số thành viên Hội đồng/)).toBeInTheDocument();

    // The other proposal: choose, confirm, and the vote goes out once.
    const other = screen.getByTestId(`council-item-${OTHER}`);
    const form = within(other).getByTestId('vote-form');
    expect(within(form).getByText(/ít nhất 3\/5 thành viên đồng ý/)).toBeInTheDocument();
    await app.user.click(within(form).getByTestId('vote-submit'));
    await app.user.click(await screen.findByTestId('vote-confirm'));
    // Without a choice nothing is sent.
    await waitFor(() => expect(form.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(bodies).toHaveLength(0);
    await app.user.click(within(form).getByLabelText('Không đồng ý'));
    await app.user.type(within(form).getByLabelText('Nhận xét'), 'Chưa tiêu biểu');
    await app.user.click(within(form).getByTestId('vote-submit'));
    const confirms = await screen.findAllByTestId('vote-confirm');
    await app.user.click(confirms.at(-1)!);
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ itemId: OTHER, body: { agree: false, comment: 'Chưa tiêu biểu' } });

    // After voting: the form is gone and every vote shows.
    const votes = await within(screen.getByTestId(`council-item-${OTHER}`)).findByTestId('council-votes');
    expect(within(votes).getByText('Trần Thị C')).toBeInTheDocument();
    expect(within(votes).getByText('Đồng ý')).toBeInTheDocument();
    expect(within(screen.getByTestId(`council-item-${OTHER}`)).queryByTestId('vote-form')).not.toBeInTheDocument();
  });
});
