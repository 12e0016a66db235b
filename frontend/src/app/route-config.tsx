import type { RouteObject } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { labourRoutes } from '@/features/organization/labour/routes';
import { planRoutes } from '@/features/organization/plans/routes';
import { reportRoutes } from '@/features/organization/reports/routes';
import { trainingRoutes } from '@/features/training/routes';
import { publicTrainingRoutes } from '@/features/training/public-routes';
import { requirePermission } from './route-guards';
import { RedirectKeepingSearch } from './routes/redirect';
import { RouteErrorBoundary } from './routes/route-error';
import { BootFallback } from './routes/boot-fallback';

export const PROTECTED_ROUTE_ID = 'protected';

/** Every screen is loaded lazily, so the login route ships only what signing in needs. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: () => import('@/features/auth/routes/login'),
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <BootFallback />,
  },
  ...publicTrainingRoutes.map((route) => ({ ...route, errorElement: <RouteErrorBoundary />, hydrateFallbackElement: <BootFallback /> })),
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
            children: [{ index: true, lazy: () => import('@/features/participation/routes/participation-landing') }],
          },
          {
            path: 'finance',
            lazy: requirePermission(PERMISSIONS.financeRead),
            handle: { crumb: 'modules.finance' },
            children: [{ index: true, lazy: () => import('@/features/finance/routes/finance-landing') }],
          },
          {
            path: 'organization',
            lazy: requirePermission(PERMISSIONS.unitsRead),
            handle: { crumb: 'modules.organization' },
            children: [
              {
                // The module's section tabs (units, officials, focal officials) above every screen.
                lazy: () => import('@/features/organization/routes/organization-layout'),
                children: [
                  { index: true, element: <RedirectKeepingSearch to="units" /> },
                  {
                    path: 'tree',
                    handle: { crumb: 'organization.tree' },
                    lazy: () => import('@/features/organization/routes/unit-tree'),
                  },
                  { path: 'as-of', handle: { crumb: 'organization.unitHistory.asOf.title' }, lazy: () => import('@/features/organization/routes/unit-as-of') },
                  {
                    path: 'units',
                    handle: { crumb: 'organization.units' },
                    children: [
                      { index: true, lazy: () => import('@/features/organization/routes/unit-list') },
                      {
                        path: 'new',
                        handle: { crumb: 'organization.newUnit' },
                        lazy: requirePermission(PERMISSIONS.unitsManage),
                        children: [{ index: true, lazy: () => import('@/features/organization/routes/unit-create') }],
                      },
                      {
                        path: ':unitId',
                        lazy: () => import('@/features/organization/routes/unit-crumb'),
                        children: [
                          { index: true, lazy: () => import('@/features/organization/routes/unit-detail') },
                          {
                            path: 'edit',
                            handle: { crumb: 'common.edit' },
                            lazy: () => import('@/features/organization/routes/unit-edit'),
                          },
                        ],
                      },
                    ],
                  },
                  {
                    path: 'officials',
                    handle: { crumb: 'organization.officials' },
                    children: [
                      { index: true, lazy: () => import('@/features/organization/routes/official-list') },
                      {
                        path: 'new',
                        handle: { crumb: 'organization.newOfficial' },
                        lazy: requirePermission(PERMISSIONS.officialsManage),
                        children: [{ index: true, lazy: () => import('@/features/organization/routes/official-create') }],
                      },
                      {
                        path: ':officialId',
                        lazy: () => import('@/features/organization/routes/official-crumb'),
                        children: [
                          { index: true, lazy: () => import('@/features/organization/routes/official-detail') },
                          {
                            path: 'edit',
                            handle: { crumb: 'common.edit' },
                            lazy: requirePermission(PERMISSIONS.officialsManage),
                            children: [{ index: true, lazy: () => import('@/features/organization/routes/official-edit') }],
                          },
                        ],
                      },
                    ],
                  },
                  {
                    path: 'focal-officials',
                    handle: { crumb: 'organization.coverage.title' },
                    lazy: () => import('@/features/organization/routes/focal-coverage'),
                  },
                  {
                    path: 'policies',
                    handle: { crumb: 'organization.policies.title' },
                    children: [
                      { index: true, lazy: () => import('@/features/organization/routes/policy-list') },
                      {
                        path: 'new',
                        handle: { crumb: 'organization.policies.new' },
                        lazy: requirePermission(PERMISSIONS.policiesManage),
                        children: [{ index: true, lazy: () => import('@/features/organization/routes/policy-create') }],
                      },
                      {
                        path: ':policyId',
                        lazy: () => import('@/features/organization/routes/policy-crumb'),
                        children: [
                          { index: true, lazy: () => import('@/features/organization/routes/policy-detail') },
                          {
                            path: 'edit',
                            handle: { crumb: 'common.edit' },
                            lazy: requirePermission(PERMISSIONS.policiesManage),
                            children: [{ index: true, lazy: () => import('@/features/organization/routes/policy-edit') }],
                          },
                        ],
                      },
                    ],
                  },
                  ...labourRoutes,
                  ...planRoutes,
                  ...reportRoutes,
                ],
              },
            ],
          },
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
];
