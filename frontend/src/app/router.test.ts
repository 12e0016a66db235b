import { waitFor } from '@testing-library/react';
import { createQueryClient } from '@/lib/query-client';
import { session } from '@/lib/auth/session';
import { signInAs } from '@/testing/test-utils';
import { matchRoutes } from 'react-router-dom';
import { createAppRouter } from './router';
import { OPEN_ROUTES, routes } from './route-config';

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

  it('sends a signed-out visitor of any address but the login page and the public pages to the login page', () => {
    session.signOut();
    for (const [address, stays] of [
      ['/login', true],
      ['/verify/ABC123', true],
      ['/verify/khen-thuong/XYZ', true],
      ['/', false],
      ['/no-such-page', false],
      ['/organization/units', false],
    ] as const) {
      window.history.replaceState(null, '', address);
      const router = createAppRouter(createQueryClient());
      expect([address, router.state.location.pathname]).toEqual([address, stays ? address : '/login']);
      router.dispose();
    }
  });

  it('knows the open addresses without the whole route tree: exactly those no protected route claims', () => {
    // OPEN_ROUTES stands in for matching every route at start (#17); it must agree with the route tree.
    const protectedIn = (address: string) => matchRoutes(routes, address)?.some((m) => m.route.id === 'protected') ?? false;
    for (const address of ['/login', '/verify/ABC123', '/verify/khen-thuong/XYZ', '/', '/finance', '/no-such-page', '/admin/users', '/search'])
      expect([address, matchRoutes(OPEN_ROUTES, address) === null]).toEqual([address, protectedIn(address)]);
  });
});
