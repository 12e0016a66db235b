import { Navigate, useLocation } from 'react-router-dom';

/** A redirect that keeps `?unit=` and the other search params. */
export function RedirectKeepingSearch({ to }: { to: string }) {
  const { search } = useLocation();
  return <Navigate to={{ pathname: to, search }} replace />;
}
