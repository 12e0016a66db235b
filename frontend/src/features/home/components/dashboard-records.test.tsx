import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

describe('records behind a dashboard figure', () => {
  it('lists the courses behind a sub-unit row with links to their pages, and offers no link for a headcount', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    const asked: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/dashboard/records')) asked.push(url);
    });
    const app = renderApp('/?year=2025&indicator=training.courses-held');

    const table = await screen.findByTestId('breakdown-table', {}, { timeout: 20_000 });
    // The province's own row counts no course: nothing to list there.
    const own = within(table).getByText('Liên đoàn Lao động tỉnh Hưng Yên (bản thân đơn vị)').closest('tr')!;
    expect(within(own).queryByRole('button', { name: /Xem hồ sơ/ })).not.toBeInTheDocument();

    await app.user.click(within(table).getByRole('button', { name: 'Xem hồ sơ: Liên đoàn Lao động huyện Văn Lâm' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByTestId('records-summary')).toHaveTextContent('6 hồ sơ, cộng lại 6 lớp');
    const links = within(drawer).getAllByRole('link');
    expect(links).toHaveLength(6);
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/training\/courses\/course-/));
    expect(links[0]).toHaveTextContent(/^Lớp .+ số 3$/);
    expect(asked.at(-1)!.searchParams.get('own')).toBe('false');
    expect(asked.at(-1)!.searchParams.get('year')).toBe('2025');

    // The total's link lists the whole figure of the province.
    await app.user.click(within(drawer).getAllByRole('button', { name: /Đóng|Close/ })[0]!);
    await app.user.click(within(table).getByRole('button', { name: 'Xem hồ sơ: Tổng' }));
    await waitFor(() => expect(screen.getByTestId('records-summary')).toHaveTextContent('9 hồ sơ, cộng lại 9 lớp'));

    // A headcount has no records behind it: no "Xem hồ sơ" at all.
    app.router.navigate('/?year=2025&indicator=organization.officials');
    const officials = await screen.findByTestId('breakdown-table');
    await waitFor(() => expect(within(officials).getByText('Tổng').closest('tr')).toHaveTextContent('8'));
    expect(within(officials).queryByRole('button', { name: /Xem hồ sơ/ })).not.toBeInTheDocument();
  }, 40_000);

  it('pages through many records and shows a problem from the API', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    const pages: string[] = [];
    server.use(
      http.get('*/api/v1/dashboard/records', ({ request }) => {
        const params = new URL(request.url).searchParams;
        const page = Number(params.get('page'));
        pages.push(String(page));
        const items = Array.from({ length: page === 3 ? 5 : 20 }, (_, i) => ({
          kind: 'initiative', id: `i-${page}-${i}`, title: `Sáng kiến ${page}.${i + 1}`, date: '2025-05-01', unitId: 'u', unitCode: 'VANLAM',
          unitName: 'Liên đoàn Lao động huyện Văn Lâm', value: 1, amount: 5_000_000, detail: null,
        }));
        return HttpResponse.json({
          key: 'training.courses-held', name: 'Số lớp', measure: 'lớp', year: 2025, unit: { id: 'u', code: 'VANLAM', name: 'Văn Lâm', kind: 'District', parentId: null },
          own: false, listed: true, value: 45, items, page, pageSize: 20, total: 45,
        });
      }),
    );
    const app = renderApp('/?year=2025&indicator=training.courses-held');
    const table = await screen.findByTestId('breakdown-table', {}, { timeout: 20_000 });
    await app.user.click(within(table).getByRole('button', { name: 'Xem hồ sơ: Tổng' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByRole('link', { name: 'Sáng kiến 1.1' })).toHaveAttribute('href', '/participation/initiatives/i-1-0');
    expect(within(drawer).getAllByText('5.000.000 ₫')).toHaveLength(20);
    await app.user.click(within(drawer).getByTitle('3'));
    expect(await within(drawer).findByRole('link', { name: 'Sáng kiến 3.5' })).toBeInTheDocument();
    expect(within(drawer).getAllByRole('link')).toHaveLength(5);
    expect(pages).toEqual(['1', '3']);

    server.use(http.get('*/api/v1/dashboard/records', () => HttpResponse.json({ type: 'about:blank', title: 'Không tìm thấy', status: 404 }, { status: 404 })));
    await app.user.click(within(drawer).getAllByRole('button', { name: /Đóng|Close/ })[0]!);
    await app.user.click(within(table).getByRole('button', { name: 'Xem hồ sơ: Liên đoàn Lao động huyện Văn Lâm' }));
    expect(await within(await screen.findByRole('dialog')).findByRole('alert')).toBeInTheDocument();
  }, 40_000);
});
