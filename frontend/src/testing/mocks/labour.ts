import type { HttpHandler } from 'msw';

/** MSW handlers for the labour screens' API. */
export const labourHandlers: HttpHandler[] = [];
