import { waitFor } from '@testing-library/react';
import { createQueryClient } from '@/lib/query-client';
import { session } from '@/lib/auth/session';
import { signInAs } from '@/testing/test-utils';
import { createAppRouter } from './router';

// #17: with a session, the app asks `/me` as it starts (while the browser still downloads the frame and the screen),
// not once the protected route has rendered; without one, or on a public page, it asks nothing.
describe('createAppRouter', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('asks /me at once for a protected address with a session, before any route renders', async () => {
    signInAs('admin@hungyen.demo');
    window.history.replaceState(null, '', '/');
    const queryClient = createQueryClient();

    const router = createAppRouter(queryClient);

    await waitFor(() => expect(queryClient.getQueryData<{ email: string }>(['me'])?.email).toBe('admin@hungyen.demo'));
    expect(router.state.location.pathname).toBe('/');
    router.dispose();
  });

  it('asks nothing without a session: the address goes to the login page', async () => {
    session.signOut();
    window.history.replaceState(null, '', '/finance');
    const queryClient = createQueryClient();

    const router = createAppRouter(queryClient);

    expect(router.state.location.pathname).toBe('/login');
    expect(queryClient.getQueryCache().find({ queryKey: ['me'] })).toBeUndefined();
    router.dispose();
  });
});
