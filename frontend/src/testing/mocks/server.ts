import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { policyHandlers } from './policies';
import { labourHandlers } from './labour';
import { planHandlers } from './plans';
import { reportHandlers } from './reports';
import { unitHeadcountHandlers } from './unit-headcounts';
import { enrolmentHandlers } from './enrolments';
import { campaignHandlers } from './campaigns';
import { courseHandlers } from './courses';
import { dashboardHandlers } from './dashboard';
import { adminHandlers } from './admin';
import { homeHandlers } from './home';

export const server = setupServer(
  ...adminHandlers,
  ...enrolmentHandlers,
  ...unitHeadcountHandlers,
  ...handlers,
  ...policyHandlers,
  ...labourHandlers,
  ...planHandlers,
  ...reportHandlers,
  ...campaignHandlers,
  ...courseHandlers,
  ...dashboardHandlers,
  ...homeHandlers,
);
