import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** The units screens (list, tree, structure as of a day, detail, edit, create); only lazy imports here, this file is in the entry bundle. */
export const unitRoutes: RouteObject[] = [
  { path: 'tree', handle: { crumb: 'organization.tree' }, lazy: () => import('./routes/unit-tree') },
  { path: 'as-of', handle: { crumb: 'organization.unitHistory.asOf.title' }, lazy: () => import('./routes/unit-as-of') },
  {
    path: 'units',
    handle: { crumb: 'organization.units' },
    children: [
      { index: true, lazy: () => import('./routes/unit-list') },
      {
        path: 'new',
        handle: { crumb: 'organization.newUnit' },
        lazy: requirePermission(PERMISSIONS.unitsManage),
        children: [{ index: true, lazy: () => import('./routes/unit-create') }],
      },
      {
        path: ':unitId',
        lazy: () => import('./routes/unit-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/unit-detail') },
          { path: 'edit', handle: { crumb: 'common.edit' }, lazy: () => import('./routes/unit-edit') },
        ],
      },
    ],
  },
];
