import '../strings';
import { Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { useSources, type FundingSourceView } from '../api/budgets';
import { financePaths } from '../paths';

/** The funding sources of the units in scope; each opens its page (a sponsor's with its pledge and receipts). */
export function SourceListRoute() {
  const { t } = useTranslation();
  const sources = useSources();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={t('finance.sources')} />
      <Table<FundingSourceView>
        rowKey="id" size="small" loading={sources.isLoading} dataSource={sources.data ?? []} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: t('finance.empty') }} data-testid="source-list"
        columns={[
          { title: t('finance.source'), dataIndex: 'name', render: (name: string, s) => <Link to={financePaths.source(s.id)}>{name}</Link> },
          { title: t('finance.sourceKindLabel'), dataIndex: 'kind', render: (k: string) => t(`finance.sourceKind.${k}`) },
          { title: t('finance.unit'), dataIndex: 'unitName' },
          { title: t('finance.sponsorName'), dataIndex: 'sponsorName', render: (v: string | null, s) => v ?? s.programmeReference ?? '' },
        ]}
      />
    </Space>
  );
}

export { SourceListRoute as Component };
