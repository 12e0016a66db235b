/** The administration screens. */
export const adminPaths = {
  root: '/admin',
  users: '/admin/users',
  clients: '/admin/clients',
  webhooks: '/admin/webhooks',
  audit: '/admin/audit',
} as const;
