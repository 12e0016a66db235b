import type { RouteObject } from 'react-router-dom';

/**
 * Nominations, attendance, my trainings, certificates and calendars under /training; only lazy imports here, this
 * file is in the entry bundle.
 */
export const learningRoutes: RouteObject[] = [
  { path: 'courses/:courseId/attendance', lazy: () => import('./routes/attendance-sheet') },
  { path: 'my', handle: { crumb: 'training.sections.myTrainings' }, lazy: () => import('./routes/my-trainings') },
  { path: 'calendar', handle: { crumb: 'trainingCertificates.calendar.crumb' }, lazy: () => import('./routes/calendar-feeds') },
];

/** The certificate check anyone may open without signing in. */
export const publicLearningRoutes: RouteObject[] = [{ path: '/verify/:code', lazy: () => import('./routes/verify-certificate') }];
