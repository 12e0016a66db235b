import { Navigate } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { adminPaths } from '../paths';

/** /admin opens the first section the user may use. */
export function AdminIndexRoute() {
  const canManage = useHasPermission(PERMISSIONS.usersManage);
  return <Navigate to={canManage ? adminPaths.users : adminPaths.audit} replace />;
}

export { AdminIndexRoute as Component };
