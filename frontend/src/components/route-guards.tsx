import type { Permission } from '@/config/permissions';

/** A lazily loaded permission gate, so its "forbidden" page stays out of the login bundle. */
export const requirePermission = (permission: Permission) => async () => {
  const { RequirePermission } = await import('./require-permission');
  return { element: <RequirePermission permission={permission} /> };
};
