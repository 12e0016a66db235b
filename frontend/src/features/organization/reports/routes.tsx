import type { RouteObject } from 'react-router-dom';

/** The reports screens under /organization/reports; only lazy imports here, this file is in the entry bundle. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    handle: { crumb: 'organization.sections.reports' },
    children: [
      { index: true, lazy: () => import('./routes/reports-home') },
      {
        path: 'new',
        handle: { crumb: 'reports.periods.new' },
        // Gated inside the screen: features may not import app/route-guards (lint rule).
        lazy: () => import('./routes/period-create'),
      },
      {
        path: ':periodId',
        lazy: () => import('./routes/period-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/synthesis') },
          { path: 'edit', handle: { crumb: 'reports.periods.edit' }, lazy: () => import('./routes/period-edit') },
          {
            path: 'units/:unitId',
            lazy: () => import('./routes/unit-report-crumb'),
            children: [{ index: true, lazy: () => import('./routes/report-form') }],
          },
        ],
      },
    ],
  },
];
