import { server } from '@/testing/mocks/server';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

describe('my trainings', { timeout: 40_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('lists the courses the signed-in person was nominated to, with dates, partner and result', async () => {
    // Only the date is faked (the waits keep their real timers): 10 March 2026, during KHCN-2026-03 (2–20 March).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T03:00:00Z'));
    signInWithPermissions(['training.read'], 'VANLAM');
    renderApp('/training/my');
    const list = await screen.findByTestId('my-trainings', {}, { timeout: 20_000 });
    expect(screen.getByRole('heading', { name: 'Khóa học của tôi' })).toBeInTheDocument();
    expect(within(list).getByText('KHCN-2026-03 – Kỹ năng đổi mới sáng tạo')).toBeInTheDocument();
    expect(within(list).getByText(/02\/03\/2026 – 20\/03\/2026/)).toBeInTheDocument();
    expect(within(list).getByTestId('my-result-00000000-0000-4000-8000-000000007402')).toHaveTextContent('Hoàn thành');
    expect(within(list).getByTestId('my-result-00000000-0000-4000-8000-000000007401')).toHaveTextContent('Đang học');
    expect(within(list).getByText(/Sở Khoa học và Công nghệ Hưng Yên/)).toBeInTheDocument();
    // The card opens the course (its sessions, rooms and times).
    expect(within(list).getByRole('link', { name: 'KHCN-2026-03 – Kỹ năng đổi mới sáng tạo' }))
      .toHaveAttribute('href', expect.stringMatching(/^\/training\/courses\/[0-9a-f-]+$/));
  });

  it('says "Chưa bắt đầu" before the first session and "Chờ kết quả" after the last, not "Đang học" (#16)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-20T03:00:00Z'));
    server.use(...certificateHandlers());
    signInWithPermissions(['training.read'], 'VANLAM');
    const before = renderApp('/training/my');
    const result = '00000000-0000-4000-8000-000000007401';
    expect(await screen.findByTestId(`my-result-${result}`, {}, { timeout: 20_000 })).toHaveTextContent('Chưa bắt đầu');
    before.unmount();

    vi.setSystemTime(new Date('2026-04-01T03:00:00Z'));
    signInWithPermissions(['training.read'], 'VANLAM');
    renderApp('/training/my');
    expect(await screen.findByTestId(`my-result-${result}`, {}, { timeout: 20_000 })).toHaveTextContent('Chờ kết quả');
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
