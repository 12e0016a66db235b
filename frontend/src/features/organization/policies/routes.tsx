import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** The policy register's screens; only lazy imports here, this file is in the entry bundle. */
export const policyRoutes: RouteObject[] = [
  {
    path: 'policies',
    handle: { crumb: 'organization.policies.title' },
    children: [
      { index: true, lazy: () => import('./routes/policy-list') },
      {
        path: 'new',
        handle: { crumb: 'organization.policies.new' },
        lazy: requirePermission(PERMISSIONS.policiesManage),
        children: [{ index: true, lazy: () => import('./routes/policy-create') }],
      },
      {
        path: ':policyId',
        lazy: () => import('./routes/policy-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/policy-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requirePermission(PERMISSIONS.policiesManage),
            children: [{ index: true, lazy: () => import('./routes/policy-edit') }],
          },
        ],
      },
    ],
  },
];
