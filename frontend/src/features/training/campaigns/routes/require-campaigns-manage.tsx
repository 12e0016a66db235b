import { Result } from 'antd';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';

/** The gate of the campaign screens that change data (features cannot import app/'s gate; same 403 page). */
export function RequireCampaignsManage() {
  const { t } = useTranslation();
  if (!useHasPermission(PERMISSIONS.campaignsManage)) return <Result status="403" title={t('states.forbiddenTitle')} subTitle={t('states.errorForbidden')} />;
  return <Outlet />;
}

export { RequireCampaignsManage as Component };
