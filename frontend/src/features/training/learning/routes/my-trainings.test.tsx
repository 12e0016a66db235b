import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

describe('my trainings', { timeout: 40_000 }, () => {
  it('lists the courses the signed-in person was nominated to, with dates, partner and result', async () => {
    signInWithPermissions(['training.read'], 'VANLAM');
    renderApp('/training/my');
    const list = await screen.findByTestId('my-trainings', {}, { timeout: 20_000 });
    expect(screen.getByRole('heading', { name: 'Khóa học của tôi' })).toBeInTheDocument();
    expect(within(list).getByText('KHCN-2026-03 – Kỹ năng đổi mới sáng tạo')).toBeInTheDocument();
    expect(within(list).getByText(/02\/03\/2026 – 20\/03\/2026/)).toBeInTheDocument();
    expect(within(list).getByTestId('my-result-00000000-0000-4000-8000-000000007402')).toHaveTextContent('Hoàn thành');
    expect(within(list).getByTestId('my-result-00000000-0000-4000-8000-000000007401')).toHaveTextContent('Đang học');
    expect(within(list).getByText(/Sở Khoa học và Công nghệ Hưng Yên/)).toBeInTheDocument();
  });
});
