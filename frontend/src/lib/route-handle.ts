import type { ReactNode } from 'react';
import type { UIMatch } from 'react-router-dom';

/** What a route tells the shell about itself; `crumb` is an i18n key or a renderer. */
export interface RouteHandle {
  crumb?: string | ((match: UIMatch) => ReactNode);
}
