import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { StyleProvider, createCache } from '@ant-design/cssinjs';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { routes } from '@/app/route-config';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/query-client';
import { session } from '@/lib/auth/session';
import { db } from './mocks/db';

/** Renders the whole app (real routes, providers and API client) at a URL, against MSW. */
export function renderApp(url = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  // jsdom's getComputedStyle walks every AntD style sheet: checking pointer-events on each ancestor for every
  // click made whole files take minutes on two cores, and keystrokes need no real delay.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
  // AntD's CSS-in-JS collected, not injected: jsdom has no layout to apply it to, and parsing and cascading those
  // sheets on every getComputedStyle made the component tests several times slower.
  const result = render(
    <StyleProvider mock="server" cache={createCache()}>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StyleProvider>,
  );
  return { ...result, router, user, queryClient };
}

/** Signs a mock user in without going through the login page. */
export function signInAs(email: string) {
  const user = db.current.users.find((u) => u.email === email)!;
  const accessToken = `test-access-${email}`;
  const refreshToken = `test-refresh-${email}`;
  db.current.accessTokens.set(accessToken, email);
  db.current.refreshTokens.set(refreshToken, email);
  db.current.refreshCookie = refreshToken;
  session.signIn({ accessToken, accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
  return user;
}

/** Adds a mock user with exactly these permissions and signs them in. */
export function signInWithPermissions(permissions: string[], unitCode = 'HY') {
  const email = `perm-${permissions.join('-') || 'none'}@test`;
  db.current.users.push({
    id: '00000000-0000-4000-8000-000000000999',
    email,
    password: 'x',
    fullName: 'Người Dùng Thử',
    role: 'unit-officer',
    unitCode,
    permissions,
  });
  return signInAs(email);
}

/**
 * Waits for the app shell. The first render of a test file imports the lazy route modules, which Vitest transforms
 * on first use: CPU-bound work that took over 10 s on a machine loaded by other builds (load average 60), so the
 * wait allows 30 s; a shell that never comes still fails.
 */
export async function waitForShell() {
  await waitFor(() => expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument(), {
    timeout: 30_000,
  });
}

export * from '@testing-library/react';
