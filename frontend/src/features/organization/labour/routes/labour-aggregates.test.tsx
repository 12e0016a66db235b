import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

describe('labour aggregates', () => {
  it('sums the year by sector with the weighted income and bars, then regroups by industrial zone', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    const asked: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/labour/aggregates')) asked.push(url);
    });
    const app = renderApp('/organization/enterprises/aggregates?year=2025');
    const table = await screen.findByTestId('aggregate-table', {}, { timeout: 20_000 });
    const textile = within(table).getByText('Dệt may, da giày').closest('tr')!;
    expect(textile).toHaveTextContent('1.000');
    expect(textile).toHaveTextContent('8.000.000');
    // Total: 1000 + 1500 + 2000 workers; income weighted by workforce = (8M·1000 + 9M·1500 + 10M·2000) / 4500.
    const total = within(table).getByText('Tổng cộng').closest('tr')!;
    expect(total).toHaveTextContent('4.500');
    expect(total).toHaveTextContent('9.222.222');
    expect(within(screen.getByTestId('bar-chart')).getAllByRole('listitem', { hidden: true })).toHaveLength(3);
    expect(asked.at(-1)!.searchParams.get('by')).toBe('sector');

    await app.user.click(screen.getByText('Khu công nghiệp'));
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('by')).toBe('zone'));
    expect(await within(screen.getByTestId('aggregate-table')).findByText('Ngoài khu công nghiệp')).toBeInTheDocument();
    expect(within(screen.getByTestId('aggregate-table')).getByText('KCN Phố Nối A')).toBeInTheDocument();
  }, 30_000);
});
