import type { RouteObject } from 'react-router-dom';

/** The plans screens under /organization/plans; only lazy imports here, this file is in the entry bundle. */
export const planRoutes: RouteObject[] = [
  {
    path: 'plans',
    handle: { crumb: 'organization.sections.plans' },
    children: [
      { index: true, lazy: () => import('./routes/plan-list') },
      {
        path: 'new',
        handle: { crumb: 'plans.new' },
        // Gated inside the screen: features may not import app/route-guards (lint rule).
        lazy: () => import('./routes/plan-create'),
      },
      {
        path: ':planId',
        lazy: () => import('./routes/plan-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/plan-detail') },
          { path: 'edit', handle: { crumb: 'plans.edit' }, lazy: () => import('./routes/plan-edit') },
        ],
      },
    ],
  },
];
