import type { RouteObject } from 'react-router-dom';
import { certificateRoutes } from './certificate-routes';
import { enrolmentRoutes } from './enrolment-routes';

/** Nominations, attendance, my trainings, certificates and calendars under /training; lazy imports only. */
export const learningRoutes: RouteObject[] = [...enrolmentRoutes, ...certificateRoutes];
