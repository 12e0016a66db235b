import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

const requireSubmit = requirePermission(PERMISSIONS.initiativesSubmit);

/** Screens of this area under /participation; only lazy imports here, this file is in the entry bundle. */
export const initiativeRoutes: RouteObject[] = [
  {
    path: 'my-initiatives',
    handle: { crumb: 'initiatives.mineTitle' },
    children: [{ index: true, lazy: () => import('./routes/my-initiatives') }],
  },
  {
    path: 'initiatives',
    handle: { crumb: 'initiatives.title' },
    children: [
      { index: true, lazy: () => import('./routes/initiative-list') },
      {
        path: 'new',
        handle: { crumb: 'initiatives.new' },
        lazy: requireSubmit,
        children: [{ index: true, lazy: () => import('./routes/initiative-create') }],
      },
      {
        path: ':initiativeId',
        lazy: () => import('./routes/initiative-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/initiative-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requireSubmit,
            children: [{ index: true, lazy: () => import('./routes/initiative-edit') }],
          },
        ],
      },
    ],
  },
];
