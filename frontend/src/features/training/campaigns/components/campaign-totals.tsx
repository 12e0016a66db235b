import { Card, Col, Empty, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { ErrorState, LoadingState } from '@/components/states';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useCampaignTotals, type CampaignChannel, type CampaignDetail } from '../api/campaigns';

/**
 * The campaign's reach summed over a unit's subtree (the organiser's by default, or the reader's own unit), with
 * bars by direct sub-unit and by channel. Another unit of the reader's scope can be chosen.
 */
export function CampaignTotals({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const [within, setWithin] = useState<string | undefined>();
  const totals = useCampaignTotals(campaign.id, within);
  const tree = useUnitTree();
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const tt = (key: string) => t(`trainingCampaigns.totals.${key}`);

  return (
    <Card
      data-testid="campaign-totals"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {tt('title')}
        </Typography.Title>
      }
    >
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text id="totals-within-label">{tt('within')}</Typography.Text>
        <Select
          aria-labelledby="totals-within-label"
          data-testid="totals-within"
          style={{ width: 320, maxWidth: '100%' }}
          value={within ?? totals.data?.withinUnitId}
          onChange={setWithin}
          loading={tree.isPending}
          popupMatchSelectWidth={false}
          options={(tree.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Flex>
      {totals.isPending ? (
        <LoadingState />
      ) : totals.isError ? (
        <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 8]}>
            <Col xs={8}>
              <Statistic title={tt('events')} value={n(totals.data.eventsHeld)} />
            </Col>
            <Col xs={8}>
              <Statistic title={tt('people')} value={n(totals.data.peopleReached)} data-testid="total-people" />
            </Col>
            <Col xs={8}>
              <Statistic title={tt('women')} value={n(totals.data.womenReached)} />
            </Col>
          </Row>
          {totals.data.byUnit.length === 0 ? (
            <Empty description={tt('empty')} />
          ) : (
            <Row gutter={[24, 16]}>
              <Col xs={24} md={12}>
                <BarChart
                  testId="totals-by-unit"
                  title={tt('byUnit')}
                  bars={totals.data.byUnit.map((r) => ({ key: r.key, label: r.label, value: r.peopleReached, text: n(r.peopleReached) }))}
                />
              </Col>
              <Col xs={24} md={12}>
                <BarChart
                  testId="totals-by-channel"
                  title={tt('byChannel')}
                  bars={totals.data.byChannel.map((r) => ({
                    key: r.key,
                    label: t(`trainingCampaigns.channel.${r.key as CampaignChannel}`),
                    value: r.peopleReached,
                    text: n(r.peopleReached),
                  }))}
                />
              </Col>
            </Row>
          )}
        </Flex>
      )}
    </Card>
  );
}
