import { Navigate } from 'react-router-dom';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { councilPaths } from '../councils/paths';
import { initiativePaths } from '../initiatives/paths';

/** The module opens on the initiatives; a council member (who files none) opens on the councils they sit on. */
export function Component() {
  const submits = useHasPermission(PERMISSIONS.initiativesSubmit);
  const reads = useHasPermission(PERMISSIONS.initiativesRead);
  return <Navigate to={submits || reads ? initiativePaths.list : councilPaths.list} replace />;
}
