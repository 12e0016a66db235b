import type { RouteObject } from 'react-router-dom';

/** Training pages anyone may open without signing in (certificate verification); lazy imports only. */
export const publicTrainingRoutes: RouteObject[] = [{ path: '/verify/:code', lazy: () => import('./public/verify-certificate') }];
