import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

const requireLabourManage = requirePermission(PERMISSIONS.labourManage);

/** The labour screens under /organization/enterprises; only lazy imports here, this file is in the entry bundle. */
export const labourRoutes: RouteObject[] = [
  {
    path: 'enterprises',
    handle: { crumb: 'organization.sections.enterprises' },
    children: [
      { index: true, lazy: () => import('./routes/enterprise-list') },
      { path: 'aggregates', handle: { crumb: 'labour.tabs.aggregates' }, lazy: () => import('./routes/labour-aggregates') },
      {
        path: 'import',
        handle: { crumb: 'labour.tabs.import' },
        lazy: requireLabourManage,
        children: [{ index: true, lazy: () => import('./routes/labour-import') }],
      },
      {
        path: 'new',
        handle: { crumb: 'labour.newEnterprise' },
        lazy: requireLabourManage,
        children: [{ index: true, lazy: () => import('./routes/enterprise-create') }],
      },
      {
        path: ':enterpriseId',
        lazy: () => import('./routes/enterprise-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/enterprise-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requireLabourManage,
            children: [{ index: true, lazy: () => import('./routes/enterprise-edit') }],
          },
        ],
      },
    ],
  },
];
