import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

const requireCampaignsManage = requirePermission(PERMISSIONS.campaignsManage);

/** Screens of this area under /training; only lazy imports here, this file is in the entry bundle. */
export const campaignRoutes: RouteObject[] = [
  {
    path: 'campaigns',
    handle: { crumb: 'training.sections.campaigns' },
    children: [
      { index: true, lazy: () => import('./routes/campaign-list') },
      {
        path: 'new',
        handle: { crumb: 'trainingCampaigns.new' },
        lazy: requireCampaignsManage,
        children: [{ index: true, lazy: () => import('./routes/campaign-create') }],
      },
      {
        path: ':campaignId',
        lazy: () => import('./routes/campaign-crumb'),
        children: [
          { index: true, lazy: () => import('./routes/campaign-detail') },
          {
            path: 'edit',
            handle: { crumb: 'common.edit' },
            lazy: requireCampaignsManage,
            children: [{ index: true, lazy: () => import('./routes/campaign-edit') }],
          },
        ],
      },
    ],
  },
];
