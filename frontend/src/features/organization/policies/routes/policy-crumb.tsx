import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { getPolicyQueryOptions } from '../api/policies';

function PolicyCrumb({ id }: { id: string }) {
  const { data } = useQuery(getPolicyQueryOptions(id));
  return <>{data?.policy.number ?? '…'}</>;
}

/** The `:policyId` route only names the document in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <PolicyCrumb id={String(match.params.policyId)} />,
};
