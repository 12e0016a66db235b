/** In-app paths of the plans screens. */
export const planPaths = {
  list: () => '/organization/plans',
  new: () => '/organization/plans/new',
  edit: (id: string) => `/organization/plans/${id}/edit`,
  plan: (id: string, tab?: 'content' | 'compliance' | 'ours') => `/organization/plans/${id}${tab ? `?tab=${tab}` : ''}`,
};
