import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { getInitiative, initiativeQueryKey } from '../api/initiatives';

function InitiativeCrumb({ id }: { id: string }) {
  const { data } = useQuery({ queryKey: initiativeQueryKey(id), queryFn: () => getInitiative(id) });
  return <>{data?.initiative.title ?? '…'}</>;
}

/** The `:initiativeId` route only names the initiative in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <InitiativeCrumb id={String(match.params.initiativeId)} />,
};
