import type { RouteObject } from 'react-router-dom';
import { publicLearningRoutes } from './learning/routes';

/** Training pages anyone may open without signing in (certificate verification); lazy imports only. */
export const publicTrainingRoutes: RouteObject[] = [...publicLearningRoutes];
