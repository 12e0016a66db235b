import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

describe('plan dashboard on the home page', () => {
  it('shows the subtree figures with the plan target, drills a figure down by sub-unit into a district and exports', async () => {
    Object.assign(URL, { createObjectURL: vi.fn((_blob: Blob) => 'blob:dashboard'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    const asked: URL[] = [];
    const exportAuth: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/v1/dashboard')) asked.push(url);
      if (url.pathname.endsWith('/dashboard.xlsx')) exportAuth.push(request.headers.get('Authorization'));
    });
    const app = renderApp('/?year=2025');

    const courses = await screen.findByTestId('indicator-training.courses-held', {}, { timeout: 20_000 });
    // Three grassroots unions with three courses each in 2025; 1 + 2 + 3 per union over 2023–2025 against a target of 40.
    expect(within(courses).getByTestId('indicator-value')).toHaveTextContent('9');
    expect(courses).toHaveTextContent('Mục tiêu kế hoạch: 40 lớp · lũy kế 18');
    expect(within(screen.getByTestId('indicator-organization.officials')).getByTestId('indicator-value')).toHaveTextContent('8');
    expect(screen.getByTestId('coverage-focal')).toHaveTextContent('3/4');
    expect(screen.getByTestId('dashboard-unit')).toHaveTextContent('Liên đoàn Lao động tỉnh Hưng Yên · năm 2025');

    await app.user.click(within(courses).getByRole('button', { name: /Theo đơn vị/ }));
    const drill = await screen.findByTestId('drill-down');
    const table = await within(drill).findByTestId('breakdown-table');
    const vanLam = within(table).getByRole('button', { name: 'Liên đoàn Lao động huyện Văn Lâm' }).closest('tr')!;
    expect(vanLam).toHaveTextContent('6');
    expect(within(table).getByText('Liên đoàn Lao động tỉnh Hưng Yên (bản thân đơn vị)').closest('tr')).toHaveTextContent('0');
    expect(within(table).getByText('Tổng').closest('tr')).toHaveTextContent('9');
    expect(within(screen.getByTestId('breakdown-chart')).getAllByRole('listitem', { hidden: true })).toHaveLength(6);

    // Down into Văn Lâm: the whole dashboard follows the scope, the figure stays open.
    await app.user.click(within(table).getByRole('button', { name: 'Liên đoàn Lao động huyện Văn Lâm' }));
    await waitFor(() => expect(screen.getByTestId('dashboard-unit')).toHaveTextContent('Liên đoàn Lao động huyện Văn Lâm · năm 2025'));
    expect(app.router.state.location.search).toContain('indicator=training.courses-held');
    expect(within(screen.getByTestId('indicator-training.courses-held')).getByTestId('indicator-value')).toHaveTextContent('6');
    expect(screen.getByTestId('indicator-training.courses-held')).not.toHaveTextContent('Mục tiêu kế hoạch');
    const vanLamId = new URLSearchParams(app.router.state.location.search).get('unit');
    await waitFor(() => expect(asked.some((u) => u.pathname.endsWith('/breakdown') && u.searchParams.get('unitId') === vanLamId)).toBe(true));

    // The server writes the workbook only when released: meanwhile the button shows it is working (#16).
    let release: () => void = () => {};
    const written = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/v1/dashboard.xlsx', async () => {
        await written;
        return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename=dashboard.xlsx; filename*=UTF-8''bang-chi-tieu-2025-hy.xlsx",
          },
        });
      }),
    );
    await app.user.click(screen.getByTestId('dashboard-export'));
    await waitFor(() => expect(screen.getByTestId('dashboard-export')).toHaveClass('ant-btn-loading'));
    release();
    await waitFor(() => expect(exportAuth).toHaveLength(1));
    expect(exportAuth[0]).toMatch(/^Bearer /);
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('bang-chi-tieu-2025-hy.xlsx');
    click.mockRestore();
  }, 40_000);

  it('keeps the module cards alone for someone who does not read the hierarchy', async () => {
    signInWithPermissions(['training.read']);
    renderApp('/');
    expect(await screen.findByTestId('home-training', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard')).not.toBeInTheDocument();
  }, 20_000);
});
