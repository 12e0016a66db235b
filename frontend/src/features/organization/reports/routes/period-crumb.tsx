import '../strings';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { periodQueryOptions } from '../api/periods';

function PeriodCrumb({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(periodQueryOptions(id));
  return <>{data ? t('reports.periods.crumb', { year: data.year }) : '…'}</>;
}

/** The `:periodId` route only names the period in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <PeriodCrumb id={String(match.params.periodId)} />,
};
