/** The council screens' paths (kept here so the area owns them). */
export const councilPaths = {
  list: '/participation/councils',
  create: (itemId?: string) => (itemId ? `/participation/councils/new?itemId=${itemId}` : '/participation/councils/new'),
  detail: (id: string) => `/participation/councils/${id}`,
};
