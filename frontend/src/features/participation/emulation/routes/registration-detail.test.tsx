import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions } from '@/testing/test-utils';
import type { RegistrationDetail } from '../api/emulation';

const ID = '00000000-0000-4000-8000-00000000e101';

/** Văn Lâm's self-scored registration as Mỹ Hào (its cluster's leader) reads it: both reviewers named, the review form open. */
const registration: RegistrationDetail = {
  id: ID, movementId: '00000000-0000-4000-8000-00000000e001', movementName: 'Lao động giỏi – Lao động sáng tạo',
  unitId: '00000000-0000-4000-8000-00000000a001', unitName: 'Liên đoàn Lao động huyện Văn Lâm', year: 2025, deadline: '2025-03-31',
  registeredOn: '2025-03-01', late: false, targets: 'Mục tiêu', aimedTitles: null, registeredBy: 'Cán bộ Văn Lâm', status: 'SelfScored', people: [],
  criteria: [{ criterionId: '00000000-0000-4000-8000-00000000c001', order: 1, name: 'Sáng kiến', maxPoints: 50, evidenceHint: 'Giấy chứng nhận', selfPoints: 45,
    selfNote: null, reviewedPoints: null, reviewComment: null, finalPoints: 45, evidence: [] }],
  total: 45, maxTotal: 50, reviewedBy: null, reviewedAt: null, closed: false, canScore: false, canReview: true,
  reviewers: [
    { unitId: '00000000-0000-4000-8000-00000000a000', unitName: 'Liên đoàn Lao động tỉnh Hưng Yên', role: 'UpperUnit' },
    { unitId: '00000000-0000-4000-8000-00000000a002', unitName: 'Liên đoàn Lao động thị xã Mỹ Hào', role: 'ClusterLeader' },
  ],
  version: 3, createdAt: '2025-03-01T00:00:00Z', updatedAt: '2025-03-02T00:00:00Z',
};

describe('registration detail', () => {
  it('names who may review: the upper unit and the cluster leader', async () => {
    server.use(http.get('*/api/v1/participation/emulation/registrations/:id', () => HttpResponse.json(registration)));
    signInWithPermissions(['participation.read', 'participation.emulation.manage'], 'MYHAO');
    renderApp(`/participation/emulation/registrations/${ID}`);
    const reviewers = await screen.findByTestId('registration-reviewers', {}, { timeout: 20_000 });
    expect(reviewers).toHaveTextContent('Liên đoàn Lao động tỉnh Hưng Yên (cấp trên); Liên đoàn Lao động thị xã Mỹ Hào (cụm trưởng)');
    expect(screen.getByText('Thẩm định (cấp trên hoặc cụm trưởng)')).toBeInTheDocument();
    expect(screen.getByTestId('save-review')).toBeInTheDocument();
  }, 60_000);
});
