import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** The officials screens; only lazy imports here, this file is in the entry bundle. */
export const officialRoutes: RouteObject[] = [
  {
    path: 'officials',
    handle: { crumb: 'organization.officials' },
    children: [
      { index: true, lazy: () => import('./routes/official-list') },
      {
        path: 'new',
        handle: { crumb: 'organization.newOfficial' },
        lazy: requirePermission(PERMISSIONS.officialsManage),
        children: [{ index: true, lazy: () => import('./routes/official-create') }],
      },
      {
        path: ':officialId',
        lazy: () => import('./routes/official-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/official-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requirePermission(PERMISSIONS.officialsManage),
            children: [{ index: true, lazy: () => import('./routes/official-edit') }],
          },
        ],
      },
    ],
  },
];
