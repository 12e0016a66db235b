import type { RouteObject } from 'react-router-dom';
import { commendationRoutes } from './commendations/routes';
import { councilRoutes } from './councils/routes';
import { emulationRoutes } from './emulation/routes';
import { initiativeRoutes } from './initiatives/routes';
import { topicRoutes } from './topics/routes';

/** The Participation & Emulation screens under /participation; only lazy imports here, this file is in the entry bundle. */
export const participationRoutes: RouteObject[] = [
  {
    lazy: () => import('./routes/participation-layout'),
    children: [{ index: true, lazy: () => import('./routes/participation-landing') }, ...initiativeRoutes, ...topicRoutes, ...councilRoutes, ...emulationRoutes, ...commendationRoutes],
  },
];
