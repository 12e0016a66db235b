import { server } from '@/testing/mocks/server';
import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInAs, waitFor, waitForShell } from '@/testing/test-utils';

const EXPIRED = 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';

describe('login page: the session-expired notice', () => {
  it('is not shown on a first visit, even after the app asked for /me without a session', async () => {
    const answered: string[] = [];
    const listen = ({ request }: { request: Request }) => void answered.push(new URL(request.url).pathname);
    server.events.on('response:mocked', listen);
    renderApp('/');
    await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 10_000 });
    // The protected route asked for /me without a session and got its 401.
    await waitFor(() => expect(answered).toContain('/api/v1/me'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeInTheDocument());
    server.events.removeListener('response:mocked', listen);
    expect(screen.queryByText(EXPIRED)).not.toBeInTheDocument();
  });

  it('is not shown after a deliberate sign-out', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/');
    await waitForShell();
    await app.user.click(screen.getByTestId('user-menu'));
    await app.user.click(await screen.findByText('Đăng xuất'));
    await screen.findByRole('button', { name: 'Đăng nhập' });
    await waitFor(() => expect(db.current.refreshCookie).toBeNull());
    expect(screen.queryByText(EXPIRED)).not.toBeInTheDocument();
  });

  it('is shown when the session really ended on the server', async () => {
    signInAs('admin@hungyen.demo');
    db.current.accessTokens.clear();
    db.current.refreshTokens.clear(); // revoked: the cookie no longer works
    renderApp('/');
    expect(await screen.findByText(EXPIRED, {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});
