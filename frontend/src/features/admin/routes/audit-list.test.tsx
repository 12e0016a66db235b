import { mockAdmin } from '@/testing/mocks/admin';
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
});
