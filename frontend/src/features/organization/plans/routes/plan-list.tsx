import '../strings';
import { Button, Card, Input, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePlans, type PlanListItem } from '../api/plans';
import { planPaths } from '../paths';

const PAGE_SIZE = 20;

/** The plans the user's units issued or implement (the province's plan for everyone below it), newest first. */
export function PlanListRoute() {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const query = usePlans({ page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) });

  useEffect(() => {
    document.title = `${t('plans.title')} · ${t('app.name')}`;
  }, [t]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
      }
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(planPaths.new()))} data-testid="new-plan">
            {t('plans.new')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('plans.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('plans.search')}
        aria-label={t('plans.search')}
        onSearch={(v) => {
          setPage(1);
          setQ(v.trim());
        }}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table<PlanListItem>
        rowKey="id"
        data-testid="plan-table"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        tableLayout="auto"
        pagination={
          (query.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: query.data?.total, showSizeChanger: false, onChange: setPage }
            : false
        }
        locale={{ emptyText: <EmptyState description={t('plans.empty')} /> }}
        columns={[
          {
            title: t('plans.fields.number'),
            dataIndex: 'number',
            render: (n: string, p) => <Link to={scoped(planPaths.plan(p.id))}>{n}</Link>,
          },
          { title: t('plans.fields.title'), dataIndex: 'title', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
          { title: t('plans.fields.issuer'), dataIndex: 'issuerName', responsive: ['lg'] },
          { title: t('plans.fields.issuedOn'), dataIndex: 'issuedOn', responsive: ['sm'], render: (d: string) => formatIsoDate(d) },
          {
            title: t('plans.fields.period'),
            key: 'period',
            responsive: ['md'],
            render: (_: unknown, p) => `${p.periodFrom} – ${p.periodTo}`,
          },
          { title: t('plans.fields.deadline'), dataIndex: 'implementationDeadline', responsive: ['md'], render: (d: string) => formatIsoDate(d) },
        ]}
      />
    </Card>
  );
}

export { PlanListRoute as Component };
