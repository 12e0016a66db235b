import type { HttpHandler } from 'msw';

/** MSW handlers for the plans screens' API. */
export const planHandlers: HttpHandler[] = [];
