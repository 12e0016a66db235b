import { server } from '@/testing/mocks/server';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { renderApp, screen, signInWithPermissions, waitFor } from '@/testing/test-utils';

beforeEach(() => server.use(...certificateHandlers()));

describe('calendar feeds page', () => {
  it('lists the personal feed URLs, copies one and rotates the code', async () => {
    signInWithPermissions(['training.read']);
    const app = renderApp('/training/calendar');
    const mine = await screen.findByRole('textbox', { name: 'Các khóa học của tôi' }, { timeout: 20_000 });
    expect(mine).toHaveValue('http://localhost/api/v1/training/calendar/tok-first/me.ics');
    expect(screen.getByRole('textbox', { name: 'Đơn vị: LĐLĐ huyện Văn Lâm' })).toHaveValue(
      'http://localhost/api/v1/training/calendar/tok-first/units/00000000-0000-4000-8000-0000000000a1.ics',
    );

    await app.user.click(screen.getByRole('button', { name: 'Sao chép: Các khóa học của tôi' }));
    expect(await screen.findByText('Đã sao chép địa chỉ')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('http://localhost/api/v1/training/calendar/tok-first/me.ics');

    await app.user.click(screen.getByRole('button', { name: /Đổi mã/ }));
    expect(await screen.findByText('Đổi mã lịch?')).toBeInTheDocument();
    const confirm = screen.getAllByRole('button').find((b) => /^(OK|Đồng ý)$/.test(b.textContent ?? ''))!;
    await app.user.click(confirm);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Các khóa học của tôi' })).toHaveValue(
        'http://localhost/api/v1/training/calendar/tok-rotated-1/me.ics',
      ),
    );
    expect(await screen.findByText('Đã đổi mã: hãy dùng các địa chỉ mới')).toBeInTheDocument();
  }, 30_000);
});
