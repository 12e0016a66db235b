import { Card, Col, Flex, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHARE_HEIGHT } from './dashboard-sizes';

/**
 * What the dashboard shows while its figures load: the coverage cards and a row of indicator cards in their final
 * size, so the page does not jump when they arrive (#17: the signed-in home page's CLS was 0.24).
 */
export function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} role="status" aria-live="polite" aria-label={t('common.loading')} data-testid="dashboard-loading">
      <Row gutter={[12, 12]}>
        {[0, 1, 2].map((n) => (
          <Col xs={24} md={8} key={n}>
            <Card size="small" style={{ height: SHARE_HEIGHT }}>
              <Flex gap={12} align="center">
                <Skeleton.Avatar active size={64} />
                <Skeleton active title={false} paragraph={{ rows: 2 }} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        {[0, 1, 2, 3].map((n) => (
          <Col xs={24} sm={12} xl={6} key={n}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}

