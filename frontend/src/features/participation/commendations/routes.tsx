import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { requirePermission } from '@/components/route-guards';

/** Commendation screens under /participation/commendations; only lazy imports here, this file is in the entry bundle. */
export const commendationRoutes: RouteObject[] = [
  {
    path: 'my-commendations',
    handle: { crumb: 'commendations.mineTitle' },
    children: [{ index: true, lazy: () => import('./routes/my-commendations') }],
  },
  {
    path: 'commendations',
    handle: { crumb: 'commendations.title' },
    children: [
      { index: true, lazy: () => import('./routes/proposal-list') },
      {
        path: 'new',
        handle: { crumb: 'commendations.newProposal' },
        lazy: requirePermission(PERMISSIONS.commendationsPropose),
        children: [{ index: true, lazy: () => import('./routes/proposal-form') }],
      },
      { path: 'history', handle: { crumb: 'commendations.history' }, lazy: () => import('./routes/commendation-history') },
      { path: ':proposalId', handle: { crumb: 'commendations.proposal' }, lazy: () => import('./routes/proposal-detail') },
    ],
  },
  {
    path: 'honouring-events',
    handle: { crumb: 'honouring.title' },
    children: [
      { index: true, lazy: () => import('./routes/honouring-list') },
      {
        path: 'new',
        handle: { crumb: 'honouring.new' },
        lazy: requirePermission(PERMISSIONS.commendationsDecide),
        children: [{ index: true, lazy: () => import('./routes/honouring-form') }],
      },
      { path: ':eventId', handle: { crumb: 'honouring.event' }, lazy: () => import('./routes/honouring-detail') },
    ],
  },
];
