import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInAs, waitFor } from '@/testing/test-utils';

describe('change my password', { timeout: 60_000 }, () => {
  it('after an administrator reset, sends the user to choose a password first, names a wrong current one, then lets them in', async () => {
    const user = signInAs('canbo.vanlam@hungyen.demo');
    user.password = 'Ba3c-De4f-Gh5k';
    user.mustChangePassword = true;
    const app = renderApp('/');
    // Whatever was asked for, the account page comes first, saying why.
    expect(await screen.findByTestId('must-change', {}, { timeout: 20_000 })).toHaveTextContent('quản trị viên đặt lại');
    expect(screen.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeInTheDocument();

    await app.user.type(screen.getByLabelText('Mật khẩu hiện tại'), 'Sai-mat-khau1');
    await app.user.type(screen.getByLabelText('Mật khẩu mới'), 'Sang-kien#2026');
    await app.user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'Sang-kien#2027');
    await app.user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Hai mật khẩu mới không khớp.')).toBeInTheDocument();

    await app.user.clear(screen.getByLabelText('Nhập lại mật khẩu mới'));
    await app.user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'Sang-kien#2026');
    await app.user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Mật khẩu hiện tại không đúng.')).toBeInTheDocument();
    expect(user.mustChangePassword).toBe(true);

    await app.user.clear(screen.getByLabelText('Mật khẩu hiện tại'));
    await app.user.type(screen.getByLabelText('Mật khẩu hiện tại'), 'Ba3c-De4f-Gh5k');
    await app.user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    await waitFor(() => expect(user.mustChangePassword).toBe(false));
    await waitFor(() => expect(screen.queryByTestId('must-change')).not.toBeInTheDocument(), { timeout: 20_000 });
    expect(db.current.users.find((u) => u.email === 'canbo.vanlam@hungyen.demo')!.password).toBe('Sang-kien#2026');
  });
});
