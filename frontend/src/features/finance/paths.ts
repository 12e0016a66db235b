export const financePaths = {
  overview: '/finance/overview',
  budgets: '/finance/budgets',
  budget: (id: string) => `/finance/budgets/${id}`,
  allocation: (id: string) => `/finance/allocations/${id}`,
  topicStatement: (topicId: string) => `/finance/topics/${topicId}/statement`,
  sources: '/finance/sources',
  source: (id: string) => `/finance/sources/${id}`,
  obligations: '/finance/obligations',
  reconciliation: '/finance/reconciliation',
} as const;
