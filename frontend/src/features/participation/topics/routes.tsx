import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** Research-topic screens under /participation; only lazy imports here, this file is in the entry bundle. */
export const topicRoutes: RouteObject[] = [
  {
    path: 'research-calls',
    handle: { crumb: 'topics.calls' },
    children: [
      { index: true, lazy: () => import('./routes/call-list') },
      {
        path: 'new',
        handle: { crumb: 'topics.newCall' },
        lazy: requirePermission(PERMISSIONS.topicsManage),
        children: [{ index: true, lazy: () => import('./routes/call-form') }],
      },
    ],
  },
  {
    path: 'topics',
    handle: { crumb: 'topics.title' },
    children: [
      { index: true, lazy: () => import('./routes/topic-list') },
      {
        path: 'new',
        handle: { crumb: 'topics.newTopic' },
        lazy: requirePermission(PERMISSIONS.topicsPropose),
        children: [{ index: true, lazy: () => import('./routes/topic-create') }],
      },
      {
        path: ':topicId',
        lazy: () => import('./routes/topic-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/topic-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requirePermission(PERMISSIONS.topicsPropose),
            children: [{ index: true, lazy: () => import('./routes/topic-edit') }],
          },
        ],
      },
    ],
  },
];
