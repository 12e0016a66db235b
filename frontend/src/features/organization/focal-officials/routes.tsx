import type { RouteObject } from 'react-router-dom';

/** The focal-official coverage report; only lazy imports here, this file is in the entry bundle. */
export const focalOfficialRoutes: RouteObject[] = [
  { path: 'focal-officials', handle: { crumb: 'organization.coverage.title' }, lazy: () => import('./routes/focal-coverage') },
];
