import '../strings';
import { Button, Checkbox, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { useMovements, useRegistrations, type RegistrationListItem, type RegistrationStatus } from '../api/emulation';
import { ClusterLedTag, LateTag, RegistrationStatusTag } from '../components/registration-tags';
import { YearSelect } from '../components/year-select';
import { emulationPaths } from '../paths';

const FILTERS = ['movementId', 'year', 'clusterLed'] as const;

/**
 * The registrations of the user's units: to self-score them, or (upper units) to review those below. A cluster
 * leader's officers also find their cluster's other units of that year here, tagged "Cụm do đơn vị dẫn đầu", with a
 * filter for them and a link to review those self-scored.
 */
export function RegistrationListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canRegister = useHasPermission(PERMISSIONS.emulationRegister);
  const canManage = useHasPermission(PERMISSIONS.emulationManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-registeredOn', filterKeys: FILTERS });
  const year = Number(params.filters.year) || undefined;
  const movementId = params.filters.movementId || undefined;
  const clusterLed = params.filters.clusterLed === 'true';
  const registrations = useRegistrations({
    page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}),
    ...(movementId ? { movementId } : {}), ...(year ? { year } : {}), ...(clusterLed ? { clusterLed: true } : {}),
  });
  const movements = useMovements({ pageSize: 100 });
  const title = t('emulation.registrations');
  const f = (k: string) => t(`emulation.fields.${k}`);
  useDocumentTitle(title);

  const columns: ListColumn<RegistrationListItem>[] = [
    {
      title: f('unit'),
      dataIndex: 'unitName',
      render: (v: string, r) => (
        <>
          <Link to={emulationPaths.registration(r.id)}>{v}</Link> {r.clusterLed ? <ClusterLedTag /> : null}
          {r.clusterLed && r.status === 'SelfScored' ? (
            <> <Link to={emulationPaths.registration(r.id)} data-testid={`review-${r.id}`}>{t('emulation.reviewLink')}</Link></>
          ) : null}
        </>
      ),
    },
    { title: f('movement'), dataIndex: 'movementName', responsive: ['md'] },
    { title: f('year'), dataIndex: 'year' },
    { title: f('status'), dataIndex: 'status', render: (s: RegistrationStatus) => <RegistrationStatusTag status={s} /> },
    { title: f('total'), dataIndex: 'total', sortKey: 'total', align: 'end' },
    { title: f('registeredOn'), dataIndex: 'registeredOn', sortKey: 'registeredOn', responsive: ['lg'], render: (d: string, r) => <>{formatIsoDate(d)} <LateTag late={r.late} /></> },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canRegister ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(emulationPaths.newRegistration)} data-testid="new-registration">
            {t('emulation.register')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            aria-label={f('movement')}
            allowClear
            placeholder={f('movement')}
            value={movementId}
            options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            onChange={(v?: string) => update({ movementId: v })}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <YearSelect value={year ?? new Date().getFullYear()} onChange={(y) => update({ year: String(y) })} />
          {canManage ? (
            <Checkbox checked={clusterLed} onChange={(e) => update({ clusterLed: e.target.checked ? 'true' : undefined })} data-testid="cluster-led-filter">
              {t('emulation.clusterLed')}
            </Checkbox>
          ) : null}
        </>
      }
      columns={columns}
      rowKey="id"
      query={registrations}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={f('movement')}
    />
  );
}

export { RegistrationListRoute as Component };
