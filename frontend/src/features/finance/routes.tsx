import type { RouteObject } from 'react-router-dom';

/** The Finance & Funding screens under /finance; only lazy imports here, this file is in the entry bundle. */
export const financeRoutes: RouteObject[] = [
  {
    lazy: () => import('./routes/finance-layout'),
    children: [
      { index: true, lazy: () => import('./routes/finance-landing') },
      { path: 'overview', handle: { crumb: 'finance.overview' }, lazy: () => import('./routes/finance-overview') },
      { path: 'budgets', handle: { crumb: 'finance.budgets' }, children: [
        { index: true, lazy: () => import('./routes/budget-list') },
        { path: ':budgetId', lazy: () => import('./routes/budget-detail') },
      ] },
      { path: 'sources', handle: { crumb: 'finance.sources' }, children: [
        { index: true, lazy: () => import('./routes/source-list') },
        { path: ':sourceId', lazy: () => import('./routes/source-detail') },
      ] },
      { path: 'allocations/:allocationId', handle: { crumb: 'finance.allocations' }, lazy: () => import('./routes/allocation-detail') },
      { path: 'topics/:topicId/statement', handle: { crumb: 'finance.topicStatement' }, lazy: () => import('./routes/topic-statement') },
      { path: 'obligations', handle: { crumb: 'finance.obligations' }, lazy: () => import('./routes/obligations') },
      { path: 'reconciliation', handle: { crumb: 'finance.reconciliation' }, lazy: () => import('./routes/reconciliation') },
    ],
  },
];
