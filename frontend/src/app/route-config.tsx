import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { organizationRoutes } from '@/features/organization/routes';
import { trainingRoutes } from '@/features/training/routes';
import { publicTrainingRoutes } from '@/features/training/public-routes';
import { publicParticipationRoutes } from '@/features/participation/public-routes';
import { participationRoutes } from '@/features/participation/routes';
import { financeRoutes } from '@/features/finance/routes';
import { adminRoutes } from '@/features/admin/routes';
import { requirePermission } from '@/components/route-guards';
import { RouteErrorBoundary } from './routes/route-error';
import { BootFallback } from './routes/boot-fallback';

const PROTECTED_ROUTE_ID = 'protected';

/** The pages anyone may open without signing in: their addresses only (a certificate's or commendation's check). */
const publicRoutes: RouteObject[] = [...publicParticipationRoutes, ...publicTrainingRoutes];

/**
 * The addresses that need no session: the login page and the public pages. Every other address falls under the
 * protected route (its `*` child catches what no screen claims). Matching this short list tells a protected address
 * at start without a second pass over the whole route tree (169 routes, ~7 ms warm in Node, before the router's own
 * pass; issue #17: the app's start is the first render of every page).
 */
export const OPEN_ROUTES: RouteObject[] = [{ path: '/login' }, ...publicRoutes.map(({ path }) => ({ path }))];

/**
 * Every screen is loaded lazily, so the login route ships only what signing in needs. The login page is plain HTML
 * (no Ant Design); every other route sits under the pathless `antd-root` route, whose lazy module brings AntD's
 * ConfigProvider and App: the login page's bundle holds no AntD, and signing in loads it once.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: () => import('@/features/auth/routes/login'),
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <BootFallback />,
  },
  {
    id: 'antd-root',
    lazy: () => import('./routes/antd-root'),
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <BootFallback />,
    children: [
      ...publicRoutes.map((route) => ({ ...route, errorElement: <RouteErrorBoundary />, hydrateFallbackElement: <BootFallback /> })),
      {
        id: PROTECTED_ROUTE_ID,
        path: '/',
        lazy: () => import('./routes/protected'),
        errorElement: <RouteErrorBoundary />,
        hydrateFallbackElement: <BootFallback />,
        children: [
          {
            lazy: () => import('./routes/app-frame'),
            children: [
              { index: true, lazy: () => import('@/features/home/routes/home') },
              { path: 'account/password', handle: { crumb: 'auth.changePassword.title' }, lazy: () => import('@/features/auth/routes/change-password') },
              { path: 'search', handle: { crumb: 'search.title' }, lazy: () => import('@/features/search/routes/search') },
              {
                path: 'training',
                lazy: requirePermission(PERMISSIONS.trainingRead),
                handle: { crumb: 'modules.training' },
                children: trainingRoutes,
              },
              {
                path: 'participation',
                lazy: requirePermission(PERMISSIONS.participationRead),
                handle: { crumb: 'modules.participation' },
                children: participationRoutes,
              },
              {
                path: 'finance',
                lazy: requirePermission(PERMISSIONS.financeRead),
                handle: { crumb: 'modules.finance' },
                children: financeRoutes,
              },
              {
                path: 'organization',
                lazy: requirePermission(PERMISSIONS.unitsRead),
                handle: { crumb: 'modules.organization' },
                children: organizationRoutes,
              },
              {
                path: 'admin',
                lazy: requirePermission(PERMISSIONS.usersManage),
                handle: { crumb: 'modules.admin' },
                children: adminRoutes,
              },
              { path: '*', lazy: () => import('./routes/not-found') },
            ],
          },
        ],
      },
    ],
  },
];
