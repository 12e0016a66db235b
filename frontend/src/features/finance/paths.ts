export const financePaths = {
  budgets: '/finance/budgets',
  budget: (id: string) => `/finance/budgets/${id}`,
  allocation: (id: string) => `/finance/allocations/${id}`,
  obligations: '/finance/obligations',
  reconciliation: '/finance/reconciliation',
} as const;
