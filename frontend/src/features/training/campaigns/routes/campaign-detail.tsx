import '../strings';
import { Button, Card, Descriptions, Flex, List, Table, Tag, Typography } from 'antd';
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useCampaign, type ReachReport } from '../api/campaigns';
import { CampaignMaterials } from '../components/campaign-materials';
import { CampaignTotals } from '../components/campaign-totals';
import { ReachForm } from '../components/reach-form';
import { StatusTag } from '../components/status-tag';
import { campaignPaths } from '../paths';

/**
 * A campaign: its goal, period, channels and audiences, the participating units, materials, the reach each unit
 * reported and the totals over a subtree. Managers edit it; participating units' officers report reach.
 */
export function CampaignDetailRoute() {
  const { t, i18n } = useTranslation();
  const { campaignId = '' } = useParams();
  const navigate = useNavigate();
  const query = useCampaign(campaignId);
  const [reachOpen, setReachOpen] = useState(false);
  const campaign = query.data?.campaign;

  useEffect(() => {
    if (campaign) document.title = `${campaign.title} · ${t('app.name')}`;
  }, [campaign, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !campaign) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const label = (field: string) => t(`trainingCampaigns.fields.${field}`);
  const r = (field: string) => t(`trainingCampaigns.reach.${field}`);
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const quarter = (code: string) => {
    const [year, q] = code.split('-Q');
    return t('trainingCampaigns.reach.quarterLabel', { quarter: q, year });
  };

  return (
    <Flex vertical gap={16} data-testid="campaign-detail">
      <Card>
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: '1 1 280px' }}>
            {campaign.title}
          </Typography.Title>
          <Flex gap={8} wrap>
            {campaign.reportableUnitIds.length > 0 ? (
              <Button icon={<FormOutlined />} onClick={() => setReachOpen(true)} data-testid="report-reach">
                {r('report')}
              </Button>
            ) : null}
            {campaign.canManage ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(campaignPaths.edit(campaign.id))} data-testid="edit-campaign">
                {t('common.edit')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={label('status')}>
            <StatusTag status={campaign.status} />
          </Descriptions.Item>
          <Descriptions.Item label={label('period')}>{`${formatIsoDate(campaign.startsOn)} – ${formatIsoDate(campaign.endsOn)}`}</Descriptions.Item>
          <Descriptions.Item label={label('organiser')}>{campaign.unitName}</Descriptions.Item>
          <Descriptions.Item label={label('goal')}>{campaign.goal ?? none}</Descriptions.Item>
          <Descriptions.Item label={label('channels')}>
            <Flex gap={4} wrap>
              {campaign.channels.map((c) => (
                <Tag key={c}>{t(`trainingCampaigns.channel.${c}`)}</Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={label('audiences')}>
            {[...campaign.audiences.map((a) => t(`trainingCampaigns.audience.${a}`)), campaign.audienceNote].filter(Boolean).join(', ') || none}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('trainingCampaigns.participantsTitle')}
          </Typography.Title>
        }
      >
        <List
          size="small"
          data-testid="campaign-participants"
          dataSource={campaign.participants}
          locale={{ emptyText: <EmptyState description={t('trainingCampaigns.noParticipants')} /> }}
          renderItem={(p) => <List.Item>{`${p.name} (${p.code})`}</List.Item>}
        />
      </Card>

      <CampaignMaterials campaign={campaign} />

      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {r('title')}
          </Typography.Title>
        }
      >
        <Table<ReachReport>
          rowKey="id"
          size="small"
          data-testid="reach-reports"
          dataSource={campaign.reachReports}
          pagination={false}
          locale={{ emptyText: <EmptyState description={r('empty')} /> }}
          columns={[
            { title: r('unit'), dataIndex: 'unitName' },
            { title: r('period'), dataIndex: 'period', render: quarter },
            { title: r('eventsHeld'), dataIndex: 'eventsHeld', align: 'end', responsive: ['sm'], render: n },
            { title: r('peopleReached'), dataIndex: 'peopleReached', align: 'end', render: n },
            { title: r('womenReached'), dataIndex: 'womenReached', align: 'end', render: n },
            { title: r('reportedBy'), key: 'by', responsive: ['lg'], render: (_: unknown, x) => [x.reportedBy, formatDateTime(x.updatedAt)].filter(Boolean).join(' · ') },
          ]}
        />
      </Card>

      <CampaignTotals campaign={campaign} />
      <ReachForm campaign={campaign} open={reachOpen} onClose={() => setReachOpen(false)} />
    </Flex>
  );
}

export { CampaignDetailRoute as Component };
