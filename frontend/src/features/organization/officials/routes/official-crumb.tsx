import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { getOfficialQueryOptions } from '../api/officials';

function OfficialCrumb({ id }: { id: string }) {
  const { data } = useQuery(getOfficialQueryOptions(id));
  return <>{data?.official.fullName ?? '…'}</>;
}

/** The `:officialId` route only names the official in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <OfficialCrumb id={String(match.params.officialId)} />,
};
