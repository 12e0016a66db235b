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
import { formatIsoDate } from '@/lib/format/date';
import { YearSelect } from '../../emulation/components/year-select';
import { useHonouringEvents, type HonouringEventListItem } from '../api/honouring';
import { commendationPaths } from '../paths';

const FILTERS = ['year'] as const;

/** The honouring events (lễ tôn vinh) of the user's units, newest first. */
export function HonouringListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canHold = useHasPermission(PERMISSIONS.commendationsDecide);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-heldOn', filterKeys: FILTERS });
  const year = Number(params.filters.year) || undefined;
  const events = useHonouringEvents({
    page: params.page, pageSize: params.pageSize, ...(params.q ? { q: params.q } : {}), ...(year ? { year } : {}),
  });
  const title = t('honouring.title');
  const f = (k: string) => t(`honouring.fields.${k}`);
  useDocumentTitle(title);

  const columns: ListColumn<HonouringEventListItem>[] = [
    { title: f('name'), dataIndex: 'name', render: (v: string, r) => <Link to={commendationPaths.honouringEvent(r.id)}>{v}</Link> },
    { title: f('heldOn'), dataIndex: 'heldOn', render: (v: string) => formatIsoDate(v) },
    { title: f('venue'), dataIndex: 'venue', responsive: ['md'] },
    { title: f('unit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: f('honourees'), dataIndex: 'honourees', align: 'end' },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canHold ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(commendationPaths.newHonouringEvent)} data-testid="new-honouring-event">
            {t('honouring.new')}
          </Button>
        ) : null
      }
      filters={<YearSelect value={year ?? new Date().getFullYear()} onChange={(y) => update({ year: String(y) })} />}
      columns={columns}
      rowKey="id"
      query={events}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={f('name')}
    />
  );
}

export { HonouringListRoute as Component };
