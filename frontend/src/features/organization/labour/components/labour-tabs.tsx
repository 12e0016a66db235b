import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { labourPaths } from '../paths';

/** Switches between the labour database's screens: enterprises, summary, import (for those who manage the data). */
export function LabourTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { pathname } = useLocation();
  const canManage = useHasPermission(PERMISSIONS.labourManage);
  const options = [
    { value: labourPaths.enterprises, label: t('labour.tabs.enterprises') },
    { value: labourPaths.aggregates, label: t('labour.tabs.aggregates') },
    ...(canManage ? [{ value: labourPaths.import, label: t('labour.tabs.import') }] : []),
  ];
  return (
    <Segmented
      data-testid="labour-tabs"
      options={options}
      value={options.find((o) => o.value === pathname)?.value ?? labourPaths.enterprises}
      onChange={(value) => navigate(scoped(String(value)))}
    />
  );
}
