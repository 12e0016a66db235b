import '../strings';
import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { getPlanQueryOptions } from '../api/plans';

function PlanCrumb({ id }: { id: string }) {
  const { data } = useQuery(getPlanQueryOptions(id));
  return <>{data?.number ?? '…'}</>;
}

/** The `:planId` route only names the plan in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <PlanCrumb id={String(match.params.planId)} />,
};
