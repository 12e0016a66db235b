import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009401';
const TWIN = '00000000-0000-4000-8000-000000009402';

function initiative(over: Record<string, unknown> = {}) {
  return {
    id: ID, unitId: 'u1', unitName: 'CĐCS Dệt may Lạc Hồng', title: 'Cải tiến bộ ngắt máy dệt khi đứt sợi', field: 'Dệt may', kind: 'Technical',
    problem: 'Máy dệt dừng', currentState: 'Nối tay', solution: 'Cảm biến', appliedAt: 'Phân xưởng 2', appliedSince: '2025-06-01', trialApplication: false,
    yearlyBenefit: 100000000, socialBenefit: null, firstApplicationParticipants: null, noveltyDeclared: true,
    authors: [{ fullName: 'Đặng Thị Đoàn viên', email: null, position: null, sharePercent: 100 }],
    status: 'Submitted', allowedMoves: [], filedBy: 'Đặng Thị Đoàn viên', submittedAt: '2026-12-01T02:00:00Z', certificateNumber: null,
    decisionDate: null, refusalReasons: null, decidedBy: null, withdrawalReason: null, conditions: [],
    remuneration: {
      recorded: false, years: [], authorsTotal: 0, organisersTotal: 0,
      rules: { code: 'ND13-2012', effectiveFrom: '2012-04-01', authorRate: 0.07, organiserRate: 0.3, years: 3, legalBasis: 'Nghị định 13/2012/NĐ-CP Điều 10' },
    },
    attachments: [],
    canEdit: false, canFile: false, canDecide: true, version: 2, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', council: null,
    ...over,
  };
}

describe('the duplicate check on an application (#12)', { timeout: 40_000 }, () => {
  it('shows the reviewer the unit\'s look-alikes with why, each opening its application', async () => {
    server.use(
      http.get(`*/api/v1/participation/initiatives/${ID}`, () => HttpResponse.json(initiative())),
      http.get(`*/api/v1/participation/initiatives/${ID}/similar`, () =>
        HttpResponse.json([
          { id: TWIN, title: 'CAI TIEN BO NGAT MAY DET KHI DUT SOI', status: 'Recognised', certificateNumber: 'SK-2025-07', submittedAt: '2025-03-01T02:00:00Z', reason: 'SameTitle', similarityPercent: 100 },
        ]),
      ),
    );
    signInWithPermissions(['participation.read', 'participation.initiatives.read', 'participation.initiatives.recognise'], 'VANLAM');
    renderApp(`/participation/initiatives/${ID}`);
    const card = await screen.findByTestId('similar-applications', {}, { timeout: 20_000 });
    expect(within(card).getByText(/Có 1 hồ sơ trong đơn vị trùng tên hoặc gần giống/)).toBeInTheDocument();
    const twin = within(card).getByTestId(`similar-${TWIN}`);
    expect(twin).toHaveTextContent('Trùng tên');
    expect(twin).toHaveTextContent('Giấy chứng nhận số SK-2025-07');
    expect(within(twin).getByRole('link', { name: 'CAI TIEN BO NGAT MAY DET KHI DUT SOI' })).toHaveAttribute('href', `/participation/initiatives/${TWIN}`);
  });

  it('shows nothing to the filer (the server refuses them)', async () => {
    let asked = 0;
    server.use(
      http.get(`*/api/v1/participation/initiatives/${ID}`, () => HttpResponse.json(initiative({ canDecide: false, canFile: true }))),
      http.get(`*/api/v1/participation/initiatives/${ID}/similar`, () => {
        asked++;
        return problem(403);
      }),
    );
    signInWithPermissions(['participation.read', 'participation.initiatives.submit'], 'VANLAM');
    renderApp(`/participation/initiatives/${ID}`);
    expect(await screen.findByTestId('initiative-detail', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('similar-applications')).not.toBeInTheDocument();
    expect(asked).toBe(0);
  });
});
