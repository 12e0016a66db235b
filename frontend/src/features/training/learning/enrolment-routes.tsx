import type { RouteObject } from 'react-router-dom';

/** Screens of this area under /training; only lazy imports here, this file is in the entry bundle. */
export const enrolmentRoutes: RouteObject[] = [
  { path: 'courses/:courseId/attendance', lazy: () => import('./routes/attendance-sheet') },
  { path: 'my', handle: { crumb: 'training.sections.myTrainings' }, lazy: () => import('./routes/my-trainings') },
];
