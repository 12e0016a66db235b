import { createBrowserRouter, matchRoutes } from 'react-router-dom';
import { session } from '@/lib/auth/session';
import { paths } from '@/config/paths';
import { PROTECTED_ROUTE_ID, routes } from './route-config';

/**
 * Without a session, a protected address goes straight to the login page before the router starts, so a first
 * visit neither downloads the app layout nor asks `/api/v1/me` (the protected route would only redirect anyway).
 */
function startSignedOutOnLogin() {
  const { pathname, search } = window.location;
  const matches = matchRoutes(routes, pathname);
  if (session.getStatus() === 'signed-in' || matches?.[0]?.route.id !== PROTECTED_ROUTE_ID) return;
  window.history.replaceState(null, '', `${paths.login}?redirectTo=${encodeURIComponent(pathname + search)}`);
}

export const createAppRouter = () => {
  startSignedOutOnLogin();
  return createBrowserRouter(routes);
};
