import type { RouteObject } from 'react-router-dom';
import { RedirectKeepingSearch } from '@/components/redirect-keeping-search';
import { focalOfficialRoutes } from './focal-officials/routes';
import { labourRoutes } from './labour/routes';
import { officialRoutes } from './officials/routes';
import { planRoutes } from './plans/routes';
import { policyRoutes } from './policies/routes';
import { reportRoutes } from './reports/routes';
import { unitRoutes } from './units/routes';

/**
 * The Organization screens under /organization; only lazy imports here, this file is in the entry bundle.
 * Each sub-feature (units, officials, focal officials, policies, labour, plans, reports) adds its own routes under
 * the module's section tabs.
 */
export const organizationRoutes: RouteObject[] = [
  {
    lazy: () => import('./routes/organization-layout'),
    children: [
      { index: true, element: <RedirectKeepingSearch to="units" /> },
      ...unitRoutes,
      ...officialRoutes,
      ...focalOfficialRoutes,
      ...policyRoutes,
      ...labourRoutes,
      ...planRoutes,
      ...reportRoutes,
    ],
  },
];
