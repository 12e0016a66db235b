import { Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

/** Switches between the unit list and the organization tree, keeping the scope. */
export function UnitViewSwitch({ current }: { current: 'list' | 'tree' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  return (
    <Segmented
      style={{ marginBottom: 12 }}
      value={current}
      onChange={(value) => navigate(scoped(value === 'tree' ? paths.unitTree : paths.units))}
      options={[
        { value: 'list', label: t('organization.unitList') },
        { value: 'tree', label: t('organization.tree') },
      ]}
    />
  );
}
