/** The reports area's in-app paths (kept here rather than in config/paths.ts). */
export const reportPaths = {
  home: '/organization/reports',
  newPeriod: '/organization/reports/new',
  synthesis: (periodId: string) => `/organization/reports/${periodId}`,
  editPeriod: (periodId: string) => `/organization/reports/${periodId}/edit`,
  unitReport: (periodId: string, unitId: string) => `/organization/reports/${periodId}/units/${unitId}`,
} as const;
