/** The initiative screens' paths (kept here so the area owns them). */
export const initiativePaths = {
  list: '/participation/initiatives',
  mine: '/participation/my-initiatives',
  create: '/participation/initiatives/new',
  detail: (id: string) => `/participation/initiatives/${id}`,
  edit: (id: string) => `/participation/initiatives/${id}/edit`,
};
