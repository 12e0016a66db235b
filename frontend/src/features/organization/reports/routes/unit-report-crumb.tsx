import '../strings';
import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { unitReportQueryOptions } from '../api/unit-report';

function UnitReportCrumb({ periodId, unitId }: { periodId: string; unitId: string }) {
  const { data } = useQuery(unitReportQueryOptions(periodId, unitId));
  return <>{data?.report.unit.name ?? '…'}</>;
}

/** Names the reporting unit in the breadcrumbs. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <UnitReportCrumb periodId={String(match.params.periodId)} unitId={String(match.params.unitId)} />,
};
