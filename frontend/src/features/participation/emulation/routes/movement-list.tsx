import '../strings';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { useMovements, type MovementListItem } from '../api/emulation';
import { emulationPaths } from '../paths';

/** The emulation movements that apply to the user's units (launched by them or above them). */
export function MovementListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canLaunch = useHasPermission(PERMISSIONS.emulationManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'name', filterKeys: [] });
  const movements = useMovements({ page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}) });
  const title = t('emulation.movements');
  const f = (k: string) => t(`emulation.fields.${k}`);
  useDocumentTitle(title);

  const columns: ListColumn<MovementListItem>[] = [
    { title: f('name'), dataIndex: 'name', sortKey: 'name', render: (v: string, m) => <Link to={emulationPaths.movement(m.id)}>{v}</Link> },
    { title: f('kind'), dataIndex: 'kind', responsive: ['md'], render: (k: string) => t(`emulation.kind.${k}`) },
    { title: f('years'), dataIndex: 'fromYear', sortKey: 'fromYear', render: (y: number, m) => (m.toYear ? `${y}–${m.toYear}` : `${y}–`) },
    { title: f('launchingUnit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: f('criteria'), dataIndex: 'criteria', align: 'end', responsive: ['lg'] },
    { title: f('closedYears'), dataIndex: 'closedYears', responsive: ['md'], render: (y: number[]) => y.join(', ') || t('common.none') },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canLaunch ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(emulationPaths.newMovement)} data-testid="new-movement">
            {t('emulation.newMovement')}
          </Button>
        ) : null
      }
      columns={columns}
      rowKey="id"
      query={movements}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={f('name')}
    />
  );
}

export { MovementListRoute as Component };
