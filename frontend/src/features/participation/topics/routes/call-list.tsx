import '../strings';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState } from '@/components/states';
import { ToneTag } from '@/components/tone-tag';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { formatVnd } from '../../initiatives/components/vnd';
import { useResearchCalls, type ResearchCallView } from '../api/topics';
import { topicPaths } from '../paths';

/** The calls and orders the user reads: published by their units or by the units above (the province's order reaches every unit below). */
export function CallListRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.topicsManage);
  const canPropose = useHasPermission(PERMISSIONS.topicsPropose);
  const calls = useResearchCalls();
  const title = t('topics.calls');
  useDocumentTitle(title);
  const f = (k: string) => t(`topics.fields.${k}`);
  if (calls.isError) return <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{title}</Typography.Title>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(topicPaths.newCall)} data-testid="new-call">{t('topics.newCall')}</Button>
        ) : null}
      </Flex>
      <Table<ResearchCallView>
        rowKey="id"
        loading={calls.isLoading}
        dataSource={calls.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('topics.noCalls') }}
        data-testid="call-list"
        columns={[
          {
            title: f('title'),
            dataIndex: 'title',
            render: (v: string, c) => (
              <>
                <Link to={`${topicPaths.list}?callId=${c.id}`}>{v}</Link>
                <br />
                <Typography.Text type="secondary">{t(`topics.kind.${c.kind}`)} · {c.unitName}</Typography.Text>
              </>
            ),
          },
          { title: f('year'), dataIndex: 'year', responsive: ['md'] },
          { title: f('field'), dataIndex: 'field', responsive: ['lg'] },
          {
            title: f('deadline'),
            dataIndex: 'deadline',
            render: (d: string, c) => (
              <>{formatIsoDate(d)} <ToneTag tone={c.open ? 'green' : 'grey'}>{f(c.open ? 'open' : 'closed')}</ToneTag></>
            ),
          },
          { title: f('ceiling'), dataIndex: 'budgetCeiling', align: 'end', responsive: ['md'], render: (v: number) => formatVnd(v, i18n.language) },
          { title: f('passThreshold'), dataIndex: 'passThreshold', responsive: ['lg'] },
          {
            title: f('weights'),
            key: 'weights',
            responsive: ['lg'],
            render: (_: unknown, c) => (
              <span data-testid={`call-weights-${c.id}`}>
                {c.weights.map((w) => <div key={w.criterion}>{w.name}: {Math.round(Number(w.weight) * 10_000) / 100}%</div>)}
              </span>
            ),
          },
          { title: f('topics'), dataIndex: 'topics', responsive: ['md'] },
          {
            key: 'propose',
            render: (_: unknown, c) =>
              canPropose && c.open ? <Link to={topicPaths.create(c.id)} data-testid={`propose-${c.id}`}>{t('topics.newTopic')}</Link> : null,
          },
        ]}
      />
    </Card>
  );
}

export { CallListRoute as Component };
