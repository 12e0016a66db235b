import { mockAdmin } from '@/testing/mocks/admin';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

/** An AntD modal by its title (its dialog role is hidden while it animates in jsdom). */
const modal = async (title: string) =>
  (await screen.findByText(title, { selector: '.ant-modal-title' }, { timeout: 20_000 })).closest('.ant-modal') as HTMLElement;

// AntD forms and modals in jsdom are slow on a busy two-core machine: give these flows room.
describe('integrator clients screen', { timeout: 60_000 }, () => {
  it('creates a client with scopes and shows its secret once, with a copy button', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/clients');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ứng dụng tích hợp' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByText('Hệ thống đào tạo ĐH SPKT Hưng Yên')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: /Tạo ứng dụng/ }));
    const dialog = await modal('Tạo ứng dụng tích hợp');
    await app.user.type(within(dialog).getByLabelText('Tên'), 'Kho dữ liệu tỉnh');
    const unit = within(dialog).getByLabelText('Đơn vị');
    await app.user.click(unit);
    await app.user.click(await screen.findByTitle('Liên đoàn Lao động tỉnh Hưng Yên (HY)'));
    await app.user.click(await within(dialog).findByRole('checkbox', { name: /organization\.read/ }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Tạo' }));

    const secret = await modal('Lưu lại bí mật này ngay');
    expect(within(secret).getByTestId('secret-value')).toHaveTextContent('S3cr3t-shown-once-0123456789abcdefghijklmnop');
    expect(within(secret).getAllByRole('button', { name: /Sao chép|copy/i }).length).toBeGreaterThan(0);
    const post = mockAdmin().requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/admin/clients'))!;
    expect(post.body).toMatchObject({ name: 'Kho dữ liệu tỉnh', role: 'integrator', scopes: ['organization.read'] });
    expect(post.idempotencyKey).toBeTruthy();

    await app.user.click(within(secret).getByRole('button', { name: 'Tôi đã lưu' }));
    expect(await screen.findByText('Kho dữ liệu tỉnh')).toBeInTheDocument();
  });

  it('edits a client\'s name and disables it', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/clients');
    const row = (await screen.findByText('Hệ thống đào tạo ĐH SPKT Hưng Yên', {}, { timeout: 20_000 })).closest('tr')!;
    await app.user.click(within(row).getByRole('button', { name: 'Sửa' }));
    const dialog = await modal('Sửa ứng dụng tích hợp');
    const name = within(dialog).getByLabelText('Tên');
    await app.user.clear(name);
    await app.user.type(name, 'LMS SPKT');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(mockAdmin().requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(mockAdmin().requests.find((r) => r.method === 'PUT')!.body).toMatchObject({ name: 'LMS SPKT', scopes: ['training.read', 'training.sessions.write'] });

    const edited = (await screen.findByText('LMS SPKT')).closest('tr')!;
    await app.user.click(within(edited).getByRole('button', { name: 'Tắt' }));
    // Disabling cuts the client off at once, so it asks first: the confirmation's own button is the last "Tắt".
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Tắt' }).length).toBeGreaterThan(1));
    await app.user.click(screen.getAllByRole('button', { name: 'Tắt' }).at(-1)!);
    await waitFor(() => expect(within(screen.getByText('LMS SPKT').closest('tr')!).getByText('Đã tắt')).toBeInTheDocument());
  });
});
