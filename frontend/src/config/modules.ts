import { PERMISSIONS, type Permission } from './permissions';

export type ModuleKey = 'training' | 'organization' | 'participation' | 'finance';

/** The four modules of the plan, in the order the navigation shows them, and what opens each. */
export const MODULES: readonly { key: ModuleKey; path: string; permission: Permission }[] = [
  { key: 'training', path: '/training', permission: PERMISSIONS.trainingRead },
  { key: 'organization', path: '/organization', permission: PERMISSIONS.unitsRead },
  { key: 'participation', path: '/participation', permission: PERMISSIONS.participationRead },
  { key: 'finance', path: '/finance', permission: PERMISSIONS.financeRead },
];
