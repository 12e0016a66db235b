import '../strings';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePlans, type PlanListItem } from '../api/plans';
import { planPaths } from '../paths';

/** The plans the user's units issued or implement (the province's plan for everyone below it), newest first. */
export function PlanListRoute() {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-issuedOn' });
  const query = usePlans({ page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}) });

  useEffect(() => {
    document.title = `${t('plans.title')} · ${t('app.name')}`;
  }, [t]);

  const columns: ListColumn<PlanListItem>[] = [
    {
      title: t('plans.fields.number'),
      dataIndex: 'number',
      sortKey: 'number',
      render: (n: string, p) => <Link to={scoped(planPaths.plan(p.id))}>{n}</Link>,
    },
    { title: t('plans.fields.title'), dataIndex: 'title', sortKey: 'title', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
    { title: t('plans.fields.issuer'), dataIndex: 'issuerName', responsive: ['lg'] },
    { title: t('plans.fields.issuedOn'), dataIndex: 'issuedOn', sortKey: 'issuedOn', responsive: ['sm'], render: (d: string) => formatIsoDate(d) },
    {
      title: t('plans.fields.period'),
      key: 'period',
      responsive: ['md'],
      render: (_: unknown, p) => `${p.periodFrom} – ${p.periodTo}`,
    },
    { title: t('plans.fields.deadline'), dataIndex: 'implementationDeadline', responsive: ['md'], render: (d: string) => formatIsoDate(d) },
  ];

  return (
    <ListPage
      title={t('plans.title')}
      intro={t('plans.intro')}
      testId="plan-table"
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(planPaths.new()))} data-testid="new-plan">
            {t('plans.new')}
          </Button>
        ) : null
      }
      columns={columns}
      rowKey="id"
      query={query}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('plans.search')}
      emptyText={t('plans.empty')}
    />
  );
}

export { PlanListRoute as Component };
