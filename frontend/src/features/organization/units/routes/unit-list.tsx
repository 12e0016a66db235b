import { Button, Select, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useUnits, type GetUnitsQuery, type UnitListItem } from '../api/units';
import { UNIT_KINDS, type UnitKind } from '../../shared/unit-kinds';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import { UnitViewSwitch } from '../components/unit-view-switch';
import { UnitStatusTag } from '../components/unit-history-status-tag';

const FILTERS = ['kind', 'inactive'] as const;

/** Units in the chosen scope, with server-side paging, sorting, search and a kind filter, all in the URL. */
export function UnitListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const kindLabel = useUnitKindLabel();
  const { unitId } = useUnitScope();
  const canManage = useHasPermission(PERMISSIONS.unitsManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'name', filterKeys: FILTERS });

  const query: GetUnitsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(params.filters.kind ? { kind: params.filters.kind as UnitKind } : {}),
    ...(unitId ? { within: unitId } : {}),
    ...(params.filters.inactive ? { includeInactive: true } : {}),
  };
  const units = useUnits(query);

  useEffect(() => {
    document.title = `${t('organization.units')} · ${t('app.name')}`;
  }, [t]);

  const columns: ListColumn<UnitListItem>[] = [
    { title: t('organization.fields.code'), dataIndex: 'code', sortKey: 'code', responsive: ['sm'] },
    {
      title: t('organization.fields.name'),
      dataIndex: 'name',
      sortKey: 'name',
      render: (name: string, unit) => (
        <>
          <Link to={scoped(paths.unit(unit.id))}>{name}</Link>
          <UnitStatusTag status={unit.status} hideActive />
          {/* On a phone the code column is hidden: show the code under the name instead. */}
          <Typography.Text type="secondary" className="phone-only" style={{ fontSize: 12 }}>
            {unit.code}
          </Typography.Text>
        </>
      ),
    },
    { title: t('organization.fields.kind'), dataIndex: 'kind', render: (kind: string) => kindLabel(kind), responsive: ['md'] },
    {
      title: t('organization.fields.parent'),
      dataIndex: 'parentName',
      render: (name: string | null) => name ?? t('common.none'),
      responsive: ['lg'],
    },
  ];

  return (
    <>
      <UnitViewSwitch current="list" />
      <ListPage
        title={t('organization.units')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(paths.newUnit))}>
              {t('organization.newUnit')}
            </Button>
          ) : null
        }
        filters={
          <Space wrap>
            <Select
              aria-label={t('list.filterBy', { field: t('organization.fields.kind') })}
              data-testid="kind-filter"
              value={params.filters.kind ?? ''}
              onChange={(kind) => update({ kind: kind || undefined })}
              style={{ minWidth: 220 }}
              options={[
                { value: '', label: `${t('organization.fields.kind')}: ${t('list.all')}` },
                ...UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
              ]}
            />
            <label>
              <Switch
                size="small"
                data-testid="include-inactive"
                checked={Boolean(params.filters.inactive)}
                onChange={(on) => update({ inactive: on ? '1' : undefined })}
              />{' '}
              {t('organization.unitHistory.includeInactive')}
            </label>
          </Space>
        }
        columns={columns}
        rowKey="id"
        query={units}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
      />
    </>
  );
}

export { UnitListRoute as Component };
