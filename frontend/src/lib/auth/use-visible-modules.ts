import { MODULES } from '@/config/modules';
import { hasPermission, useMe } from './auth';

/** The modules this user may open, in navigation order. */
export function useVisibleModules() {
  const { data: me } = useMe();
  return MODULES.filter((m) => hasPermission(me, m.permission));
}
