import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('official list', { timeout: 40_000 }, () => {
  it('passes the scope, search and sort from the URL to the API and tags the focal officials', async () => {
    const urls: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/organization/officials') urls.push(url);
    });
    signInAs('admin@hungyen.demo');
    const vanLam = db.current.unitByCode('VANLAM');
    renderApp(`/organization/officials?unit=${vanLam.id}&sort=-fullName`);
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Đỗ Thị Hằng' })).toBeInTheDocument());
    expect(Object.fromEntries(urls.at(-1)!.searchParams)).toMatchObject({ within: vanLam.id, sort: '-fullName' });

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual(['Lê Văn Đức', 'Đỗ Thị Hằng']);
    expect(within(rows[1]!).getByText('Cán bộ đầu mối')).toBeInTheDocument();
    expect(within(rows[0]!).queryByText('Cán bộ đầu mối')).not.toBeInTheDocument();
  });

  it('searches without diacritics through the server', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/officials');
    // The list's own box (exact name): the shell's header has the "Tìm kiếm KH,CN&ĐMST" box too.
    const search = await screen.findByRole('searchbox', { name: 'Tìm kiếm' }, { timeout: 20_000 });
    await app.user.type(search, 'bui thi lan');
    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('q')).toBe('bui thi lan'));
    const table = screen.getByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('link', { name: 'Bùi Thị Lan' })).toBeInTheDocument();
  });

  it('sits under the Organization section tabs, which keep the scope', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/organization/officials?unit=abc');
    const sections = await screen.findByRole('navigation', { name: 'Các mục của phân hệ Tổ chức' }, { timeout: 20_000 });
    expect(within(sections).getByRole('link', { name: 'Cán bộ' })).toHaveAttribute('aria-current', 'true');
    expect(within(sections).getByRole('link', { name: 'Đơn vị' })).toHaveAttribute('href', '/organization/units?unit=abc');
    expect(within(sections).getByRole('link', { name: 'Cán bộ đầu mối' })).toHaveAttribute(
      'href',
      '/organization/focal-officials?unit=abc',
    );
  });
});
