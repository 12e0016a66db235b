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
import { createPartner, usePartnerMutation, usePartners, type PartnerKind, type PartnerListItem } from '../api/partners';
import { PartnerForm } from '../components/partner-form';
import { coursePaths } from '../paths';

const PAGE_SIZE = 20;

/** The partner agencies, searchable without diacritics; the coordinator adds new ones. */
export function PartnerListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.coursesManage);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const query = usePartners({ page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) });
  const create = usePartnerMutation(createPartner);

  useEffect(() => {
    document.title = `${t('trainingCourses.partners.title')} · ${t('app.name')}`;
  }, [t]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('trainingCourses.partners.title')}
        </Typography.Title>
      }
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('trainingCourses.partners.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('trainingCourses.partners.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('trainingCourses.partners.search')}
        aria-label={t('trainingCourses.partners.search')}
        onSearch={(v) => {
          setPage(1);
          setQ(v.trim());
        }}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table<PartnerListItem>
        rowKey="id"
        data-testid="partner-table"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        tableLayout="auto"
        pagination={
          (query.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: query.data?.total, showSizeChanger: false, onChange: setPage }
            : false
        }
        locale={{ emptyText: <EmptyState description={t('trainingCourses.partners.empty')} /> }}
        columns={[
          { title: t('trainingCourses.partners.name'), dataIndex: 'name', render: (n: string, p) => <Link to={coursePaths.partner(p.id)}>{n}</Link> },
          { title: t('trainingCourses.partners.kind'), dataIndex: 'kind', responsive: ['md'], render: (k: PartnerKind) => t(`trainingCourses.partners.kinds.${k}`) },
          { title: t('trainingCourses.partners.agreementNumber'), dataIndex: 'agreementNumber', responsive: ['lg'] },
          { title: t('trainingCourses.partners.agreementValidUntil'), dataIndex: 'agreementValidUntil', responsive: ['sm'], render: (d: string | null) => formatIsoDate(d) },
          { title: t('trainingCourses.partners.courses'), dataIndex: 'courseCount', responsive: ['sm'] },
        ]}
      />
      <PartnerForm
        open={adding}
        saving={create.isPending}
        error={create.error}
        onClose={() => {
          setAdding(false);
          create.reset();
        }}
        onSubmit={(v) => create.mutate(v, { onSuccess: (p) => navigate(coursePaths.partner(p.id)) })}
      />
    </Card>
  );
}

export { PartnerListRoute as Component };
