import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { councilQueryKey, getCouncil } from '../api/councils';

function CouncilCrumb({ id }: { id: string }) {
  const { data } = useQuery({ queryKey: councilQueryKey(id), queryFn: () => getCouncil(id) });
  return <>{data?.name ?? '…'}</>;
}

/** The `:councilId` route only names the council in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <CouncilCrumb id={String(match.params.councilId)} />,
};
