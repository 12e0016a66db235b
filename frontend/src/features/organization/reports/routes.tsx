import type { RouteObject } from 'react-router-dom';

/** The reports screens under /organization/reports; only lazy imports here, this file is in the entry bundle. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    handle: { crumb: 'organization.sections.reports' },
    children: [{ index: true, lazy: () => import('./routes/reports-home') }],
  },
];
