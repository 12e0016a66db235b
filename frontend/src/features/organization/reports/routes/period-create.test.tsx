import { server } from '@/testing/mocks/server';
import { mockReports } from '@/testing/mocks/reports';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.reports.manage'];

afterEach(() => server.events.removeAllListeners());

describe('opening a reporting period', () => {
  it('starts from the standard template, lets rows be removed and reordered, and sends them in that order', async () => {
    signInWithPermissions(MANAGER, 'HY');
    const bodies: { indicators: { code: string; source: string | null }[]; year: number; deadline: string }[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/organization/reports/periods') {
        bodies.push(await request.clone().json());
      }
    });
    const app = renderApp('/organization/reports/new');
    const editor = await screen.findByTestId('template-editor', {}, { timeout: 20_000 });
    const codes = () => within(editor).getAllByLabelText('Mã').map((input) => (input as HTMLInputElement).value);
    expect(codes()).toEqual(['focal_official', 'campaigns', 'funding', 'highlights']);

    // Remove "campaigns", then move "highlights" above "funding".
    await app.user.click(within(editor).getAllByRole('button', { name: 'Xoá chỉ tiêu' })[1]!);
    await waitFor(() => expect(codes()).toEqual(['focal_official', 'funding', 'highlights']));
    await app.user.click(within(editor).getAllByRole('button', { name: 'Chuyển lên' })[2]!);
    await waitFor(() => expect(codes()).toEqual(['focal_official', 'highlights', 'funding']));

    const deadline = screen.getByLabelText('Hạn nộp');
    await app.user.click(deadline);
    await app.user.type(deadline, '15/12/2026{Tab}');
    await app.user.click(screen.getByTestId('create-period'));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]!.indicators.map((i) => i.code)).toEqual(['focal_official', 'highlights', 'funding']);
    expect(bodies[0]!.indicators[0]!.source).toBe('organization.focal-official');
    expect(bodies[0]!.deadline).toBe('2026-12-15');
    // Opened: on to its synthesis.
    await waitFor(() => expect(mockReports().periods).toHaveLength(3));
    const created = mockReports().periods[2]!;
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/reports/${created.id}`));
  }, 90_000);

  it('puts the API\'s "period exists" message on the year', async () => {
    signInWithPermissions(MANAGER, 'HY');
    const app = renderApp('/organization/reports/new');
    await screen.findByTestId('template-editor', {}, { timeout: 20_000 });
    const year = screen.getByLabelText('Năm');
    await app.user.clear(year);
    await app.user.type(year, '2025');
    const deadline = screen.getByLabelText('Hạn nộp');
    await app.user.click(deadline);
    await app.user.type(deadline, '15/12/2025{Tab}');
    await app.user.click(screen.getByTestId('create-period'));
    const yearItem = year.closest('.ant-form-item') as HTMLElement;
    expect(await within(yearItem).findByText('A period for 2025 already exists.')).toBeInTheDocument();
    expect(mockReports().periods).toHaveLength(2);
  }, 90_000);

  it('tells a user without the right that the screen is not for them', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read', 'organization.reports.submit'], 'VANLAM');
    renderApp('/organization/reports/new');
    expect(await screen.findByText('Bạn không có quyền', { exact: false }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('template-editor')).not.toBeInTheDocument();
  });
});
