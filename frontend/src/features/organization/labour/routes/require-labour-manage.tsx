import { Result } from 'antd';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';

/**
 * The gate of the labour screens that change data (the lint rules keep features from importing app/'s
 * requirePermission, so the area has its own lazy gate; it renders the same 403 page).
 */
export function RequireLabourManage() {
  const { t } = useTranslation();
  if (!useHasPermission(PERMISSIONS.labourManage)) return <Result status="403" title={t('states.forbiddenTitle')} subTitle={t('states.errorForbidden')} />;
  return <Outlet />;
}

export { RequireLabourManage as Component };
