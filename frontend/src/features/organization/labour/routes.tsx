import type { RouteObject } from 'react-router-dom';

/** The labour screens under /organization/enterprises; only lazy imports here, this file is in the entry bundle. */
export const labourRoutes: RouteObject[] = [
  {
    path: 'enterprises',
    handle: { crumb: 'organization.sections.enterprises' },
    children: [{ index: true, lazy: () => import('./routes/enterprise-list') }],
  },
];
