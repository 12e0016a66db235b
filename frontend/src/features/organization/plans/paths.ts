/** In-app paths of the plans screens. */
export const planPaths = {
  list: () => '/organization/plans',
  plan: (id: string, tab?: 'content' | 'compliance' | 'ours') => `/organization/plans/${id}${tab ? `?tab=${tab}` : ''}`,
};
