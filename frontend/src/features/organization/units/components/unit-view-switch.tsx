import { Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { unitAsOfPath } from './unit-history-paths';

type UnitView = 'list' | 'tree' | 'asOf';
const TARGETS: Record<UnitView, string> = { list: paths.units, tree: paths.unitTree, asOf: unitAsOfPath() };

/** Switches between the unit list, the organization tree and the structure as of a day, keeping the scope. */
export function UnitViewSwitch({ current }: { current: UnitView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  return (
    <Segmented<UnitView>
      style={{ marginBottom: 12 }}
      value={current}
      onChange={(value) => navigate(scoped(TARGETS[value]))}
      options={[
        { value: 'list', label: t('organization.unitList') },
        { value: 'tree', label: t('organization.tree') },
        { value: 'asOf', label: t('organization.unitHistory.asOf.title') },
      ]}
    />
  );
}
