import { http } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { renderApp, screen, waitForShell } from '@/testing/test-utils';

async function submitLogin(email: string, password: string) {
  const app = renderApp('/login');
  await app.user.type(await screen.findByLabelText('Email', {}, { timeout: 20_000 }), email);
  await app.user.type(screen.getByLabelText('Mật khẩu'), password);
  await app.user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
  return app;
}

describe('login page', () => {
  it('shows the typed password on request and hides it again', async () => {
    const app = renderApp('/login');
    const password = await screen.findByLabelText('Mật khẩu', {}, { timeout: 20_000 });
    await app.user.type(password, 'Bi-mat-123');
    expect(password).toHaveAttribute('type', 'password');
    await app.user.click(screen.getByRole('button', { name: 'Hiện mật khẩu' }));
    expect(password).toHaveAttribute('type', 'text');
    expect(password).toHaveValue('Bi-mat-123');
    const hide = screen.getByRole('button', { name: 'Ẩn mật khẩu' });
    expect(hide).toHaveAttribute('aria-pressed', 'true');
    await app.user.click(hide);
    expect(password).toHaveAttribute('type', 'password');
  });

  it('says the email or password is wrong on invalid_credentials', async () => {
    await submitLogin('admin@hungyen.demo', 'wrong-password');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Email hoặc mật khẩu không đúng.');
  });

  it('says the account is locked and until when (dd/MM/yyyy, Vietnam time)', async () => {
    server.use(
      http.post('*/api/v1/auth/login', () =>
        problem(423, { code: 'account_locked', lockedUntil: '2025-03-04T02:30:00Z' }),
      ),
    );
    await submitLogin('admin@hungyen.demo', 'whatever');
    const alert = await screen.findByTestId('login-error');
    expect(alert).toHaveTextContent('Tài khoản tạm thời bị khoá');
    expect(alert).toHaveTextContent('04/03/2025 09:30');
  });

  it('says the account is disabled', async () => {
    server.use(http.post('*/api/v1/auth/login', () => problem(403, { code: 'account_disabled' })));
    await submitLogin('admin@hungyen.demo', 'whatever');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Tài khoản đã bị vô hiệu hoá');
  });

  it('tells how long to wait after too many attempts, from Retry-After', async () => {
    server.use(
      http.post('*/api/v1/auth/login', () => problem(429, { code: 'too_many_requests' }, { 'Retry-After': '42' })),
    );
    await submitLogin('admin@hungyen.demo', 'whatever');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Vui lòng đợi 42 giây');
  });

  it('validates the form before calling the server', async () => {
    const app = renderApp('/login');
    await app.user.click(await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 20_000 }));
    expect(await screen.findByText('Vui lòng nhập email.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeInTheDocument();
  });

  it('opens the shell after a successful sign-in and returns to the requested page', async () => {
    const app = renderApp('/organization/units');
    await screen.findByRole('button', { name: 'Đăng nhập' }, { timeout: 20_000 });
    expect(app.router.state.location.pathname).toBe('/login');
    await app.user.type(screen.getByLabelText('Email'), 'admin@hungyen.demo');
    await app.user.type(screen.getByLabelText('Mật khẩu'), 'Demo@2025!');
    await app.user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitForShell();
    expect(app.router.state.location.pathname).toBe('/organization/units');
  });
});
