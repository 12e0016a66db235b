import { Navigate } from 'react-router-dom';
import { financePaths } from '../paths';

export function Component() {
  return <Navigate to={financePaths.overview} replace />;
}
