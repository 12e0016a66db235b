import { server } from '@/testing/mocks/server';
import { db } from '@/testing/mocks/db';
import { mockNotifications, mockReports, PERIOD_ID } from '@/testing/mocks/reports';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';
import { relativeTime } from './notification-bell';

afterEach(() => server.events.removeAllListeners());

describe('notification bell', () => {
  it('shows the unread count, the known kinds in the UI language, and the server text for the others', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/');
    const bell = await screen.findByRole('button', { name: 'Thông báo (1 chưa đọc)' }, { timeout: 20_000 });
    expect(within(bell).getByText('1')).toBeInTheDocument();

    await app.user.click(bell);
    const items = await screen.findAllByTestId('notification');
    expect(items[0]).toHaveTextContent(
      'Báo cáo năm 2025 của Liên đoàn Lao động huyện Văn Lâm chưa được nộp; hạn nộp 15/12/2099.',
    );
    expect(items[0]).toHaveTextContent('2 giờ trước');
    expect(items[1]).toHaveTextContent('Một thông báo kiểu mới.');
    expect(items[1]).toHaveTextContent('3 ngày trước');
  }, 60_000);

  it('marks a notification read and opens its link when chosen', async () => {
    signInAs('admin@hungyen.demo');
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/read')) seen.push(new URL(request.url).pathname);
    });
    const app = renderApp('/');
    await app.user.click(await screen.findByRole('button', { name: 'Thông báo (1 chưa đọc)' }, { timeout: 20_000 }));
    const [first] = await screen.findAllByTestId('notification');
    await app.user.click(first!);

    const vanLam = db.current.unitByCode('VANLAM');
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/reports/${PERIOD_ID}/units/${vanLam.id}`));
    expect(seen).toEqual([`/api/v1/me/notifications/${mockNotifications('admin@hungyen.demo')[0]!.id}/read`]);
    expect(mockReports().requests.readIds).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeInTheDocument();
  }, 60_000);

  it('switches the kinds to English with the UI', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/');
    await screen.findByRole('button', { name: 'Thông báo (1 chưa đọc)' }, { timeout: 20_000 });
    await app.user.click(screen.getByTitle('English'));
    await app.user.click(await screen.findByRole('button', { name: 'Notifications (1 unread)' }));
    const [first] = await screen.findAllByTestId('notification');
    expect(first).toHaveTextContent('The 2025 report of Liên đoàn Lao động huyện Văn Lâm has not been submitted; it is due on 15/12/2099.');
    expect(first).toHaveTextContent('2 hours ago');
  }, 60_000);
});

describe('notification bell and Participation kinds', () => {
  it('words a known kind from its parameters, and shows the server text of an older notice that lacks one', async () => {
    signInAs('admin@hungyen.demo');
    const list = mockNotifications('admin@hungyen.demo');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    list.push(
      { id: '00000000-0000-4000-8000-000000000791', kind: 'emulation.review-requested', read: true, createdAtUtc: at, link: null,
        text: 'Liên đoàn Lao động huyện Văn Lâm đã tự chấm điểm thi đua năm 2025 của phong trào "Lao động giỏi" (85 điểm); đề nghị đơn vị thẩm định.',
        params: { unit: 'Liên đoàn Lao động huyện Văn Lâm', movement: 'Lao động giỏi', year: '2025', total: '85' } },
      { id: '00000000-0000-4000-8000-000000000792', kind: 'commendation.approved', read: true, createdAtUtc: at, link: null,
        text: 'Đề nghị Giấy khen năm 2024 đã được khen thưởng theo Quyết định số 7/QĐ ngày 01/12/2024.', params: null },
    );
    const app = renderApp('/');
    await screen.findByRole('button', { name: 'Thông báo (1 chưa đọc)' }, { timeout: 20_000 });
    await app.user.click(screen.getByTitle('English'));
    await app.user.click(await screen.findByRole('button', { name: 'Notifications (1 unread)' }));
    const items = await screen.findAllByTestId('notification');
    expect(items[2]).toHaveTextContent('Liên đoàn Lao động huyện Văn Lâm has scored itself for the 2025 emulation of the movement "Lao động giỏi" (85 points) and asks for your review.');
    expect(items[3]).toHaveTextContent('Đề nghị Giấy khen năm 2024 đã được khen thưởng theo Quyết định số 7/QĐ ngày 01/12/2024.');
  }, 60_000);
});

describe('relativeTime', () => {
  const now = Date.parse('2025-06-10T12:00:00Z');
  it('says "just now" (null) under a minute, else the largest whole unit', () => {
    expect(relativeTime('2025-06-10T11:59:30Z', 'vi', now)).toBeNull();
    expect(relativeTime('2025-06-10T11:55:00Z', 'vi', now)).toBe('5 phút trước');
    expect(relativeTime('2025-06-09T12:00:00Z', 'en', now)).toBe('yesterday');
    expect(relativeTime('2025-05-01T12:00:00Z', 'en', now)).toBe('last month');
  });
});
