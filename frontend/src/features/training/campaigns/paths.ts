/** The campaign screens' paths (kept here so the area owns them). */
export const campaignPaths = {
  list: '/training/campaigns',
  create: '/training/campaigns/new',
  detail: (id: string) => `/training/campaigns/${id}`,
  edit: (id: string) => `/training/campaigns/${id}/edit`,
};
