import type { RouteObject } from 'react-router-dom';

/** Screens of this area under /training; only lazy imports here, this file is in the entry bundle. */
export const courseRoutes: RouteObject[] = [
  {
    path: 'courses',
    handle: { crumb: 'training.sections.courses' },
    children: [
      { index: true, lazy: () => import('./routes/course-list') },
      { path: 'new', lazy: () => import('./routes/propose-course') },
      { path: ':courseId', lazy: () => import('./routes/course-detail') },
      { path: ':courseId/edit', lazy: () => import('./routes/course-edit') },
    ],
  },
  {
    path: 'partners',
    handle: { crumb: 'training.sections.partners' },
    children: [
      { index: true, lazy: () => import('./routes/partner-list') },
      { path: ':partnerId', lazy: () => import('./routes/partner-detail') },
    ],
  },
  { path: 'workspace', handle: { crumb: 'training.sections.workspace' }, lazy: () => import('./routes/workspace') },
];
