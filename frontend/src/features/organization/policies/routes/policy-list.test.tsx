import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';
import { policyStatus } from '../components/policy-status';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.policies.manage'];

function recordListRequests() {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/organization/policies') urls.push(url);
  });
  return urls;
}

const rowOf = (table: HTMLElement, number: string) => within(table).getByRole('link', { name: number }).closest('tr')!;

afterEach(() => server.events.removeAllListeners());

describe('policy register', () => {
  it('passes search, "in force on", sort and page from the URL to the API', async () => {
    signInAs('admin@hungyen.demo');
    const requests = recordListRequests();
    renderApp('/organization/policies?q=sang%20kien&effectiveOn=2025-01-01&sort=number&page=1');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: '112/QĐ-LĐLĐ' })).toBeInTheDocument());
    expect(within(table).queryByRole('link', { name: '405/KH-LĐLĐ' })).not.toBeInTheDocument();
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).toMatchObject({
      q: 'sang kien',
      effectiveOn: '2025-01-01',
      sort: 'number',
      page: '1',
    });
    // The picker shows the day as dd/MM/yyyy.
    expect(screen.getByLabelText('Còn hiệu lực vào ngày')).toHaveValue('01/01/2025');
  });

  it('asks for the newest first by default and shows dates as dd/MM/yyyy', async () => {
    signInAs('admin@hungyen.demo');
    const requests = recordListRequests();
    renderApp('/organization/policies');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: '405/KH-LĐLĐ' })).toBeInTheDocument());
    expect(requests.at(-1)!.searchParams.get('sort')).toBe('-issuedOn');
    const numbers = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(numbers).toEqual(['405/KH-LĐLĐ', '21/KH-LĐLĐ', '112/QĐ-LĐLĐ', '58/HD-LĐLĐ']);
    const row = rowOf(table, '58/HD-LĐLĐ');
    expect(row).toHaveTextContent('15/01/2022');
    expect(row).toHaveTextContent('01/02/2022 – 31/12/2023');
    expect(rowOf(table, '112/QĐ-LĐLĐ')).toHaveTextContent('Từ 01/07/2024');
  });

  it('writes the search box and the picked day into the URL and sends them to the API', async () => {
    signInAs('admin@hungyen.demo');
    const requests = recordListRequests();
    const app = renderApp('/organization/policies?page=2&pageSize=10');
    // The list's own box (exact name): the shell's header has the "Tìm kiếm KH,CN&ĐMST" box too.
    const search = await screen.findByRole('searchbox', { name: 'Tìm kiếm' }, { timeout: 20_000 });
    await app.user.type(search, 'ho tro');
    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('q')).toBe('ho tro'), {
      timeout: 20_000,
    });
    expect(new URLSearchParams(app.router.state.location.search).get('page')).toBeNull();

    const day = screen.getByLabelText('Còn hiệu lực vào ngày');
    await app.user.click(day);
    await app.user.type(day, '15/08/2023{Enter}');
    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('effectiveOn')).toBe('2023-08-15'));
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('effectiveOn')).toBe('2023-08-15'));
    expect(requests.at(-1)!.searchParams.get('q')).toBe('ho tro');
    expect(await screen.findByRole('link', { name: '58/HD-LĐLĐ' })).toBeInTheDocument();
  }, 40_000);

  it('tags each document as in force or expired, from today in the province', async () => {
    signInAs('admin@hungyen.demo');
    renderApp('/organization/policies');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: '58/HD-LĐLĐ' })).toBeInTheDocument());
    expect(within(rowOf(table, '112/QĐ-LĐLĐ')).getByTestId('policy-status')).toHaveTextContent('Còn hiệu lực');
    expect(within(rowOf(table, '58/HD-LĐLĐ')).getByTestId('policy-status')).toHaveTextContent('Hết hiệu lực');
  });

  it('offers no "new document" to a read-only user', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp('/organization/policies');
    await screen.findByRole('link', { name: '112/QĐ-LĐLĐ' }, { timeout: 20_000 });
    expect(screen.queryByRole('button', { name: /Thêm văn bản/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Văn bản chính sách' })).toHaveAttribute('aria-current', 'true');
  });

  it('offers "new document" to users who manage policies', async () => {
    signInWithPermissions(MANAGER);
    const app = renderApp('/organization/policies');
    await app.user.click(await screen.findByRole('button', { name: /Thêm văn bản/ }, { timeout: 20_000 }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/organization/policies/new'));
  });
});

describe('policyStatus', () => {
  const doc = { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' };
  it('is in force from the first to the last day inclusive', () => {
    expect(policyStatus(doc, '2024-12-31')).toBe('notYet');
    expect(policyStatus(doc, '2025-01-01')).toBe('inForce');
    expect(policyStatus(doc, '2025-12-31')).toBe('inForce');
    expect(policyStatus(doc, '2026-01-01')).toBe('expired');
    expect(policyStatus({ effectiveFrom: '2020-01-01', effectiveTo: null }, '2099-01-01')).toBe('inForce');
  });
});
