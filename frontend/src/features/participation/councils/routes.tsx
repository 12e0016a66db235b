import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** Screens of this area under /participation; only lazy imports here, this file is in the entry bundle. */
export const councilRoutes: RouteObject[] = [
  {
    path: 'councils',
    handle: { crumb: 'councils.title' },
    children: [
      { index: true, lazy: () => import('./routes/council-list') },
      {
        path: 'new',
        handle: { crumb: 'councils.new' },
        lazy: requirePermission(PERMISSIONS.initiativesRecognise),
        children: [{ index: true, lazy: () => import('./routes/council-create') }],
      },
      {
        path: ':councilId',
        lazy: () => import('./routes/council-crumb'),
        children: [{ index: true, lazy: () => import('./routes/council-detail') }],
      },
    ],
  },
];
