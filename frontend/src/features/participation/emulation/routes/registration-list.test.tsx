import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';
import type { RegistrationDetail, RegistrationListItem } from '../api/emulation';

const MOVEMENT = '00000000-0000-4000-8000-00000000e001';
const VAN_LAM = '00000000-0000-4000-8000-00000000e201';
const MY_HAO = '00000000-0000-4000-8000-00000000e202';

function item(id: string, unitName: string, clusterLed: boolean, status: RegistrationListItem['status']): RegistrationListItem {
  return {
    id, movementId: MOVEMENT, movementName: 'Lao động giỏi – Lao động sáng tạo', unitId: `${id.slice(0, -3)}a00`, unitName, year: 2025,
    registeredOn: '2025-03-10', late: false, status, total: 85, clusterLed,
  };
}

/** As Mỹ Hào's officer: Mỹ Hào's own registration, and Văn Lâm's, in the cluster Mỹ Hào leads that year. */
const ALL = [
  item(MY_HAO, 'Liên đoàn Lao động thị xã Mỹ Hào', false, 'SelfScored'),
  item(VAN_LAM, 'Liên đoàn Lao động huyện Văn Lâm', true, 'SelfScored'),
];

const detail: RegistrationDetail = {
  id: VAN_LAM, movementId: MOVEMENT, movementName: 'Lao động giỏi – Lao động sáng tạo', unitId: '00000000-0000-4000-8000-00000000a001',
  unitName: 'Liên đoàn Lao động huyện Văn Lâm', year: 2025, deadline: '2025-03-31', registeredOn: '2025-03-10', late: false, targets: 'Mục tiêu',
  aimedTitles: null, registeredBy: 'Cán bộ Văn Lâm', status: 'SelfScored', people: [],
  criteria: [{ criterionId: '00000000-0000-4000-8000-00000000c001', order: 1, name: 'Sáng kiến', maxPoints: 100, evidenceHint: 'Giấy chứng nhận', selfPoints: 85,
    selfNote: null, reviewedPoints: null, reviewComment: null, finalPoints: 85, evidence: [] }],
  total: 85, maxTotal: 100, reviewedBy: null, reviewedAt: null, closed: false, canScore: false, canReview: true,
  reviewers: [{ unitId: '00000000-0000-4000-8000-00000000a002', unitName: 'Liên đoàn Lao động thị xã Mỹ Hào', role: 'ClusterLeader' }],
  version: 2, createdAt: '2025-03-10T00:00:00Z', updatedAt: '2025-03-11T00:00:00Z',
};

describe('the registrations list as a cluster leader (#13)', { timeout: 90_000 }, () => {
  it('tags the cluster-led registration, filters to them (the request asks clusterLed=true) and opens it for review', async () => {
    const asked: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/participation/emulation/movements', () => HttpResponse.json({ items: [], page: 1, pageSize: 100, total: 0 })),
      http.get('*/api/v1/participation/emulation/registrations', ({ request }) => {
        const clusterLed = new URL(request.url).searchParams.get('clusterLed');
        asked.push(clusterLed);
        const items = ALL.filter((r) => clusterLed !== 'true' || r.clusterLed);
        return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
      }),
      http.get('*/api/v1/participation/emulation/registrations/:id', () => HttpResponse.json(detail)),
    );
    signInWithPermissions(['participation.read', 'participation.emulation.manage'], 'MYHAO');
    const { user } = renderApp('/participation/emulation/registrations');

    const vanLam = (await screen.findByText('Liên đoàn Lao động huyện Văn Lâm', {}, { timeout: 30_000 })).closest('tr')!;
    expect(within(vanLam).getByText('Cụm do đơn vị dẫn đầu')).toBeInTheDocument();
    const myHao = screen.getByText('Liên đoàn Lao động thị xã Mỹ Hào').closest('tr')!;
    expect(within(myHao).queryByText('Cụm do đơn vị dẫn đầu')).not.toBeInTheDocument();
    expect(within(myHao).queryByTestId(`review-${MY_HAO}`)).not.toBeInTheDocument();
    expect(asked).not.toContain('true');

    await user.click(screen.getByTestId('cluster-led-filter'));
    await waitFor(() => expect(asked).toContain('true'));
    await waitFor(() => expect(screen.queryByText('Liên đoàn Lao động thị xã Mỹ Hào')).not.toBeInTheDocument());

    await user.click(screen.getByTestId(`review-${VAN_LAM}`));
    expect(await screen.findByTestId('save-review', {}, { timeout: 30_000 })).toBeInTheDocument();
    expect(screen.getByTestId('registration-reviewers')).toHaveTextContent('Liên đoàn Lao động thị xã Mỹ Hào (cụm trưởng)');
  });

  it('shows no cluster filter to a user who does not manage emulation', async () => {
    server.use(
      http.get('*/api/v1/participation/emulation/movements', () => HttpResponse.json({ items: [], page: 1, pageSize: 100, total: 0 })),
      http.get('*/api/v1/participation/emulation/registrations', () => HttpResponse.json({ items: [ALL[0]], page: 1, pageSize: 20, total: 1 })),
    );
    signInWithPermissions(['participation.read', 'participation.emulation.register'], 'MYHAO');
    renderApp('/participation/emulation/registrations');
    expect(await screen.findByText('Liên đoàn Lao động thị xã Mỹ Hào', {}, { timeout: 30_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('cluster-led-filter')).not.toBeInTheDocument();
  });
});
