import type { RouteObject } from 'react-router-dom';
import { RedirectKeepingSearch } from '@/components/redirect-keeping-search';
import { requirePermission } from '@/components/route-guards';
import { PERMISSIONS } from '@/config/permissions';
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
      ...policyRoutes,
      // A unit's records are for officers, boards and leaders; a member sees the hierarchy and the policy register (#16).
      {
        lazy: requirePermission(PERMISSIONS.recordsRead),
        children: [...officialRoutes, ...focalOfficialRoutes, ...labourRoutes, ...planRoutes, ...reportRoutes],
      },
    ],
  },
];
