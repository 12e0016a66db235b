import { App, Button, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { downloadMyHonourCertificate, useHomeCommendations, useHomeEnrolments, useHomeInitiatives } from '../api/home';

export interface MemberHomeProps {
  trainings: boolean;
  initiatives: boolean;
  commendations: boolean;
}

/**
 * A member's home (#15): their trainings with the next session, their initiatives with their status and their
 * commendations with the honouring certificate to download when they have one — one card each, linking to the full lists.
 */
export function MemberHome({ trainings, initiatives, commendations }: MemberHomeProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="home-mine" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('home.mine')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {trainings ? (
          <Col xs={24} lg={8}>
            <TrainingsCard />
          </Col>
        ) : null}
        {initiatives ? (
          <Col xs={24} lg={8}>
            <InitiativesCard />
          </Col>
        ) : null}
        {commendations ? (
          <Col xs={24} lg={8}>
            <CommendationsCard />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}

function HomeCard({ title, to, testId, loading, children }: { title: string; to: string; testId: string; loading: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      style={{ height: '100%' }}
      data-testid={testId}
      title={
        <Link to={to} data-testid={`home-${testId.replace('card-', '')}`}>
          {title}
        </Link>
      }
      extra={<Link to={to}>{t('memberHome.all')}</Link>}
    >
      {loading ? <Skeleton active paragraph={{ rows: 2 }} /> : children}
    </Card>
  );
}

function TrainingsCard() {
  const { t } = useTranslation();
  const query = useHomeEnrolments(true);
  const items = (query.data ?? []).filter((e) => e.status !== 'Withdrawn').slice(0, 5);
  return (
    <HomeCard title={t('home.myTrainings')} to={paths.myTrainings} testId="card-myTrainings" loading={query.isPending}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noTrainings')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(e) => (
            <List.Item key={e.enrolmentId} style={{ display: 'block' }}>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {e.courseCode} – {e.courseTitle}
              </Typography.Text>
              <div>
                {e.nextSessionAt ? (
                  <Typography.Text type="secondary">
                    {t('memberHome.nextSession', { at: formatDateTime(e.nextSessionAt), topic: e.nextSessionTopic ?? '' })}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('memberHome.noNextSession')}</Typography.Text>
                )}
              </div>
              {e.status === 'Waitlisted' ? <Tag color="orange">{t('memberHome.waitlisted', { position: e.waitlistPosition ?? '' })}</Tag> : null}
            </List.Item>
          )}
        />
      )}
    </HomeCard>
  );
}

const INITIATIVE_COLOURS: Record<string, string> = {
  Draft: 'default',
  Submitted: 'blue',
  UnderReview: 'purple',
  Recognised: 'green',
  NotRecognised: 'red',
  Withdrawn: 'default',
};

function InitiativesCard() {
  const { t } = useTranslation();
  const query = useHomeInitiatives(true);
  const items = query.data?.items ?? [];
  return (
    <HomeCard title={t('home.myInitiatives')} to={paths.myInitiatives} testId="card-myInitiatives" loading={query.isPending}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noInitiatives')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item key={i.id} style={{ flexWrap: 'wrap', gap: 8 }}>
              <Link to={`${paths.participation}/initiatives/${i.id}`} style={{ overflowWrap: 'anywhere' }}>
                {i.title}
              </Link>
              <Tag color={INITIATIVE_COLOURS[i.status]}>{t(`memberHome.initiativeStatus.${i.status}`)}</Tag>
            </List.Item>
          )}
        />
      )}
    </HomeCard>
  );
}

function CommendationsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useHomeCommendations(true);
  const items = query.data?.items ?? [];
  const download = (id: string) => {
    downloadMyHonourCertificate(id).catch(() => message.error(t('memberHome.downloadFailed')));
  };
  return (
    <HomeCard title={t('home.myCommendations')} to={paths.myCommendations} testId="card-myCommendations" loading={query.isPending}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noCommendations')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item key={c.nomineeId} style={{ display: 'block' }}>
              <Typography.Text strong>{c.formName}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {t('memberHome.decision', { number: c.decisionNumber ?? '', date: formatDate(c.decisionDate), unit: c.decidingUnitName })}
                </Typography.Text>
              </div>
              {c.honourCertificateId ? (
                <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => download(c.honourCertificateId!)}>
                  {t('memberHome.certificate')}
                </Button>
              ) : null}
            </List.Item>
          )}
        />
      )}
    </HomeCard>
  );
}
