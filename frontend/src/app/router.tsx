import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes } from 'react-router-dom';
import { session } from '@/lib/auth/session';
import { paths } from '@/config/paths';
import { OPEN_ROUTES, routes } from './route-config';

/**
 * Without a session, a protected address goes straight to the login page before the router starts, so a first
 * visit neither downloads the app layout nor Ant Design, nor asks `/api/v1/me` (the protected route would only
 * redirect anyway).
 */
function startSignedOutOnLogin(queryClient: QueryClient) {
  const { pathname, search } = window.location;
  // Whatever is not the login page or a public page is the protected route's (see OPEN_ROUTES).
  const isProtected = matchRoutes(OPEN_ROUTES, pathname) === null;
  if (!isProtected) return;
  if (session.getStatus() === 'signed-in') askForTheUserEarly(queryClient);
  else window.history.replaceState(null, '', `${paths.login}?redirectTo=${encodeURIComponent(pathname + search)}`);
}

/**
 * With a session, a protected address asks `/me` (and through it the token refresh) as the app starts, while the
 * browser still downloads Ant Design, the frame and the screen: the protected route finds the answer (or the request
 * in flight) instead of starting it after them (#17: two round trips off the signed-in home page's first paint).
 * The module holding the request is loaded then, so the login page's bundle does not grow.
 */
function askForTheUserEarly(queryClient: QueryClient) {
  void import('@/lib/auth/auth').then(({ meQueryOptions }) => queryClient.prefetchQuery(meQueryOptions()));
}

export const createAppRouter = (queryClient: QueryClient) => {
  startSignedOutOnLogin(queryClient);
  return createBrowserRouter(routes);
};
