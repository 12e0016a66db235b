import { http, HttpResponse } from 'msw';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

const bodyRows = () => within(screen.getByTestId('coverage-table')).getAllByRole('row').slice(1);

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('focal official coverage report', { timeout: 40_000 }, () => {
  it('lists the upper-level unions without a focal official first, with the share as a percentage', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/organization/focal-officials');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cán bộ đầu mối KH,CN&ĐMST' }, { timeout: 20_000 })).toBeInTheDocument();
    // 3 of the 5 upper-level unions have one.
    expect(screen.getByTestId('coverage-share')).toHaveTextContent('60%');
    expect(screen.getByTestId('coverage-uncovered')).toHaveTextContent('2');
    expect(screen.getByRole('progressbar', { name: 'Tỉ lệ đơn vị có cán bộ đầu mối' })).toBeInTheDocument();

    // Secondary columns appear once the table knows the screen width.
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('LĐLĐ huyện, thị xã, thành phố'));
    const rows = bodyRows();
    expect(rows).toHaveLength(5);
    // The mock answers with those two last; the screen puts them on top, in the server's order.
    expect(rows[0]).toHaveTextContent('Liên đoàn Lao động huyện Kim Động');
    expect(rows[1]).toHaveTextContent('Công đoàn ngành Giáo dục');
    for (const row of rows.slice(0, 2)) expect(within(row).getByText('Chưa có')).toBeInTheDocument();
    for (const row of rows.slice(2)) expect(within(row).queryByText('Chưa có')).not.toBeInTheDocument();
    expect(rows.slice(2).map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual([
      'Liên đoàn Lao động thị xã Mỹ Hào',
      'Liên đoàn Lao động thành phố Hưng Yên',
      'Liên đoàn Lao động huyện Văn Lâm',
    ]);
    const vanLam = rows[4]!;
    expect(within(vanLam).getByRole('link', { name: 'Đỗ Thị Hằng' })).toBeInTheDocument();
    expect(vanLam).toHaveTextContent('01/03/2024');
  });

  it('formats a fractional share in the UI language', async () => {
    server.use(
      http.get('*/api/v1/organization/focal-officials/coverage', () =>
        HttpResponse.json({ total: 6, covered: 5, share: 5 / 6, items: [] }),
      ),
    );
    signInAs('admin@hungyen.demo');
    renderApp('/organization/focal-officials');
    expect(await screen.findByTestId('coverage-share', {}, { timeout: 20_000 })).toHaveTextContent('83,3%');
  });

  it('asks for the chosen scope and can show only the units without a focal official', async () => {
    const urls: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/coverage')) urls.push(url);
    });
    signInAs('admin@hungyen.demo');
    const hy = db.current.unitByCode('HY');
    const app = renderApp(`/organization/focal-officials?unit=${hy.id}`);
    await screen.findByTestId('coverage-table', {}, { timeout: 20_000 });
    expect(urls.at(-1)!.searchParams.get('within')).toBe(hy.id);

    await app.user.click(screen.getByRole('switch', { name: 'Chỉ hiện đơn vị chưa có cán bộ đầu mối' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(new URLSearchParams(app.router.state.location.search).get('missing')).toBe('1');
    server.events.removeAllListeners();
  });
});
