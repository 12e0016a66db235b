import '../strings';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { formatIsoDate } from '@/lib/format/date';
import { useDownloadTopicStatement, useTopicStatement, type StatementSource, type StatementTranche } from '../api/statements';
import { Money } from '../components/money';
import { toDong } from '../lib/money';
import { financePaths } from '../paths';

const amount = (key: keyof StatementSource, title: string) => ({
  title, dataIndex: key, align: 'right' as const, render: (v: number) => <Money value={v} />,
});

/** A research topic's funding statement: every đồng by source and tranche, from the ledger; download as .xlsx. */
export function TopicStatementRoute() {
  const { topicId = '' } = useParams();
  const { t } = useTranslation();
  const statement = useTopicStatement(topicId);
  const download = useDownloadTopicStatement();
  const { message } = App.useApp();
  if (!statement.data) return statement.isError ? <Alert type="error" message={t('finance.empty')} /> : null;
  const s = statement.data;
  const sourceColumns = [
    { title: t('finance.source'), dataIndex: 'sourceName', render: (n: string, r: StatementSource) => `${n} (${t(`finance.sourceKind.${r.kind}`)})` },
    amount('allocated', t('finance.allocated')), amount('remaining', t('finance.notRequested')), amount('requested', t('finance.requested')),
    amount('paid', t('finance.paid')), amount('spent', t('finance.spent')), amount('returned', t('finance.returned')),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={`${t('finance.topicStatement')}: ${s.title}`} />
      <Space wrap>
        <Button onClick={() => download.mutate(topicId, { onError: () => void message.error(t('states.errorServer')) })} loading={download.isPending} data-testid="download-topic-statement">{t('finance.downloadXlsx')}</Button>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }} data-testid="topic-statement-totals">
        <Descriptions.Item label={t('finance.allocated')}><span data-testid="statement-allocated"><Money value={s.allocated} strong /></span></Descriptions.Item>
        <Descriptions.Item label={t('finance.paid')}><span data-testid="statement-paid"><Money value={s.paid} /></span></Descriptions.Item>
        <Descriptions.Item label={t('finance.requested')}><Money value={s.requested} /></Descriptions.Item>
        <Descriptions.Item label={t('finance.notRequested')}><span data-testid="statement-remaining"><Money value={s.remaining} /></span></Descriptions.Item>
        <Descriptions.Item label={t('finance.spent')}><Money value={s.spent} /></Descriptions.Item>
        <Descriptions.Item label={t('finance.returned')}><Money value={s.returned} /></Descriptions.Item>
        {toDong(s.corrected) > 0n && (
          <Descriptions.Item label={t('finance.correctedLater')}><span data-testid="statement-corrected"><Money value={s.corrected} /></span></Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('finance.bySource')}>
        <Table<StatementSource> rowKey="sourceId" size="small" pagination={false} scroll={{ x: true }} dataSource={s.sources} columns={sourceColumns}
          data-testid="statement-sources" />
      </Card>
      {s.allocations.map((a) => (
        <Card key={a.id} size="small"
          title={<Link to={financePaths.allocation(a.id)}>{`${a.targetLabel} · ${a.unitName} · ${a.year}`}</Link>}
          extra={<Tag color={a.status === 'Open' ? 'blue' : 'green'}>{t(`finance.allocationStatus.${a.status}`)}</Tag>}>
          <Table<StatementTranche>
            rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={a.tranches} locale={{ emptyText: t('finance.empty') }}
            columns={[
              { title: t('finance.kind'), dataIndex: 'kind', render: (k: string) => t(`finance.trancheKind.${k}`) },
              { title: t('finance.status'), dataIndex: 'status', render: (v: string) => t(`finance.trancheStatus.${v}`) },
              { title: t('finance.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.bySource'), key: 'shares', render: (_: unknown, tr) => (
                <Space direction="vertical" size={0}>
                  {tr.shares.map((x) => <span key={x.sourceId}>{x.sourceName}: <Money value={x.amount} /></span>)}
                </Space>
              ) },
              { title: t('finance.voucher'), key: 'voucher', render: (_: unknown, tr) => (tr.voucherNumber ? `${tr.voucherNumber} · ${formatIsoDate(tr.paidOn ?? '')}` : '') },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

export { TopicStatementRoute as Component };
