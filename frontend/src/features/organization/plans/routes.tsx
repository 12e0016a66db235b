import type { RouteObject } from 'react-router-dom';

/** The plans screens under /organization/plans; only lazy imports here, this file is in the entry bundle. */
export const planRoutes: RouteObject[] = [
  {
    path: 'plans',
    handle: { crumb: 'organization.sections.plans' },
    children: [
      { index: true, lazy: () => import('./routes/plan-list') },
      {
        path: ':planId',
        lazy: () => import('./routes/plan-crumb'),
        children: [{ index: true, lazy: () => import('./routes/plan-detail') }],
      },
    ],
  },
];
