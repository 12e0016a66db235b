import { renderApp, screen, signInAs, signInWithPermissions, waitForShell, within } from '@/testing/test-utils';

const nav = () => within(screen.getByRole('navigation', { name: 'Điều hướng chính' }));

describe('navigation by permission', () => {
  it('shows only the modules the user holds a permission for', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    renderApp('/');
    await waitForShell();
    expect(nav().getByRole('link', { name: 'Trang chủ' })).toBeInTheDocument();
    expect(nav().getByRole('link', { name: 'Tổ chức & Chính sách' })).toBeInTheDocument();
    expect(nav().queryByRole('link', { name: 'Nâng cao nhận thức & Đào tạo' })).not.toBeInTheDocument();
    expect(nav().queryByRole('link', { name: 'Phong trào & Thi đua' })).not.toBeInTheDocument();
    expect(nav().queryByRole('link', { name: 'Tài chính & Kinh phí' })).not.toBeInTheDocument();
    // The home dashboard offers the same modules.
    expect(await screen.findByTestId('home-organization')).toBeInTheDocument();
    expect(screen.queryByTestId('home-training')).not.toBeInTheDocument();
    expect(screen.queryByTestId('home-finance')).not.toBeInTheDocument();
  });

  it('shows all four modules to a user who holds all their permissions', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/');
    await waitForShell();
    for (const name of ['Nâng cao nhận thức & Đào tạo', 'Tổ chức & Chính sách', 'Phong trào & Thi đua', 'Tài chính & Kinh phí']) {
      expect(nav().getByRole('link', { name })).toBeInTheDocument();
    }
  });

  it('promises on the home cards only what the modules offer', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/');
    await waitForShell();
    const card = (key: string) => screen.getByTestId(`home-${key}`).closest('.ant-card')!;
    await screen.findByTestId('home-organization');
    const organization = card('organization');
    expect(organization).toHaveTextContent('báo cáo năm');
    expect(organization).not.toHaveTextContent('đề tài nghiên cứu');
    const participation = card('participation');
    for (const offered of ['Đề tài nghiên cứu', 'sáng kiến', 'phong trào thi đua', 'khen thưởng']) {
      expect(participation).toHaveTextContent(offered);
    }
  });

  it('refuses a module page opened by URL without its permission', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    renderApp('/finance');
    expect(await screen.findByText('Không có quyền truy cập', {}, { timeout: 20_000 })).toBeInTheDocument();
  });

  it('shows the user name with role and unit', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp('/');
    await waitForShell();
    const userButton = screen.getByTestId('user-menu');
    expect(userButton).toHaveTextContent('Trần Thị Văn Lâm');
    expect(userButton).toHaveTextContent('Cán bộ đơn vị · Liên đoàn Lao động huyện Văn Lâm');
  });

  it('keeps the chosen unit scope in the module links', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/?unit=abc');
    await waitForShell();
    expect(nav().getByRole('link', { name: 'Tổ chức & Chính sách' })).toHaveAttribute('href', '/organization?unit=abc');
  });
});
