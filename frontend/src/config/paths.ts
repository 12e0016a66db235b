export const paths = {
  login: '/login',
  home: '/',
  training: '/training',
  participation: '/participation',
  finance: '/finance',
  organization: '/organization',
  units: '/organization/units',
  unitTree: '/organization/tree',
  newUnit: '/organization/units/new',
  unit: (id: string) => `/organization/units/${id}`,
  editUnit: (id: string) => `/organization/units/${id}/edit`,
} as const;
