import { mockAdmin } from '@/testing/mocks/admin';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

/** An AntD modal by its title (its dialog role is hidden while it animates in jsdom). */
const modal = async (title: string) =>
  (await screen.findByText(title, { selector: '.ant-modal-title' }, { timeout: 20_000 })).closest('.ant-modal') as HTMLElement;

describe('webhooks screen', { timeout: 60_000 }, () => {
  it('subscribes a receiver to events and shows the whsec_ secret once', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/webhooks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook' }, { timeout: 20_000 })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: /Thêm đăng ký/ }));
    const dialog = await modal('Đăng ký webhook');
    await app.user.click(within(dialog).getByLabelText('Ứng dụng'));
    await app.user.click(await screen.findByTitle('Hệ thống đào tạo ĐH SPKT Hưng Yên'));
    await app.user.type(within(dialog).getByLabelText('URL máy nhận (HTTPS)'), 'https://kho.example.vn/hooks');
    await app.user.click(await within(dialog).findByRole('checkbox', { name: /certificate\.issued/ }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Tạo' }));

    const secret = await modal('Lưu lại bí mật này ngay');
    expect(within(secret).getByTestId('secret-value')).toHaveTextContent(/^whsec_/);
    const post = mockAdmin().requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/admin/webhooks'))!;
    expect(post.body).toMatchObject({ url: 'https://kho.example.vn/hooks', eventTypes: ['certificate.issued'] });
    expect(post.idempotencyKey).toBeTruthy();
  });

  it('shows the delivery log with statuses, redelivers a failed one and sends a test event', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/webhooks');
    const row = (await screen.findByText('https://lms.spkt.example.edu.vn/hooks/khcn', {}, { timeout: 20_000 })).closest('tr')!;
    await app.user.click(within(row).getByRole('button', { name: 'Gửi sự kiện thử' }));
    await waitFor(() => expect(mockAdmin().requests.some((r) => r.url.endsWith('/test'))).toBe(true));

    await app.user.click(within(row).getByRole('button', { name: 'Nhật ký gửi' }));
    const log = await screen.findByTestId('delivery-table');
    await waitFor(() => expect(within(log).getByText('Thất bại')).toBeInTheDocument());
    expect(within(log).getByText('Đã gửi')).toBeInTheDocument();
    const failed = within(log).getByText('Thất bại').closest('tr')!;
    await app.user.click(within(failed).getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(mockAdmin().requests.some((r) => r.url.endsWith('/redeliver'))).toBe(true));
  });
});
