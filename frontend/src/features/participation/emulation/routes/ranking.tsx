import '../strings';
import { Alert, App, Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { useDownloadRanking, useMovements, useRanking, type RankingView } from '../api/emulation';
import { YearSelect } from '../components/year-select';
import { emulationPaths } from '../paths';

type Cluster = RankingView['clusters'][number];

function ClusterTable({ cluster, ranking }: { cluster: Cluster; ranking: RankingView }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`emulation.fields.${k}`);
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{`${cluster.name} · ${f('leadingUnit')}: ${cluster.leadingUnitName}`}</span>} data-testid="ranking-cluster">
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={cluster.rows}
        columns={[
          { title: f('rank'), dataIndex: 'rank', width: 70, render: (r: number, row) => <>{r}{row.tied ? <Tag style={{ marginInlineStart: 4 }}>{t('emulation.tied')}</Tag> : null}</> },
          { title: f('unit'), dataIndex: 'unitName', render: (n: string, row) => (row.registrationId ? <Link to={emulationPaths.registration(row.registrationId)}>{n}</Link> : n) },
          { title: f('total'), dataIndex: 'total', align: 'end' },
          ...ranking.criteria.map((c, n) => ({
            title: `${c.order}`,
            key: c.id,
            align: 'end' as const,
            responsive: ['md' as const],
            render: (_: unknown, row: Cluster['rows'][number]) => row.points[n],
          })),
          { title: f('registeredOn'), dataIndex: 'late', responsive: ['lg'], render: (late: boolean) => (late ? t('emulation.late') : t('emulation.onTime')) },
        ]}
      />
      {cluster.rows.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <BarChart title={f('total')} testId={`ranking-chart-${cluster.clusterId}`}
            bars={cluster.rows.map((r) => ({ key: r.unitId, label: `${r.rank}. ${r.unitName}`, value: Number(r.total), text: `${r.total} ${t('emulation.points')}` }))} />
        </div>
      ) : null}
      {cluster.notRegistered.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {`${t('emulation.notRegistered')}: ${cluster.notRegistered.map((u) => u.name).join('; ')}`}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** The ranking of a movement's year per cluster (stated tie rule), with a chart and the .xlsx export. */
export function RankingRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const movements = useMovements({ pageSize: 100 });
  const movementId = search.get('movementId') ?? movements.data?.items[0]?.id;
  const year = Number(search.get('year')) || new Date().getFullYear() - 1;
  const ranking = useRanking(movementId, year);
  const download = useDownloadRanking();
  const f = (k: string) => t(`emulation.fields.${k}`);
  useDocumentTitle(t('emulation.ranking'));
  const set = (changes: Record<string, string>) => setSearch({ ...(movementId ? { movementId } : {}), year: String(year), ...changes });
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('emulation.ranking')}</h1>}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select aria-label={f('movement')} value={movementId} style={{ width: 320, maxWidth: '100%' }} data-testid="ranking-movement"
          options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} onChange={(v: string) => set({ movementId: v })} />
        <YearSelect value={year} onChange={(y) => set({ year: String(y) })} />
        <Button icon={<DownloadOutlined />} disabled={!movementId} loading={download.isPending} data-testid="ranking-xlsx"
          onClick={() => movementId && download.mutate({ id: movementId, year }, { onError: () => void message.error(t('states.errorServer')) })}>
          {t('emulation.downloadXlsx')}
        </Button>
      </Flex>
      {ranking.isLoading ? <LoadingState /> : null}
      {ranking.error ? <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
      {ranking.data ? (
        <Flex vertical gap={12}>
          <Alert type={ranking.data.final ? 'success' : 'info'} showIcon title={ranking.data.final ? t('emulation.final') : t('emulation.provisional')}
            description={`${t('emulation.tieRule')}: ${ranking.data.tieRule}`} data-testid="ranking-status" />
          <Typography.Text type="secondary">
            {ranking.data.criteria.map((c) => `${c.order}. ${c.name} (${c.maxPoints})`).join(' · ')}
          </Typography.Text>
          {ranking.data.clusters.length === 0 ? <Empty description={t('emulation.noClusters')} /> : null}
          {ranking.data.clusters.map((c) => <ClusterTable key={c.clusterId} cluster={c} ranking={ranking.data} />)}
        </Flex>
      ) : null}
    </Card>
  );
}

export { RankingRoute as Component };
