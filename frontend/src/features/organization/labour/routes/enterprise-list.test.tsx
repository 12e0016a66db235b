import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const READER = ['organization.units.read', 'organization.records.read'];
const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.labour.manage'];

function recordRequests(pathname: string) {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === pathname) urls.push(url);
  });
  return urls;
}

afterEach(() => server.events.removeAllListeners());

describe('enterprise list', () => {
  it("shows a district officer only their district's enterprises, with the year's figures from the URL", async () => {
    signInWithPermissions(READER, 'VANLAM');
    const requests = recordRequests('/api/v1/organization/enterprises');
    renderApp('/organization/enterprises?year=2024&sector=TextileGarment');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    const link = await within(table).findByRole('link', { name: 'Công ty TNHH Dệt may Lạc Hồng' });
    expect(within(table).queryByText('Công ty TNHH Nhựa Phố Nối')).not.toBeInTheDocument();
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).toMatchObject({ year: '2024', sector: 'TextileGarment' });
    const row = link.closest('tr')!;
    // vi-VN grouping, the sector and the agreement in Vietnamese.
    expect(row).toHaveTextContent('900');
    expect(row).toHaveTextContent('7.500.000');
    expect(row).toHaveTextContent('Dệt may, da giày');
    expect(row).toHaveTextContent('Đã ký');
    expect(screen.getByRole('columnheader', { name: /Tổng số lao động 2024/ })).toBeInTheDocument();
    expect(screen.queryByTestId('new-enterprise')).not.toBeInTheDocument();
  });

  it('sends the ownership filter and the scope to the API and offers "add" to those who manage labour data', async () => {
    signInWithPermissions(MANAGER);
    const requests = recordRequests('/api/v1/organization/enterprises');
    const app = renderApp('/organization/enterprises?year=2025');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await within(table).findByRole('link', { name: 'Công ty TNHH Nhựa Phố Nối' });
    expect(screen.getByTestId('new-enterprise')).toBeInTheDocument();

    await app.user.click(screen.getByRole('combobox', { name: 'Loại hình sở hữu' }));
    await app.user.click(await screen.findByTitle('FDI'));
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('ownership')).toBe('Fdi'));
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'Công ty TNHH Dệt may Lạc Hồng' })).not.toBeInTheDocument());
    expect(within(table).getByRole('link', { name: 'Công ty TNHH Nhựa Phố Nối' })).toBeInTheDocument();
    expect(new URLSearchParams(app.router.state.location.search).get('ownership')).toBe('Fdi');
  }, 30_000);

  it('shows "no figures yet" for an enterprise without figures that year', async () => {
    signInWithPermissions(READER, 'VANLAM');
    renderApp('/organization/enterprises?year=2019');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await within(table).findByRole('link', { name: 'Công ty TNHH Dệt may Lạc Hồng' });
    expect(within(table).getAllByText('Chưa có số liệu')).toHaveLength(2);
  });
});
