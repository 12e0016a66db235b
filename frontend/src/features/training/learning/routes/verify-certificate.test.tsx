import { server } from '@/testing/mocks/server';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { renderApp, screen } from '@/testing/test-utils';

beforeEach(() => server.use(...certificateHandlers()));

describe('public certificate verification', () => {
  it('shows a valid certificate without signing in, with only the public fields, and switches to English', async () => {
    const app = renderApp('/verify/valid-code');
    expect(await screen.findByTestId('verify-valid', {}, { timeout: 20_000 })).toHaveTextContent('Giấy chứng nhận hợp lệ');
    expect(screen.getByText('Nguyễn Thị Hồng Nhung')).toBeInTheDocument();
    expect(screen.getByText('Kỹ năng đổi mới sáng tạo')).toBeInTheDocument();
    expect(screen.getByText('Trường Đại học Sư phạm Kỹ thuật Hưng Yên')).toBeInTheDocument();
    expect(screen.getByText('14/03/2025')).toBeInTheDocument();
    expect(screen.getByText('KNST01/2025/001')).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/verify/valid-code');

    await app.user.click(screen.getByTitle('English'));
    expect(await screen.findByText('Valid certificate')).toBeInTheDocument();
    expect(screen.getByText('Holder')).toBeInTheDocument();
  }, 30_000);

  it('says clearly that a revoked certificate was revoked, and when', async () => {
    renderApp('/verify/revoked-code');
    expect(await screen.findByTestId('verify-revoked', {}, { timeout: 20_000 })).toHaveTextContent('Giấy chứng nhận đã bị thu hồi');
    expect(screen.getByText('Thu hồi ngày 20/03/2025')).toBeInTheDocument();
    expect(screen.getByText('Trần Văn Bình')).toBeInTheDocument();
  }, 30_000);

  it('says so when the code is unknown', async () => {
    renderApp('/verify/no-such-code');
    expect(await screen.findByTestId('verify-not-found', {}, { timeout: 20_000 })).toHaveTextContent('Không tìm thấy giấy chứng nhận');
    expect(screen.queryByTestId('verify-valid')).not.toBeInTheDocument();
  }, 30_000);
});
