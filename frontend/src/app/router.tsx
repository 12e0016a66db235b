import { createBrowserRouter, matchRoutes } from 'react-router-dom';
import { session } from '@/lib/auth/session';
import { paths } from '@/config/paths';
import { PROTECTED_ROUTE_ID, routes } from './route-config';

/**
 * Without a session, a protected address goes straight to the login page before the router starts, so a first
 * visit neither downloads the app layout nor Ant Design, nor asks `/api/v1/me` (the protected route would only
 * redirect anyway).
 */
function startSignedOutOnLogin() {
  const { pathname, search } = window.location;
  const matches = matchRoutes(routes, pathname);
  // The protected route is not the first match: it sits inside the pathless route that brings Ant Design.
  const isProtected = matches?.some((match) => match.route.id === PROTECTED_ROUTE_ID) ?? false;
  if (session.getStatus() === 'signed-in' || !isProtected) return;
  window.history.replaceState(null, '', `${paths.login}?redirectTo=${encodeURIComponent(pathname + search)}`);
}

export const createAppRouter = () => {
  startSignedOutOnLogin();
  return createBrowserRouter(routes);
};
