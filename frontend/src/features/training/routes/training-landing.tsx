import { Navigate } from 'react-router-dom';
import { trainingPaths } from '../paths';

/** The module opens on the course catalogue. */
export function Component() {
  return <Navigate to={trainingPaths.courses} replace />;
}
