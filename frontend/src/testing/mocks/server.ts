import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { policyHandlers } from './policies';

export const server = setupServer(...handlers, ...policyHandlers);
