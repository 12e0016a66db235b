import { server } from '@/testing/mocks/server';
import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInAs, waitFor, waitForShell } from '@/testing/test-utils';

const EXPIRED = 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';

describe('login page: the session-expired notice', () => {
  it('is not shown on a first visit, which goes to the login page without asking the server anything', async () => {
    const asked: string[] = [];
    const listen = ({ request }: { request: Request }) => void asked.push(new URL(request.url).pathname);
    server.events.on('request:start', listen);
    try {
      renderApp('/');
      await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 20_000 });
      // No session, so nothing to refresh and no /me to be refused: the notice has no cause to appear.
      expect(asked).not.toContain('/api/v1/me');
      expect(asked).not.toContain('/api/v1/auth/refresh');
      expect(screen.queryByText(EXPIRED)).not.toBeInTheDocument();
    } finally {
      server.events.removeListener('request:start', listen);
    }
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
    expect(await screen.findByText(EXPIRED, {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});
