import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { addCourseUsers, PARTNER_STAFF } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

// What a member (đoàn viên) holds: the hierarchy, courses, the innovation module, applying for recognition.
const MEMBER = ['organization.units.read', 'training.read', 'participation.read', 'participation.initiatives.submit'];

describe('a member’s home and the unit records (#16: a member sees their own records and the public ones only)', () => {
  it('shows the member their own work instead of the plan dashboard', async () => {
    signInWithPermissions(MEMBER, 'VANLAM');
    renderApp('/');
    const mine = await screen.findByTestId('home-mine');
    expect(within(mine).getByRole('link', { name: 'Khóa học của tôi' })).toHaveAttribute('href', '/training/my');
    expect(within(mine).getByRole('link', { name: 'Sáng kiến của tôi' })).toHaveAttribute('href', '/participation/my-initiatives');
    expect(within(mine).getByRole('link', { name: 'Khen thưởng của tôi' })).toHaveAttribute('href', '/participation/my-commendations');
    expect(screen.queryByTestId('dashboard-unit')).not.toBeInTheDocument();
  });

  it('shows the member their trainings with the next session, their initiatives with their status and their commendations with the certificate (#15)', async () => {
    const downloaded: string[] = [];
    server.use(
      http.get('*/api/v1/training/me/enrolments', () =>
        HttpResponse.json([
          { enrolmentId: 'e-1', courseId: 'c-1', courseCode: 'KHCN-2026-03', courseTitle: 'Kỹ năng đổi mới sáng tạo', subject: 'InnovationSkills',
            partnerName: 'Trường ĐH SPKT Hưng Yên', courseStatus: 'Running', startsAt: '2026-03-02T01:00:00Z', endsAt: '2026-03-20T09:00:00Z', venue: null,
            status: 'Enrolled', waitlistPosition: null, result: 'Pending', nominatedAt: '2026-02-01T00:00:00Z', nextSessionAt: '2026-03-12T01:00:00Z',
            nextSessionTopic: 'Thực hành: dự án cải tiến' },
        ]),
      ),
      http.get('*/api/v1/participation/initiatives', ({ request }) => {
        expect(new URL(request.url).searchParams.get('mine')).toBe('true');
        return HttpResponse.json({
          items: [{ id: 'i-1', title: 'Cải tiến khuôn dập tiết kiệm phôi', unitId: 'u', unitName: 'CĐCS Dệt may Lạc Hồng', kind: 'Technical', field: 'Cơ khí',
            status: 'UnderReview', authors: 'Nguyễn Văn An', yearlyBenefit: 120000000, appliedSince: '2025-01-01', certificateNumber: null, decisionDate: null,
            createdAt: '2025-02-01T00:00:00Z' }],
          page: 1, pageSize: 5, total: 1,
        });
      }),
      http.get('*/api/v1/participation/commendations/mine', () =>
        HttpResponse.json({
          items: [
            { proposalId: 'p-1', nomineeId: 'n-1', kind: 'Person', officialId: null, unitId: null, name: 'Nguyễn Văn An', year: 2025, formCode: 'BK-LDLD-TINH',
              formName: 'Bằng khen của Liên đoàn Lao động tỉnh', isTitle: false, decisionNumber: '123/QĐ-LĐLĐ', decisionDate: '2025-05-01', issuer: 'Chủ tịch',
              decidingUnitName: 'Liên đoàn Lao động tỉnh Hưng Yên', prize: 1_170_000, honourCertificateId: 'cert-1' },
            { proposalId: 'p-2', nomineeId: 'n-2', kind: 'Person', officialId: null, unitId: null, name: 'Nguyễn Văn An', year: 2024, formCode: 'GK-LDLD-HUYEN',
              formName: 'Giấy khen của Liên đoàn Lao động huyện', isTitle: false, decisionNumber: '45/QĐ-LĐLĐ', decisionDate: '2024-05-01', issuer: 'Chủ tịch',
              decidingUnitName: 'Liên đoàn Lao động huyện Văn Lâm', prize: 500_000, honourCertificateId: null },
          ],
          page: 1, pageSize: 5, total: 2,
        }),
      ),
      http.get('*/api/v1/participation/commendations/certificates/:id/pdf', ({ params }) => {
        downloaded.push(String(params.id));
        return new HttpResponse(new Blob(['%PDF']), {
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="chung-nhan-ton-vinh-01.pdf"' },
        });
      }),
    );
    signInWithPermissions(MEMBER, 'VANLAM');
    const app = renderApp('/');

    const trainings = await screen.findByTestId('card-myTrainings', {}, { timeout: 20_000 });
    expect(await within(trainings).findByText(/KHCN-2026-03 – Kỹ năng đổi mới sáng tạo/)).toBeInTheDocument();
    expect(trainings).toHaveTextContent('Buổi tới: 12/03/2026 08:00 · Thực hành: dự án cải tiến');
    const initiatives = screen.getByTestId('card-myInitiatives');
    expect(await within(initiatives).findByRole('link', { name: 'Cải tiến khuôn dập tiết kiệm phôi' })).toHaveAttribute('href', '/participation/initiatives/i-1');
    expect(initiatives).toHaveTextContent('Đang được Hội đồng xét');
    const commendations = screen.getByTestId('card-myCommendations');
    await within(commendations).findByText('Bằng khen của Liên đoàn Lao động tỉnh');
    expect(commendations).toHaveTextContent('QĐ số 123/QĐ-LĐLĐ ngày 01/05/2025 · Liên đoàn Lao động tỉnh Hưng Yên');
    // Only the commendation honoured at an event has a certificate to download.
    const buttons = within(commendations).getAllByRole('button', { name: 'Tải giấy chứng nhận (PDF)' });
    expect(buttons).toHaveLength(1);
    await app.user.click(buttons[0]!);
    await waitFor(() => expect(downloaded).toEqual(['cert-1']));
  }, 40_000);

  it('shows a partner its courses, those awaiting its answer first (#15)', async () => {
    server.use(
      http.get('*/api/v1/training/courses', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status');
        const course = (id: string, code: string, title: string, s: string) => ({
          id, code, title, subject: 'InnovationSkills', status: s, partnerId: 'pa', partnerName: 'Trường ĐH SPKT Hưng Yên', requestingUnitId: 'hy',
          capacity: 20, enrolled: 0, waitlisted: 0, enrolmentOpensOn: '2026-12-01', enrolmentClosesOn: '2026-12-20', firstSessionAt: null, lastSessionAt: null, sessionCount: 0,
        });
        const proposed = course('c-1', 'SPKT-SK-01', 'Kỹ năng viết và đánh giá sáng kiến', 'Proposed');
        const open = course('c-3', 'SPKT-DMST-03', 'Đổi mới sáng tạo và chuyển đổi số', 'OpenForNomination');
        const items = status === 'Proposed' ? [proposed] : [open, proposed];
        return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
      }),
    );
    signInWithPermissions(['training.read', 'training.partner.work'], 'HY');
    renderApp('/');

    const awaiting = await screen.findByTestId('partner-awaiting', {}, { timeout: 20_000 });
    expect(within(awaiting).getByRole('link', { name: 'SPKT-SK-01 – Kỹ năng viết và đánh giá sáng kiến' })).toHaveAttribute('href', '/training/courses/c-1');
    expect(screen.getByTestId('partner-home')).toHaveTextContent('Chờ đơn vị trả lời (1)');
    const others = screen.getByTestId('partner-others');
    expect(within(others).getAllByRole('link')).toHaveLength(1);
    expect(others).toHaveTextContent('Đang mở cử học viên');
    expect(screen.queryByTestId('home-mine')).not.toBeInTheDocument();
  }, 30_000);

  it('speaks to a partner agency of its courses, not of a unit scope, and names the federation as the one it works with (#16)', async () => {
    addCourseUsers();
    signInAs(PARTNER_STAFF);
    renderApp('/');
    await screen.findByTestId('partner-home', {}, { timeout: 20_000 });
    expect(screen.getByText(/Xác nhận các khóa học được đề xuất với cơ quan của bạn/)).toBeInTheDocument();
    expect(screen.queryByText(/Phạm vi đơn vị đang chọn/)).not.toBeInTheDocument();
    const roles = screen.getByRole('heading', { name: 'Vai trò của bạn' }).parentElement!;
    expect(roles).toHaveTextContent('Cơ quan đối tác phối hợp với');
    expect(roles).not.toHaveTextContent('Cơ quan đối tác ·');
  }, 30_000);

  it('offers the member the units and the policy register only, and refuses the plans by address', async () => {
    signInWithPermissions(MEMBER, 'VANLAM');
    renderApp('/organization/policies');
    await screen.findByTestId('section-policies', {}, { timeout: 20_000 });
    expect(screen.getByTestId('section-units')).toBeInTheDocument();
    for (const hidden of ['officials', 'focalOfficials', 'enterprises', 'plans', 'reports'])
      expect(screen.queryByTestId(`section-${hidden}`)).not.toBeInTheDocument();
  });

  it('refuses a member the plans by address', async () => {
    signInWithPermissions(MEMBER, 'VANLAM');
    renderApp('/organization/plans');
    expect(await screen.findByText('Không có quyền truy cập', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});
