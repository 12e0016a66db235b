import type { RouteObject } from 'react-router-dom';
import { campaignRoutes } from './campaigns/routes';
import { courseRoutes } from './courses/routes';
import { learningRoutes } from './learning/routes';

/**
 * The Awareness & Training screens under /training; only lazy imports here, this file is in the entry bundle.
 * Each area (campaigns, courses and partners, my trainings and certificates) adds its own routes.
 */
export const trainingRoutes: RouteObject[] = [
  {
    lazy: () => import('./routes/training-layout'),
    children: [{ index: true, lazy: () => import('./routes/training-landing') }, ...campaignRoutes, ...courseRoutes, ...learningRoutes],
  },
];
