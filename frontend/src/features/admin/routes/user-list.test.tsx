import { mockAdmin } from '@/testing/mocks/admin';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

/** An AntD modal by its title (its dialog role is hidden while it animates in jsdom). */
const modal = async (title: string) =>
  (await screen.findByText(title, { selector: '.ant-modal-title' }, { timeout: 20_000 })).closest('.ant-modal') as HTMLElement;

describe('users screen', { timeout: 60_000 }, () => {
  it('lists users with their role per unit and disables one after confirming', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Người dùng' }, { timeout: 20_000 })).toBeInTheDocument();
    const table = await screen.findByTestId('user-table');
    const row = (await within(table).findAllByText(/Quản trị hệ thống · /))[0]!.closest('tr')!;
    await app.user.click(within(row).getByRole('button', { name: 'Tắt' }));
    // The confirmation's own button is the last "Tắt" on the page.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Tắt' }).length).toBeGreaterThan(1));
    await app.user.click(screen.getAllByRole('button', { name: 'Tắt' }).at(-1)!);
    await waitFor(() => expect(mockAdmin().requests.some((r) => r.url.endsWith('/disable'))).toBe(true));
  });

  it('creates a user with a role over a unit picked in the tree', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/users');
    await screen.findByTestId('user-table', {}, { timeout: 20_000 });
    await app.user.click(screen.getByRole('button', { name: /Tạo người dùng/ }));
    const dialog = await modal('Tạo người dùng');
    await app.user.type(within(dialog).getByLabelText('Họ và tên'), 'Nguyễn Văn Mới');
    await app.user.type(within(dialog).getByLabelText('E-mail'), 'moi@hungyen.demo');
    await app.user.type(within(dialog).getByLabelText('Mật khẩu ban đầu'), 'Mat-khau-2025!');
    await app.user.click(within(dialog).getByLabelText('Đơn vị'));
    await app.user.click(await screen.findByTitle('Liên đoàn Lao động tỉnh Hưng Yên (HY)'));
    await app.user.click(within(dialog).getByRole('button', { name: 'Tạo' }));
    await waitFor(() => expect(mockAdmin().requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/admin/users'))).toBe(true));
    const post = mockAdmin().requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/admin/users'))!;
    expect(post.body).toMatchObject({ email: 'moi@hungyen.demo', fullName: 'Nguyễn Văn Mới', grants: [{ role: 'unit-officer' }] });
  });

  it('resets a forgotten password after confirming and shows the temporary one once', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/users');
    const table = await screen.findByTestId('user-table', {}, { timeout: 20_000 });
    const row = (await within(table).findByText('canbo.vanlam@hungyen.demo', { exact: false })).closest('tr')!;
    await app.user.click(within(row).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(await screen.findByText(/Mật khẩu cũ và các phiên đăng nhập của họ hết hiệu lực ngay/)).toBeInTheDocument();
    expect(mockAdmin().requests.some((r) => r.url.endsWith('/reset-password'))).toBe(false);
    await app.user.click(screen.getAllByRole('button', { name: 'Đặt lại mật khẩu' }).at(-1)!);
    const dialog = await modal('Mật khẩu tạm thời của canbo.vanlam@hungyen.demo');
    expect(within(dialog).getByText('Ba3c-De4f-Gh5k')).toBeInTheDocument();
    expect(within(dialog).getByText(/chỉ hiển thị một lần/)).toBeInTheDocument();
  });
});
