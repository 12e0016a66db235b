import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

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
