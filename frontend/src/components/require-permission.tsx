import { Result } from 'antd';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '@/lib/auth/auth';
import type { Permission } from '@/config/permissions';

export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const allowed = useHasPermission(permission);
  if (!allowed) return <Result status="403" title={t('states.forbiddenTitle')} subTitle={t('states.errorForbidden')} />;
  return <Outlet />;
}
