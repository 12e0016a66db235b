import type { RouteObject } from 'react-router-dom';

/** Participation pages anyone may open without signing in (a commendation certificate's QR check); lazy imports only. */
export const publicParticipationRoutes: RouteObject[] = [
  { path: '/verify/khen-thuong/:code', lazy: () => import('./commendations/routes/verify-honour-certificate') },
];
