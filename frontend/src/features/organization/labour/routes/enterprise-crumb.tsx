import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { enterpriseQueryKey, getEnterprise } from '../api/enterprises';

function EnterpriseCrumb({ id }: { id: string }) {
  const { data } = useQuery({ queryKey: enterpriseQueryKey(id), queryFn: () => getEnterprise(id) });
  return <>{data?.enterprise.name ?? '…'}</>;
}

/** The `:enterpriseId` route only names the enterprise in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <EnterpriseCrumb id={String(match.params.enterpriseId)} />,
};
