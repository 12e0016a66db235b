import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** Emulation screens under /participation/emulation; only lazy imports here, this file is in the entry bundle. */
export const emulationRoutes: RouteObject[] = [
  {
    path: 'emulation',
    handle: { crumb: 'emulation.title' },
    children: [
      { index: true, lazy: () => import('./routes/movement-list') },
      {
        path: 'movements',
        handle: { crumb: 'emulation.movements' },
        children: [
          { index: true, lazy: () => import('./routes/movement-list') },
          {
            path: 'new',
            handle: { crumb: 'emulation.newMovement' },
            lazy: requirePermission(PERMISSIONS.emulationManage),
            children: [{ index: true, lazy: () => import('./routes/movement-form') }],
          },
          {
            path: ':movementId',
            handle: { crumb: 'emulation.movement' },
            children: [
              { index: true, lazy: () => import('./routes/movement-detail') },
              {
                path: 'edit',
                handle: { crumb: 'common.edit' },
                lazy: requirePermission(PERMISSIONS.emulationManage),
                children: [{ index: true, lazy: () => import('./routes/movement-form') }],
              },
            ],
          },
        ],
      },
      { path: 'clusters', handle: { crumb: 'emulation.clusters' }, lazy: () => import('./routes/cluster-list') },
      {
        path: 'registrations',
        handle: { crumb: 'emulation.registrations' },
        children: [
          { index: true, lazy: () => import('./routes/registration-list') },
          {
            path: 'new',
            handle: { crumb: 'emulation.register' },
            lazy: requirePermission(PERMISSIONS.emulationRegister),
            children: [{ index: true, lazy: () => import('./routes/registration-create') }],
          },
          { path: ':registrationId', handle: { crumb: 'emulation.registration' }, lazy: () => import('./routes/registration-detail') },
        ],
      },
      { path: 'ranking', handle: { crumb: 'emulation.ranking' }, lazy: () => import('./routes/ranking') },
    ],
  },
];
