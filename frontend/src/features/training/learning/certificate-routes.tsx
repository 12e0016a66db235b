import type { RouteObject } from 'react-router-dom';

/** Screens of this area under /training; only lazy imports here, this file is in the entry bundle. */
export const certificateRoutes: RouteObject[] = [
  {
    path: 'calendar',
    handle: { crumb: 'trainingCertificates.calendar.crumb' },
    lazy: () => import('./certificate-calendar-feeds'),
  },
];
