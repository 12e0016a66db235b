import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

function recordListRequests() {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/organization/units') urls.push(url);
  });
  return urls;
}

afterEach(() => server.events.removeAllListeners());

describe('unit list', () => {
  it('passes the scope, search, filter, sort and page from the URL to the API', async () => {
    signInAs('admin@hungyen.demo');
    const requests = recordListRequests();
    const vanLam = db.current.unitByCode('VANLAM');
    renderApp(`/organization/units?unit=${vanLam.id}&q=dong&kind=Grassroots&sort=-code&page=1`);
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByText('Công đoàn cơ sở Công ty TNHH Đông Phát')).toBeInTheDocument());
    const last = requests.at(-1)!;
    expect(Object.fromEntries(last.searchParams)).toMatchObject({
      within: vanLam.id,
      q: 'dong',
      kind: 'Grassroots',
      sort: '-code',
      page: '1',
    });
  });

  it('writes the search box into the URL and starts again from page 1', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/units?page=2&pageSize=10');
    // The list's own box (exact name): the shell's header has the "Tìm kiếm KH,CN&ĐMST" box too.
    const search = await screen.findByRole('searchbox', { name: 'Tìm kiếm' }, { timeout: 20_000 });
    await app.user.type(search, 'van lam');
    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('q')).toBe('van lam'), {
      timeout: 20_000,
    });
    expect(new URLSearchParams(app.router.state.location.search).get('page')).toBeNull();
    expect(
      await screen.findByRole('link', { name: 'Liên đoàn Lao động huyện Văn Lâm' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
  });

  it('shows an empty state with a way to clear the filters when nothing matches', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/units?q=khong-co-don-vi-nay');
    expect(await screen.findByText('Không tìm thấy kết quả phù hợp.', {}, { timeout: 20_000 })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Xoá bộ lọc' }));
    await waitFor(() => expect(app.router.state.location.search).toBe(''));
  });

  it('shows an error state with retry when the server fails', async () => {
    signInAs('admin@hungyen.demo');
    const { http } = await import('msw');
    const { problem } = await import('@/testing/mocks/handlers');
    server.use(http.get('*/api/v1/organization/units', () => problem(500), { once: true }));
    const app = renderApp('/organization/units');
    expect(await screen.findByText('Đã xảy ra lỗi', {}, { timeout: 20_000 })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('link', { name: 'Liên đoàn Lao động huyện Văn Lâm' })).toBeInTheDocument();
  });
});
