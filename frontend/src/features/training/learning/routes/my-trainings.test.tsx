import { server } from '@/testing/mocks/server';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

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

  it('adds the personal schedule to a calendar: downloads its .ics and copies the address to subscribe to', async () => {
    // #16: the calendar page asked the user to paste a course id into a URL; the schedule now offers it directly.
    server.use(...certificateHandlers());
    signInWithPermissions(['training.read'], 'VANLAM');
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const app = renderApp('/training/my');
    await app.user.click(await screen.findByTestId('add-to-calendar', {}, { timeout: 20_000 }));
    await waitFor(() =>
      expect(clicked).toEqual([{ href: 'http://localhost/api/v1/training/calendar/tok-first/me.ics', download: 'lich-hoc-cua-toi.ics' }]),
    );
    click.mockRestore();

    await app.user.click(screen.getByTestId('copy-calendar-link'));
    expect(await screen.findByText(/Đã sao chép địa chỉ lịch/)).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('http://localhost/api/v1/training/calendar/tok-first/me.ics');
  });
});
