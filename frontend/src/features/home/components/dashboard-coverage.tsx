import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/lib/format/number';
import type { Dashboard as DashboardData } from '../api/dashboard';
import { SHARE_HEIGHT } from './dashboard-sizes';

function Share({ title, done, total, testId }: { title: string; done: number; total: number; testId: string }) {
  const { t, i18n } = useTranslation();
  const share = total === 0 ? 0 : done / total;
  return (
    <Card size="small" style={{ height: '100%', minHeight: SHARE_HEIGHT }} data-testid={testId}>
      <Flex gap={12} align="center">
        <Progress
          type="circle"
          size={64}
          percent={Math.round(share * 100)}
          format={() => formatPercent(share, i18n.language)}
          aria-label={title}
        />
        <Flex vertical>
          <Typography.Text>{title}</Typography.Text>
          <Typography.Text type="secondary">{t('dashboard.coverage.of', { done, total })}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

export function Coverage({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const c = data.coverage;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <Share testId="coverage-focal" title={t('dashboard.coverage.focal')} done={c.focalOfficials.covered} total={c.focalOfficials.total} />
      </Col>
      {c.implementationPlans ? (
        <Col xs={24} md={8}>
          <Share testId="coverage-plans" title={t('dashboard.coverage.plans')} done={c.implementationPlans.issuedOnTime} total={c.implementationPlans.expected} />
        </Col>
      ) : null}
      <Col xs={24} md={8}>
        {c.reports ? (
          <Share testId="coverage-reports" title={t('dashboard.coverage.reports')} done={c.reports.onTime} total={c.reports.expected} />
        ) : (
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text>{t('dashboard.coverage.reports')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('dashboard.coverage.noPeriod')}</Typography.Text>
          </Card>
        )}
      </Col>
    </Row>
  );
}

