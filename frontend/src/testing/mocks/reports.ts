import type { HttpHandler } from 'msw';

/** MSW handlers for the reports screens' API. */
export const reportHandlers: HttpHandler[] = [];
