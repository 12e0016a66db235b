import { http, HttpResponse } from 'msw';
import { mockAdmin } from '@/testing/mocks/admin';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

describe('audit browser', { timeout: 60_000 }, () => {
  it('shows who changed what, old → new, and filters by actor through the URL', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }, { timeout: 20_000 })).toBeInTheDocument();
    const table = await screen.findByTestId('audit-table');
    await waitFor(() => expect(within(table).getByText('IntegratorClient')).toBeInTheDocument());
    expect(table).toHaveTextContent('Name: Cũ → Mới');

    await app.user.type(screen.getByLabelText('Người thực hiện (e-mail)'), 'nobody@hungyen.demo');
    await app.user.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('actor')).toBe('nobody@hungyen.demo'));
    await waitFor(() => expect(within(screen.getByTestId('audit-table')).getByText('Không có thay đổi nào.')).toBeInTheDocument());
    expect(mockAdmin().requests.some((r) => r.url.includes('actor=nobody%40hungyen.demo'))).toBe(true);
  });

  it('downloads the trail with the applied filters as .xlsx, with the bearer token', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:audit');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const exports: { search: string; auth: string | null }[] = [];
    server.use(
      http.get('*/api/v1/audit.xlsx', ({ request }) => {
        exports.push({ search: new URL(request.url).search, auth: request.headers.get('Authorization') });
        return new HttpResponse('PK-xlsx', {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename=nhat-ky-thay-doi.xlsx; filename*=UTF-8''nhat-ky-thay-doi.xlsx",
          },
        });
      }),
    );
    signInAs('admin@hungyen.demo');
    const app = renderApp('/admin/audit?module=platform&entityType=IntegratorClient');
    await waitFor(() => expect(within(screen.getByTestId('audit-table')).getByText('IntegratorClient')).toBeInTheDocument(), { timeout: 20_000 });
    // A filter typed but not applied is not exported: the sheet matches the table.
    await app.user.type(screen.getByLabelText('Người thực hiện (e-mail)'), 'chua-ap-dung@hungyen.demo');
    await app.user.click(screen.getByRole('button', { name: 'Tải Excel' }));

    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(await createObjectURL.mock.calls[0]![0].text()).toBe('PK-xlsx');
    const sent = new URLSearchParams(exports[0]!.search);
    expect([sent.get('module'), sent.get('entityType'), sent.get('actor')]).toEqual(['platform', 'IntegratorClient', null]);
    expect(exports[0]!.auth).toMatch(/^Bearer /);
  });
});
