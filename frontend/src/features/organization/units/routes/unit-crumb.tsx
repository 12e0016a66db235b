import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { getUnitQueryOptions } from '../api/units';

function UnitCrumb({ id }: { id: string }) {
  const { data } = useQuery(getUnitQueryOptions(id));
  return <>{data?.unit.name ?? '…'}</>;
}

/** The `:unitId` route only names the unit in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <UnitCrumb id={String(match.params.unitId)} />,
};
