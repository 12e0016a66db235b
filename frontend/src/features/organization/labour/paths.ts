/** The labour screens' paths (kept here, not in config/paths.ts, so the area owns them). */
export const labourPaths = {
  enterprises: '/organization/enterprises',
  newEnterprise: '/organization/enterprises/new',
  enterprise: (id: string) => `/organization/enterprises/${id}`,
  editEnterprise: (id: string) => `/organization/enterprises/${id}/edit`,
  import: '/organization/enterprises/import',
  aggregates: '/organization/enterprises/aggregates',
};
