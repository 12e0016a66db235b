import { Navigate } from 'react-router-dom';
import { initiativePaths } from '../initiatives/paths';

/** The module opens on the initiatives (research topics, councils and emulation come later). */
export function Component() {
  return <Navigate to={initiativePaths.list} replace />;
}
