import type { RouteObject } from 'react-router-dom';

/** The administration screens; only lazy imports here, this file is in the entry bundle. */
export const adminRoutes: RouteObject[] = [
  { index: true, lazy: () => import('./routes/admin-index') },
  { path: 'users', handle: { crumb: 'admin.sections.users' }, lazy: () => import('./routes/user-list') },
  { path: 'clients', handle: { crumb: 'admin.sections.clients' }, lazy: () => import('./routes/client-list') },
  { path: 'webhooks', handle: { crumb: 'admin.sections.webhooks' }, lazy: () => import('./routes/webhook-list') },
  { path: 'audit', handle: { crumb: 'admin.sections.audit' }, lazy: () => import('./routes/audit-list') },
];
