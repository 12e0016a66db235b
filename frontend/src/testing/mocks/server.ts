import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { policyHandlers } from './policies';
import { labourHandlers } from './labour';
import { planHandlers } from './plans';
import { reportHandlers } from './reports';

export const server = setupServer(...handlers, ...policyHandlers, ...labourHandlers, ...planHandlers, ...reportHandlers);
