import { useDeferredValue } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/states';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions, useSessionStatus } from '@/lib/auth/auth';
import { paths } from '@/config/paths';

/** Lets signed-in users through once `/me` is known; everyone else goes to the login page. */
export function ProtectedRoute() {
  const status = useSessionStatus();
  const location = useLocation();
  // Asked only with a session: without one the answer is a redirect, not a 401.
  const me = useQuery({ ...meQueryOptions(), enabled: status === 'signed-in' });
  // The first render of the signed-in page (the frame, its menu and the route's screen) is the heaviest work of a
  // visit: done as a deferred render, React builds it in slices of a few milliseconds that let the browser answer
  // input between them instead of one long task (#17: the home page's total blocking time), the spinner meanwhile.
  // The initial value keeps it deferred when `/me` answered before this route mounted (the app asks it at start).
  const ready = useDeferredValue(me.data, undefined);

  if (status !== 'signed-in') {
    const redirectTo = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.login}?redirectTo=${redirectTo}`} replace />;
  }
  if (me.isPending || (!ready && me.data)) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  // After an administrator's reset the server answers nothing but the account until the user picks a password.
  if (me.data.mustChangePassword && location.pathname !== paths.changePassword) return <Navigate to={paths.changePassword} replace />;
  return <Outlet />;
}

export { ProtectedRoute as Component };
